import { describe, expect, it } from 'vitest';
import { redrawRate } from './app-page.mjs';
import { LIVE, liveRecipe } from './live-workload.mjs';
import { chartVariants, parseArgs, rotate } from './plan.mjs';
import { WORKLOADS } from './workloads.mjs';
import { summariseCharts } from './summarise.mjs';
import { coresUsed, parseStat, threadGroup } from './thread-cpu.mjs';

const run = (samplesPerSec, page, main = page / 2, longTasks = 0, redraws = 0, fps = 60) => ({
  ok: true,
  samplesPerSec,
  epochs: 4,
  cpu: { mainThread: main, threads: { worker: 1, helpers: 0.3, page } },
  afterWarmupResponsiveness: { longTasks, fps },
  redraws: { framesPerSec: redraws },
});

describe('charts on screen against hidden', () => {
  it('measures each tab (the Predictions panel beside it) against all folded, pooling only where the model pools', () => {
    expect(chartVariants(LIVE.layers)).toEqual([null, 'Loss and runs', 'Layer outputs']);
    expect(chartVariants(WORKLOADS.conv.layers)).toEqual([
      null,
      'Loss and runs',
      'Layer outputs',
      'Pooling',
    ]);
  });

  it('trains the live workload as a classification with a validation split, in small batches', () => {
    const r = liveRecipe(2000);
    // A validation split and a metric: the predictions and the accuracy chart are live too.
    expect(r.dataset.config.prepare.validationSplit).toBeGreaterThan(0);
    expect(r.metrics).toEqual(['accuracy']);
    // 1,600 training points in batches of 16: 100 batches an epoch, for many redraws a second.
    expect(Math.ceil((2000 * 0.8) / r.batchSize)).toBe(100);
  });

  it('rotates the order so no variant always runs first', () => {
    expect(rotate([1, 2, 3], 0)).toEqual([1, 2, 3]);
    expect(rotate([1, 2, 3], 1)).toEqual([2, 3, 1]);
    expect(rotate([1, 2, 3], 4)).toEqual([2, 3, 1]);
  });

  it('takes medians over repetitions and pairs each repetition with its own hidden run', () => {
    const measured = new Map([
      [null, [run(100, 0.1), run(120, 0.12), run(80, 0.11)]],
      ['Loss and runs', [run(95, 0.2), run(126, 0.18, 0.09, 2), run(60, 0.16)]],
    ]);
    const [row] = summariseCharts(
      { workload: 'lstm', workloadTitle: 'LSTM', backend: 'cpu' },
      measured,
      2,
    );
    expect(row).toMatchObject({ tab: 'Loss and runs', reps: 3, visible: 95, hidden: 100 });
    expect(row.ratio).toBe(0.95);
    expect(row.ok).toBe(true);
    expect(row.repRatios).toEqual([0.75, 1.05]);
    expect(row.pageCores).toEqual({ visible: 0.18, hidden: 0.11, cost: 0.07 });
    expect(row.mainThreadCores.visible).toBe(0.09);
    // 0.07 cores more of a 2-core machine: 3.5 %.
    expect(row.cpuShare).toBe(0.035);
    expect(row.cpuOk).toBe(true);
    expect(row.longTasks).toEqual({ visible: 2, hidden: 0 });
    expect(row.runs.visible.map((r) => r.samplesPerSec)).toEqual([95, 126, 60]);
  });

  it('reports the redraw rate and the page fps on screen and hidden, against their targets', () => {
    const measured = new Map([
      [null, [run(100, 0.1, 0.05, 0, 0, 60), run(100, 0.1, 0.05, 0, 0, 58)]],
      ['Loss and runs', [run(100, 0.2, 0.1, 0, 12, 57), run(100, 0.2, 0.1, 0, 8, 50)]],
      ['Predictions', [run(100, 0.2, 0.1, 0, 4, 40), run(100, 0.2, 0.1, 0, 4, 40)]],
    ]);
    const [loss, predictions] = summariseCharts(
      { workload: 'mlp', workloadTitle: 'MLP', backend: 'cpu' },
      measured,
      2,
    );
    expect(loss.redrawsPerSec).toEqual({ visible: 10, hidden: 0 });
    expect(loss.fps).toEqual({ visible: 53.5, hidden: 59 });
    expect(loss).toMatchObject({ redrawsOk: true, fpsOk: false });
    expect(predictions).toMatchObject({ redrawsOk: false, fpsOk: false });
    expect(loss.runs.visible.map((r) => r.fps)).toEqual([57, 50]);
    // The range over repetitions beside each median; the CPU share per repetition pairs each
    // run with its own hidden one: (0.2 - 0.1) / 2 cores.
    expect(loss.spreads).toEqual({
      redrawsPerSec: [8, 12],
      fps: [50, 57],
      hiddenFps: [58, 60],
      cpuShare: [0.05, 0.05],
    });
  });

  it('reads the CPU and redraws after the warm-up epoch where the run measured them', () => {
    const warm = (r, page, redraws) => ({
      ...r,
      cpuAfterWarmup: { mainThread: page / 2, threads: { page } },
      redrawsAfterWarmup: { framesPerSec: redraws },
    });
    const measured = new Map([
      [null, [warm(run(100, 0.5), 0.1, 0)]],
      ['Loss and runs', [warm(run(100, 0.5, 0.25, 0, 3), 0.2, 10.2)]],
    ]);
    const [row] = summariseCharts(
      { workload: 'live', workloadTitle: 'L', backend: 'cpu' },
      measured,
      2,
    );
    expect(row.pageCores).toEqual({ visible: 0.2, hidden: 0.1, cost: 0.1 });
    expect(row.redrawsPerSec).toEqual({ visible: 10.2, hidden: 0 });
    expect(row.redrawsOk).toBe(true);
  });

  it('turns the app paint counts into rates, and nothing where the app counts none', () => {
    expect(redrawRate({ draws: 10, frames: 5 }, { draws: 70, frames: 45 }, 4)).toEqual({
      frames: 40,
      draws: 60,
      framesPerSec: 10,
      drawsPerSec: 15,
    });
    expect(redrawRate(null, { draws: 1, frames: 1 }, 4)).toBeNull();
    expect(redrawRate({ draws: 0, frames: 0 }, { draws: 1, frames: 1 }, 0)).toBeNull();
  });

  it('runs the charts measurement alone with --charts-only', () => {
    expect(parseArgs(['--charts-only', '--quick']).chartsOnly).toBe(true);
    expect(parseArgs([]).chartsOnly).toBe(false);
  });

  it('names a failed run and leaves its numbers out', () => {
    const failed = { ok: false, reason: 'the page crashed' };
    const measured = new Map([
      [null, [run(100, 0.1)]],
      ['Layer outputs', [failed]],
    ]);
    const [row] = summariseCharts(
      { workload: 'mlp', workloadTitle: 'MLP', backend: 'cpu' },
      measured,
      2,
    );
    expect(row).toMatchObject({ visible: null, ratio: null, ok: null, reason: 'the page crashed' });
  });
});

describe('thread CPU from /proc', () => {
  it('reads utime + stime from a stat line whose name holds spaces and parentheses', () => {
    const line = '42 (DedicatedWorker (x)) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0';
    expect(parseStat(line)).toEqual({ comm: 'DedicatedWorker (x)', seconds: 3 });
  });

  it('groups threads into the training worker, V8 helpers and the page', () => {
    expect(threadGroup('DedicatedWorker')).toBe('worker');
    expect(threadGroup('ThreadPoolForeg')).toBe('helpers');
    expect(threadGroup('Compositor')).toBe('page');
    expect(threadGroup('chromium')).toBe('page');
  });

  it('gives cores used between snapshots, counting threads that started in between', () => {
    const before = new Map([['1/1', { comm: 'chromium', seconds: 1 }]]);
    const after = new Map([
      ['1/1', { comm: 'chromium', seconds: 2 }],
      ['1/2', { comm: 'DedicatedWorker', seconds: 3 }],
    ]);
    expect(coresUsed(before, after, 2)).toEqual({ worker: 1.5, helpers: 0, page: 0.5 });
    expect(coresUsed(null, after, 2)).toBeNull();
  });
});
