import { downloadBlob } from '../../components/download';
import { toSweepPython, type SweepScriptKind } from '../../core/export/keras-tuner';
import { planSweep } from '../../core/sweep/expand';
import { sweepCsv, sweepJson } from '../../core/sweep/export';
import type { SweepRecord } from '../../core/sweep/results';
import { experimentOf } from '../../store/experiment-state';
import { selectEffectiveLoss } from '../../store/selectors';
import type { AppState } from '../../store/store';

export function downloadSweepTable(rec: SweepRecord, format: 'csv' | 'json'): void {
  const text = format === 'csv' ? sweepCsv(rec) : sweepJson(rec);
  const type = format === 'csv' ? 'text/csv' : 'application/json';
  downloadBlob(new Blob([text], { type }), `sweep.${format}`);
}

/** The sweep as Python, on the experiment on screen; why not, when it cannot be planned. */
export function downloadSweepScript(s: AppState, kind: SweepScriptKind): string | null {
  if (!s.prepared.ok) return s.prepared.reason;
  const exp = experimentOf(s);
  const loss = selectEffectiveLoss(s);
  const plan = planSweep(s.sweepDefinition, {
    spec: s.spec,
    settings: { ...s.trainingSettings, loss },
    data: s.prepared.value,
  });
  if (!plan.ok) return plan.reason;
  const script = toSweepPython(kind, {
    exp,
    definition: s.sweepDefinition,
    plan: plan.value,
    loss,
  });
  const name = kind === 'keras-tuner' ? 'sweep_keras_tuner.py' : 'sweep_loop.py';
  downloadBlob(new Blob([script], { type: 'text/x-python' }), name);
  return null;
}
