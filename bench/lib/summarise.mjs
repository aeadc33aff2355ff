// Turns raw measurements into the numbers the table shows and checks them against the targets
// of issue #8. Targets are reported, never asserted: a miss is a ✗ in the table, not a failure.
import { round, spread } from './stats.mjs';

export const TARGETS = {
  ratio: 0.95,
  longTasks: 0,
  autoWithin: 0.9,
  /** Charts on screen against hidden: "within a few percent". */
  chartsRatio: 0.95,
  firstLoadJsGzip: 200_000,
};

export function summariseRun(run, app, bare) {
  const ratio =
    app.ok && bare.speed.ok && bare.speed.samplesPerSec
      ? app.samplesPerSec / bare.speed.samplesPerSec
      : null;
  const sameData =
    app.data && bare.speed.data
      ? JSON.stringify(app.data.xShape) === JSON.stringify(bare.speed.data.xShape) &&
        Math.abs(app.data.xSum - bare.speed.data.xSum) < 1e-6 &&
        Math.abs(app.data.ySum - bare.speed.data.ySum) < 1e-6
      : null;
  return {
    ...run,
    app,
    bare: bare.speed,
    ratio: round(ratio, 3),
    ratioOk: ratio === null ? null : ratio >= TARGETS.ratio,
    sameData,
    // The same model on both sides: the app's summary and tfjs's countParams agree with the spec.
    sameModel:
      app.params === undefined || !bare.speed.ok
        ? null
        : app.params === run.expectedParams && bare.speed.params === run.expectedParams,
    longTasksOk:
      app.ok && app.responsiveness ? app.responsiveness.longTasks === TARGETS.longTasks : null,
    memory: bare.memory ? summariseMemory(bare.memory) : null,
    pageErrors: [...(app.pageErrors ?? []), ...(bare.pageErrors ?? [])],
  };
}

function grows(values) {
  if (values.length < 2) return false;
  const half = values.length >> 1;
  return Math.max(...values.slice(half)) > Math.max(...values.slice(0, half));
}

export function summariseMemory(m) {
  if (!m.ok) return m;
  const at = (label) => m.series.find((s) => s.label === label);
  const epochs = m.series.filter((s) => s.label.startsWith('epoch'));
  const rebuilds = m.series.filter((s) => s.label.startsWith('rebuild'));
  const ended = at('run ended');
  const last = rebuilds.at(-1) ?? ended;
  const epochTensors = spread(epochs.map((s) => s.numTensors));
  const epochBytes = spread(epochs.map((s) => s.numBytes));
  const epochGpu = spread(epochs.map((s) => s.gpuBytes));
  // The engine keeps the last finished or stopped model (for "save weights"), so 'run ended'
  // may hold that model's weights; what must not happen is growth across epochs or rebuilds.
  // Tensor counts are exact; byte counts on webgpu cycle as its buffer pool recycles, so
  // "grows" means the second half of a series peaks higher than the first.
  const afterRun = [ended, ...rebuilds];
  const flat =
    epochTensors === 0 &&
    afterRun.every((s) => s.numTensors === ended.numTensors) &&
    !grows(epochs.map((s) => s.numBytes)) &&
    !grows(epochs.map((s) => s.gpuBytes ?? 0)) &&
    !grows(afterRun.map((s) => s.numBytes)) &&
    !grows(afterRun.map((s) => s.gpuBytes ?? 0));
  const range = (values) => ({ min: Math.min(...values), max: Math.max(...values) });
  return {
    ok: true,
    samples: m.samples,
    epochs: m.epochs,
    rebuilds: m.rebuilds,
    tensors: {
      start: at('start').numTensors,
      epochMin: Math.min(...epochs.map((s) => s.numTensors)),
      epochMax: Math.max(...epochs.map((s) => s.numTensors)),
      ended: ended.numTensors,
      afterRebuilds: last.numTensors,
    },
    bytes: {
      epochFirst: epochs[0].numBytes,
      epochSpread: epochBytes,
      ended: ended.numBytes,
      afterRebuilds: last.numBytes,
    },
    gpuBytes: {
      epochFirst: epochs[0].gpuBytes,
      epochSpread: epochGpu,
      ended: ended.gpuBytes,
      afterRebuilds: last.gpuBytes,
      rebuildRange: ended.gpuBytes === null ? null : range(afterRun.map((s) => s.gpuBytes)),
    },
    heap: {
      epochFirst: epochs[0].heap,
      epochLast: epochs.at(-1).heap,
      ended: ended.heap,
      afterRebuilds: last.heap,
    },
    flat,
    ms: m.ms,
    series: m.series,
  };
}

/** Auto's pick against the fastest backend the bench measured in the app for that workload. */
export function summariseAuto(workload, auto, runs) {
  const measured = runs
    .filter((r) => r.workload === workload && r.app.ok && r.app.samplesPerSec)
    .map((r) => ({ backend: r.backend, samplesPerSec: r.app.samplesPerSec, capped: r.capped }));
  if (!auto.ok) return { workload, ...auto, measured };
  if (measured.length === 0) return { workload, ...auto, measured, reason: 'nothing measured' };
  const fastest = measured.reduce((a, b) => (b.samplesPerSec > a.samplesPerSec ? b : a));
  const picked = measured.find((m) => m.backend === auto.picked) ?? null;
  const share = picked ? picked.samplesPerSec / fastest.samplesPerSec : null;
  return {
    workload,
    ok: true,
    picked: auto.picked,
    results: auto.results,
    fastest: fastest.backend,
    share: round(share, 3),
    within: share === null ? null : share >= TARGETS.autoWithin,
    measured,
  };
}

/** One workload's speed with the charts on screen against the same run with them hidden. */
export function summariseCharts(run, hidden) {
  const visible = run.app.samplesPerSec;
  const ratio = hidden.ok && hidden.samplesPerSec ? visible / hidden.samplesPerSec : null;
  return {
    workload: run.workload,
    workloadTitle: run.workloadTitle,
    backend: run.backend,
    visible: Math.round(visible),
    hidden: hidden.ok ? Math.round(hidden.samplesPerSec) : null,
    reason: hidden.ok ? null : hidden.reason,
    ratio: round(ratio, 3),
    ok: ratio === null ? null : ratio >= TARGETS.chartsRatio,
  };
}
