import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  MAX_SWEEP_PARAMS,
  MAX_SWEEP_RUNS,
  type SweepDefinition,
} from '../../core/sweep/definition';
import { describeValues, planSweep, type SweepPlan } from '../../core/sweep/expand';
import type { Result } from '../../core/result';
import { resolveLoss } from '../../core/training/compat';
import { estimateSweepMs, formatDuration } from '../../core/sweep/estimate';
import { defaultEarlyStopping } from '../../core/training/early-stopping';
import { useAppStore } from '../../store/store';
import { ParamRow } from './ParamRow';
import { newParam, targetKey, targetOptions } from './targets';

/** The measured speed to estimate from: the sweep's own runs, else the last run trained. */
function useMeasuredSpeed(): number | null {
  return useAppStore((s) => {
    const sweepRates =
      s.sweep?.results
        .map((r) => r.samplesPerSec)
        .filter((x): x is number => x !== null && x > 0) ?? [];
    if (sweepRates.length > 0) return sweepRates.reduce((a, b) => a + b, 0) / sweepRates.length;
    const rate = s.run.progress?.samplesPerSec ?? 0;
    return rate > 0 ? rate : null;
  });
}

export function SweepDefine({ busy }: { busy: boolean }) {
  const { def, spec, settings, prepared } = useAppStore(
    useShallow((s) => ({
      def: s.sweepDefinition,
      spec: s.spec,
      settings: s.trainingSettings,
      prepared: s.prepared,
    })),
  );
  const set = (d: SweepDefinition) => useAppStore.getState().setSweepDefinition(d);
  const options = useMemo(() => targetOptions(spec, settings), [spec, settings]);
  const plan = useMemo((): Result<SweepPlan> => {
    if (!prepared.ok) return { ok: false, reason: prepared.reason };
    const data = prepared.value;
    const loss = resolveLoss(settings.loss, data.suggestedOutput.loss);
    return planSweep(def, { spec, settings: { ...settings, loss }, data });
  }, [def, spec, settings, prepared]);
  const speed = useMeasuredSpeed();
  const trainCount = prepared.ok ? prepared.value.trainCount : 0;
  const estimate = plan.ok ? estimateSweepMs(plan.value.runs, trainCount, speed ?? 0) : null;
  const unused = options.filter((o) => !def.params.some((p) => targetKey(p.target) === o.key));
  const es = def.earlyStopping;

  return (
    <section className="sweep-define" aria-labelledby="sweep-define-title">
      <h3 id="sweep-define-title">Define</h3>
      <fieldset disabled={busy} className="sweep-fields">
        {def.params.map((p, i) => (
          <ParamRow
            key={`${targetKey(p.target)}:${p.space.type}`}
            n={i + 1}
            param={p}
            options={options.filter((o) => o.key === targetKey(p.target) || unused.includes(o))}
            onChange={(np) => set({ ...def, params: def.params.map((x, j) => (j === i ? np : x)) })}
            onRemove={() =>
              def.params.length > 1 && set({ ...def, params: def.params.filter((_, j) => j !== i) })
            }
          />
        ))}
        {def.params.length < MAX_SWEEP_PARAMS && unused[0] && (
          <button
            type="button"
            onClick={() => set({ ...def, params: [...def.params, newParam(unused[0]!)] })}
          >
            Vary another thing
          </button>
        )}
        <div className="sweep-strategy">
          <label>
            Strategy
            <select
              aria-label="Strategy"
              value={def.strategy}
              onChange={(e) => set({ ...def, strategy: e.target.value as 'grid' | 'random' })}
            >
              <option value="grid">Grid (every combination)</option>
              <option value="random">Random</option>
            </select>
          </label>
          {def.strategy === 'random' && (
            <>
              <label>
                Runs (max_trials)
                <input
                  aria-label="Runs (max_trials)"
                  type="number"
                  min={1}
                  max={MAX_SWEEP_RUNS}
                  defaultValue={def.count}
                  onChange={(e) => {
                    const n = Number(e.target.value);
                    if (Number.isInteger(n) && n >= 1 && n <= MAX_SWEEP_RUNS)
                      set({ ...def, count: n });
                  }}
                />
              </label>
              <label>
                Random seed
                <input
                  aria-label="Random seed"
                  type="number"
                  min={0}
                  defaultValue={def.seed}
                  onChange={(e) => {
                    const n = Number(e.target.value);
                    if (Number.isInteger(n) && n >= 0) set({ ...def, seed: n });
                  }}
                />
              </label>
            </>
          )}
        </div>
        <div className="sweep-early">
          <label className="check">
            <input
              type="checkbox"
              checked={es !== null}
              onChange={(e) =>
                set({ ...def, earlyStopping: e.target.checked ? defaultEarlyStopping : null })
              }
            />
            Early stopping (EarlyStopping)
          </label>
          {es && (
            <>
              <label>
                monitor
                <select
                  aria-label="monitor"
                  value={es.monitor}
                  onChange={(e) =>
                    set({
                      ...def,
                      earlyStopping: { ...es, monitor: e.target.value as 'val_loss' | 'loss' },
                    })
                  }
                >
                  <option>val_loss</option>
                  <option>loss</option>
                </select>
              </label>
              <label>
                patience
                <input
                  aria-label="patience"
                  type="number"
                  min={0}
                  defaultValue={es.patience}
                  onChange={(e) => {
                    const n = Number(e.target.value);
                    if (Number.isInteger(n) && n >= 0 && n <= 1000)
                      set({ ...def, earlyStopping: { ...es, patience: n } });
                  }}
                />
              </label>
              <label>
                min_delta
                <input
                  aria-label="min_delta"
                  type="number"
                  min={0}
                  step="any"
                  defaultValue={es.min_delta}
                  onChange={(e) => {
                    const n = Number(e.target.value);
                    if (Number.isFinite(n) && n >= 0)
                      set({ ...def, earlyStopping: { ...es, min_delta: n } });
                  }}
                />
              </label>
            </>
          )}
        </div>
      </fieldset>
      <div className="sweep-plan" role="status" aria-label="Sweep plan">
        {!plan.ok ? (
          plan.reason && <p className="sweep-error">{plan.reason}</p>
        ) : (
          <>
            <p>
              <strong>
                {plan.value.runs.length} run{plan.value.runs.length === 1 ? '' : 's'}
              </strong>
              {estimate !== null
                ? `, about ${formatDuration(estimate)} at the measured ${Math.round(speed ?? 0)} samples/s`
                : ': train once to measure the speed, and the time estimate appears here'}
              {es && ' (less where early stopping ends runs)'}.
            </p>
            {plan.value.note && <p>{plan.value.note}</p>}
            {plan.value.skipped.length > 0 && (
              <details open>
                <summary>
                  {plan.value.skipped.length} combination
                  {plan.value.skipped.length === 1 ? '' : 's'} skipped
                </summary>
                <ul aria-label="Skipped combinations">
                  {plan.value.skipped.map((k, i) => (
                    <li key={i}>
                      {describeValues(plan.value.labels, k.values)}: {k.reason}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
    </section>
  );
}
