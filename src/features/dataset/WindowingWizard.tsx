import { useId, useMemo, useState } from 'react';
import { NumberField } from '../../components/NumberField';
import { numberRule } from '../../core/number-rule';
import {
  describeWindowing,
  windowingSchema,
  windowCount,
  windowSpecOf,
  type WindowingConfig,
} from '../../data/index';
import { formatCount, plural } from '../../data/result';
import { useAppStore } from '../../store/store';
import { selectDataLoaded, selectDatasetConfig, selectPrepared } from '../../store/selectors';
import { commitConfig, withWindowing } from './edit-config';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
import { ChartSlot } from '../../components/ChartSlot';
import { WindowChart } from './lazy-charts';
import { WindowColumns } from './WindowColumns';
import { windowView } from './window-view';

const MODES = [
  { value: 'forecast', label: 'Forecast: h steps on' },
  { value: 'classify', label: 'Classify: last step' },
] as const;

const LENGTH = numberRule(windowingSchema.shape.length);
const STRIDE = numberRule(windowingSchema.shape.stride);
const HORIZON = numberRule(windowingSchema.shape.horizon);

/**
 * Cuts a series into windows the way Keras timeseries_dataset_from_array does, says so in a
 * sentence, and lets the user step through the windows on a chart of the series.
 */
export function WindowingWizard() {
  const config = useAppStore(selectDatasetConfig);
  const loaded = useAppStore(selectDataLoaded);
  const prepared = useAppStore(selectPrepared);
  const headingId = useId();
  const [k, setK] = useState(0);
  const w = config.prepare.windowing;
  const spec = useMemo(() => windowSpecOf(config.prepare), [config.prepare]);
  const data = prepared.ok && w.enabled ? prepared.value : null;
  const table = loaded?.table;
  const view = useMemo(
    () => (table && data ? windowView(table, data, spec, k) : null),
    [table, data, spec, k],
  );
  // Windows suit series and files; 2-D point sets and images have no order to cut.
  const orderless =
    (config.source === 'builtin' && table?.kind !== 'series') || table?.images !== undefined;
  if (!table || (orderless && !w.enabled)) return null;
  const set = (patch: Partial<WindowingConfig>) => commitConfig(withWindowing(config, patch));
  const targetName = w.targetColumn || (prepared.ok ? prepared.value.targetName : undefined);
  const sentence = describeWindowing(spec, {
    rows: table.rowCount,
    ...(targetName ? { targetName } : {}),
  });
  const [n = 0, t = 0, f = 0] = data?.xShape ?? [];
  return (
    <section className="data-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Windows</h3>
      <CheckboxField
        className="data-check"
        label="Cut the series into windows"
        checked={w.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      {w.enabled && (
        <>
          <div className="data-grid">
            <NumberField
              className="data-field"
              label="Window length"
              value={w.length}
              rule={LENGTH}
              hint="Steps per window (T)"
              onCommit={(length) => set({ length })}
            />
            <NumberField
              className="data-field"
              label="Stride"
              value={w.stride}
              rule={STRIDE}
              hint="Steps between window starts"
              onCommit={(stride) => set({ stride })}
            />
            <SelectField
              className="data-field"
              label="Each window predicts"
              value={w.mode}
              options={MODES}
              onChange={(mode) => set({ mode })}
            />
            {w.mode === 'forecast' && (
              <NumberField
                className="data-field"
                label="Horizon"
                value={w.horizon}
                rule={HORIZON}
                hint="Steps ahead (h)"
                onCommit={(horizon) => set({ horizon })}
              />
            )}
          </div>
          <WindowColumns config={config} table={table} prepared={prepared} />
          <p className="data-sentence">{sentence}</p>
          {!prepared.ok && (
            <p role="status" className="data-problem">
              {prepared.reason}
            </p>
          )}
          {data && (
            <p className="data-ntf" aria-label="Window shape">
              N = {plural(n, 'window')} · T = {plural(t, 'step')} · F = {plural(f, 'feature')}
            </p>
          )}
          {data &&
            data.splitMode === 'chronological' &&
            n !== windowCount(table.rowCount, spec) && (
              <p className="data-help">
                The chronological split cuts the series first and windows each part on its own, so
                no window reaches across the cut: {formatCount(n)} windows rather than{' '}
                {formatCount(windowCount(table.rowCount, spec))}.
              </p>
            )}
          {view && (
            <>
              <ChartSlot minHeight={200}>
                <WindowChart view={view} />
              </ChartSlot>
              <div className="data-window-nav" role="group" aria-label="Step through the windows">
                <button type="button" onClick={() => setK(view.k - 1)} disabled={view.k === 0}>
                  Previous window
                </button>
                <span aria-live="polite" className="data-window-at">
                  Window {formatCount(view.k + 1)} of {formatCount(view.count)} (
                  {view.training ? 'training' : 'validation'}): steps {view.start}–{view.end - 1} →
                  target at step {view.target}: {data?.targetName} = {view.targetText}
                </span>
                <button
                  type="button"
                  onClick={() => setK(view.k + 1)}
                  disabled={view.k >= view.count - 1}
                >
                  Next window
                </button>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
