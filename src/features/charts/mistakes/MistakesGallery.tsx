import { useEffect, useMemo, useRef, useState } from 'react';
import type { PreparedData } from '../../../data/index';
import { MistakeCards } from './MistakeCards';
import { MistakeRows } from './MistakeRows';
import { samplesText, selectSamples, type CellFilter, type Verdict } from './mistakes';
import { revealInScroller } from './reveal';
import { imageShape } from './sample-view';

/** Samples drawn at a time: a page of 28×28 canvases costs little even on every probe. */
const PAGE = 24;

/**
 * The probed validation samples the model gets wrong, most confident first — or, when a
 * confusion cell is picked, exactly that cell's samples. Remounted (by key) when the cell
 * changes, so each choice starts at the first page.
 */
export function MistakesGallery({
  id,
  data,
  firstSample,
  all,
  wrong,
  filter,
  reveal,
  onShowAll,
}: {
  id: string;
  data: PreparedData;
  firstSample: number;
  all: readonly Verdict[];
  wrong: number;
  filter: CellFilter;
  /** Scroll the gallery into sight when it opens (a cell picked with the pointer). */
  reveal: boolean;
  onShowAll: () => void;
}) {
  const [limit, setLimit] = useState(PAGE);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (reveal && ref.current) revealInScroller(ref.current);
  }, [reveal]);
  const samples = useMemo(() => selectSamples(all, filter), [all, filter]);
  const shown = samples.slice(0, limit);
  const name = (i: number) => data.classNames[i] ?? String(i);
  const valCount = Math.max(0, (data.xShape[0] ?? 0) - data.trainCount);
  const shape = imageShape(data);
  const correct = filter !== null && filter.actual === filter.predicted;
  const what =
    filter === null
      ? 'all mistakes'
      : correct
        ? `true ${name(filter.actual)}, predicted right (${samplesText(samples.length)})`
        : `true ${name(filter.actual)} → predicted ${name(filter.predicted)} (${samplesText(samples.length)})`;
  return (
    <section ref={ref} id={id} className="mistakes" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Mistakes</h3>
      <p className="mistakes-count">
        {wrong} of {all.length} validation samples wrong
        {all.length < valCount && (
          <span className="hint">
            {' '}
            (the probe predicts the first {all.length} of the {valCount} validation samples)
          </span>
        )}
      </p>
      <p className="mistakes-state">
        <span>
          Showing: {what}
          {samples.length > 1 && (correct ? ', least confident first' : ', most confident first')}
        </span>
        {filter !== null && (
          <button type="button" className="link-button" onClick={onShowAll}>
            Show all mistakes
          </button>
        )}
      </p>
      {samples.length === 0 ? (
        <p className="empty-note">
          {filter === null ? 'No mistakes on these samples.' : 'No samples in this cell.'}
        </p>
      ) : shape ? (
        <MistakeCards data={data} firstSample={firstSample} shown={shown} shape={shape} />
      ) : (
        <MistakeRows data={data} firstSample={firstSample} shown={shown} />
      )}
      {samples.length > shown.length && (
        <p className="mistakes-more">
          <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
            Show more
          </button>
          <span className="hint">
            {shown.length} of {samples.length} shown
          </span>
        </p>
      )}
    </section>
  );
}
