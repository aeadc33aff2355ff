import { useEffect, useId, useState } from 'react';
import { timelineBytes } from '../../../core/timeline/history';
import { TIMELINE_BUDGET_BYTES } from '../../../core/timeline/thinning';
import { selectTimelineEntries } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { useThrottledStore } from '../../../store/useThrottledStore';

const PLAY_STEP_MS = 600;
const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * Moves every view (layer outputs, predictions, the timeline's own views) to an epoch of the run:
 * a slider over the recorded epochs (arrow keys step), play/pause, and Live to follow the run.
 */
export function TimelineScrubber() {
  const id = useId();
  const entries = useThrottledStore(selectTimelineEntries);
  const at = useAppStore((s) => s.timelineAt);
  const replay = useAppStore((s) => s.replay);
  const notice = useAppStore((s) => s.timelineNotice);
  const [playing, setPlaying] = useState(false);
  const epochs = entries.map((e) => e.epoch);
  const last = epochs.length - 1;
  const live = at === null && !replay;
  let index = last;
  if (at !== null) {
    index = 0;
    epochs.forEach((e, i) => {
      if (e <= at) index = i;
    });
  }
  const setAt = useAppStore.getState().setTimelineAt;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const s = useAppStore.getState();
      const list = selectTimelineEntries(s).map((e) => e.epoch);
      const now = s.timelineAt ?? list.at(-1) ?? 0;
      const next = list.find((e) => e > now);
      if (next === undefined) setPlaying(false);
      else s.setTimelineAt(next);
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing]);

  if (epochs.length === 0) return null;
  const epoch = epochs[index] ?? 0;
  const shown = epoch === 0 ? 'before training' : `epoch ${epoch}`;
  return (
    <section className="timeline-scrubber" aria-label="Training timeline">
      {replay && (
        <p className="hint">
          Replaying <strong>{replay.name}</strong> from the run history.{' '}
          <button type="button" onClick={() => useAppStore.getState().stopReplay()}>
            Back to the current run
          </button>
        </p>
      )}
      <div className="timeline-row">
        <button
          type="button"
          aria-pressed={playing}
          onClick={() => {
            if (!playing && (at === null || index === last)) setAt(epochs[0] ?? 0);
            setPlaying(!playing);
          }}
        >
          {playing ? 'Pause replay' : 'Play from the start'}
        </button>
        <label htmlFor={id}>Timeline epoch</label>
        <input
          id={id}
          type="range"
          min={0}
          max={Math.max(0, last)}
          step={1}
          value={index}
          aria-valuetext={shown}
          onChange={(e) => {
            setPlaying(false);
            setAt(epochs[Number(e.target.value)] ?? 0);
          }}
        />
        <output htmlFor={id} aria-live="off">
          {live ? `Live · ${shown}` : shown}
        </output>
        {!replay && (
          <button
            type="button"
            aria-pressed={live}
            disabled={live}
            onClick={() => {
              setPlaying(false);
              setAt(null);
            }}
          >
            Live
          </button>
        )}
      </div>
      <p className="hint">
        {epochs.length} snapshots, {mb(timelineBytes(entries))} MB of {mb(TIMELINE_BUDGET_BYTES)}{' '}
        MB: past that, older epochs are thinned evenly (the first and last are kept).
      </p>
      {notice && <p className="hint warning">{notice}</p>}
    </section>
  );
}
