// Turns raw measurements into the numbers the table shows and checks them against the targets
// of issue #8. Targets are reported, never asserted: a miss is a ✗ in the table, not a failure.
import { median, round, spread } from './stats.mjs';

export const TARGETS = {
  ratio: 0.95,
  longTasks: 0,
  autoWithin: 0.9,
  /** Charts on screen against hidden: "within a few percent". */
  chartsRatio: 0.95,
  /** What the charts add to the page's CPU, as a share of the whole machine. */
  chartsCpuShare: 0.05,
  /** Live charts painted at least this often while training (frames with a chart draw, per s). */
  chartsRedrawsPerSec: 10,
  /** The page's frame rate with the charts on screen while training. */
  chartsFps: 55,
  firstLoadJsGzip: 200_000,
  /** Opening the page to the default template trained, with Auto (issue #15). */
  firstRunMs: 5_000,
};

/**
 * One row from its repetitions (`reps`: [{ app, bare }], bare and app back to back): the ratio is
 * the median of the repetitions' ratios, and the row's other figures are the median
 * repetition's. The memory runs ran once, beside the first bare fit.
 */
export function summariseRun(run, reps) {
  const ratioOf = ({ app, bare }) =>
    app.ok && bare.speed.ok && bare.speed.samplesPerSec
      ? app.samplesPerSec / bare.speed.samplesPerSec
      : null;
  const ratios = reps.map(ratioOf);
  const ratio = median(ratios.filter((r) => r !== null));
  // The repetition nearest the median stands for the row (with an even count none is on it).
  const distance = (r) => (r === null || ratio === null ? Infinity : Math.abs(r - ratio));
  const pick = ratios.reduce((best, r, i) => (distance(r) < distance(ratios[best]) ? i : best), 0);
  const { app, bare } = reps[pick];
  const valid = ratios.filter((r) => r !== null);
  const sameData =
    app.data && bare.speed.data
      ? JSON.stringify(app.data.xShape) === JSON.stringify(bare.speed.data.xShape) &&
        Math.abs(app.data.xSum - bare.speed.data.xSum) < 1e-6 &&
        Math.abs(app.data.ySum - bare.speed.data.ySum) < 1e-6
      : null;
  const memory = reps.find((r) => r.bare.memory)?.bare.memory ?? null;
  const folded = reps
    .filter((r) => r.folded)
    .map(({ folded: f, bare: b }) => ratioOf({ app: f, bare: b }))
    .filter((r) => r !== null);
  return {
    ...run,
    app,
    bare: bare.speed,
    ratio: round(ratio, 3),
    ratioOk: ratio === null ? null : ratio >= TARGETS.ratio,
    ratios: ratios.map((r) => round(r, 3)),
    // App / bare with the Charts and Predictions panels folded: the engine's own share of a gap.
    foldedRatio: round(median(folded), 3),
    ratioRange:
      valid.length > 1 ? [round(Math.min(...valid), 2), round(Math.max(...valid), 2)] : null,
    sameData,
    // The same model on both sides: the app's summary and tfjs's countParams agree with the spec.
    sameModel:
      app.params === undefined || !bare.speed.ok
        ? null
        : app.params === run.expectedParams && bare.speed.params === run.expectedParams,
    longTasksOk:
      app.ok && app.responsiveness ? app.responsiveness.longTasks === TARGETS.longTasks : null,
    memory: memory ? summariseMemory(memory) : null,
    pageErrors: reps.flatMap((r) => [...(r.app.pageErrors ?? []), ...(r.bare.pageErrors ?? [])]),
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

/**
 * One workload's speed with each chart tab on screen against the same run with the Charts panel
 * out of view (key null in `measured`; each value holds one result per repetition, in order).
 * Medians over the repetitions; the per-repetition ratios show how far the machine drifted.
 * Page cores: what the page (all its threads on Linux, else its main thread) used while training;
 * the charts' share is what they add to it, over the machine's `machineCores`.
 */
export function summariseCharts(run, measured, machineCores) {
  const hiddenRuns = measured.get(null) ?? [];
  const speed = (r) => (r.ok && r.samplesPerSec ? r.samplesPerSec : null);
  // After the warm-up epoch where the run measured it (the live workload), else from the click.
  const cpuOf = (r) => r.cpuAfterWarmup ?? r.cpu;
  const pageCores = (r) => cpuOf(r)?.threads?.page ?? cpuOf(r)?.mainThread ?? null;
  const mainCores = (r) => cpuOf(r)?.mainThread ?? null;
  const redrawsOf = (r) => (r.redrawsAfterWarmup ?? r.redraws)?.framesPerSec ?? null;
  const fpsOf = (r) => r.afterWarmupResponsiveness?.fps ?? null;
  /** [min, max] over the repetitions: how far one run's figure may stray from the median. */
  const spreadOf = (values, digits) => {
    const v = values.filter((x) => x !== null && Number.isFinite(x));
    return v.length ? [round(Math.min(...v), digits), round(Math.max(...v), digits)] : null;
  };
  const hidden = median(hiddenRuns.map(speed));
  const rows = [];
  for (const [tab, shown] of measured) {
    if (tab === null) continue;
    const visible = median(shown.map(speed));
    const ratio = visible !== null && hidden ? visible / hidden : null;
    const perRep = shown
      .map((r, i) => {
        const v = speed(r);
        const h = hiddenRuns[i] ? speed(hiddenRuns[i]) : null;
        return v !== null && h ? v / h : null;
      })
      .filter((x) => x !== null);
    const both = (cores) => {
      const v = median(shown.map(cores));
      const h = median(hiddenRuns.map(cores));
      return {
        visible: round(v, 3),
        hidden: round(h, 3),
        cost: v === null || h === null ? null : round(v - h, 3),
      };
    };
    const failed = [...shown, ...hiddenRuns].find((r) => !r.ok);
    const redraws = both(redrawsOf);
    const fps = both(fpsOf);
    const page = both(pageCores);
    const share = page.cost === null || !(machineCores > 0) ? null : page.cost / machineCores;
    // Each repetition's share against its own hidden run (they ran back to back).
    const repShares = shown.map((r, i) => {
      const v = pageCores(r);
      const h = hiddenRuns[i] ? pageCores(hiddenRuns[i]) : null;
      return v === null || h === null || !(machineCores > 0) ? null : (v - h) / machineCores;
    });
    const longTasks = (runs) =>
      Math.max(0, ...runs.map((r) => r.afterWarmupResponsiveness?.longTasks ?? 0));
    const raw = (r) => ({
      ok: r.ok,
      samplesPerSec: r.samplesPerSec ?? null,
      cpu: r.cpu ?? null,
      cpuAfterWarmup: r.cpuAfterWarmup ?? null,
      longTasks: r.afterWarmupResponsiveness?.longTasks ?? null,
      redraws: r.redrawsAfterWarmup ?? r.redraws ?? null,
      fps: fpsOf(r),
      liveViews: r.liveViews ?? null,
    });
    rows.push({
      workload: run.workload,
      workloadTitle: run.workloadTitle,
      backend: run.backend,
      tab,
      reps: shown.length,
      epochs: shown[0]?.epochs ?? null,
      visible: visible === null ? null : Math.round(visible),
      hidden: hidden === null ? null : Math.round(hidden),
      reason: failed ? failed.reason : null,
      ratio: round(ratio, 3),
      repRatios: perRep.length
        ? [round(Math.min(...perRep), 2), round(Math.max(...perRep), 2)]
        : null,
      pageCores: page,
      mainThreadCores: both(mainCores),
      cpuShare: round(share, 3),
      cpuOk: share === null ? null : share <= TARGETS.chartsCpuShare,
      // Frames with a chart draw per second, and the page's frame rate after the warm-up epoch.
      redrawsPerSec: { visible: redraws.visible, hidden: redraws.hidden },
      fps: { visible: round(fps.visible, 1), hidden: round(fps.hidden, 1) },
      spreads: {
        redrawsPerSec: spreadOf(shown.map(redrawsOf), 1),
        fps: spreadOf(shown.map(fpsOf), 1),
        hiddenFps: spreadOf(hiddenRuns.map(fpsOf), 1),
        cpuShare: spreadOf(repShares, 3),
      },
      // The live views (figures, tables) on screen at the run's end, in the first repetition.
      liveViews: shown[0]?.liveViews ?? null,
      hiddenLiveViews: hiddenRuns[0]?.liveViews ?? null,
      redrawsOk: redraws.visible === null ? null : redraws.visible >= TARGETS.chartsRedrawsPerSec,
      fpsOk: fps.visible === null ? null : fps.visible >= TARGETS.chartsFps,
      // The most long tasks after the warm-up epoch in any one run, on screen and hidden.
      longTasks: { visible: longTasks(shown), hidden: longTasks(hiddenRuns) },
      ok: ratio === null ? null : ratio >= TARGETS.chartsRatio,
      runs: { visible: shown.map(raw), hidden: hiddenRuns.map(raw) },
    });
  }
  return rows;
}
