// The markdown tables `npm run bench` prints and README's Benchmark section shows.
import { TARGETS } from './summarise.mjs';
import { WORKLOADS } from './workloads.mjs';

const mark = (ok) => (ok === null || ok === undefined ? '–' : ok ? '✓' : '✗');
const num = (v, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '–'
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = (v) => (v === null || v === undefined ? '–' : v >= 100 ? num(v) : num(v, 1));
const ms = (v) => (v === null || v === undefined ? '–' : `${num(v / 1000, 1)} s`);
const kB = (b) => (b === null || b === undefined ? '–' : `${num(b / 1000, 1)} kB`);
const loss = (v) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toPrecision(3));
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function why(r) {
  const reason = r.app.ok ? r.bare.reason : r.app.reason;
  return reason ? reason.replace(/\|/g, '/').slice(0, 140) : '';
}

function speedTable(runs) {
  return table(
    [
      'Workload',
      'Backend',
      'Samples × epochs',
      'App samples/s',
      'Bare samples/s',
      'App / bare',
      'Per repetition',
      'Charts folded',
      `≥ ${TARGETS.ratio}`,
      'Final loss app / bare',
      'Same model & data',
      'Long tasks (longest)',
      'fps',
      '0 long tasks',
    ],
    runs.map((r) => {
      const failed = !r.app.ok || !r.bare.ok;
      const lt = r.app.responsiveness;
      return [
        r.workloadTitle,
        r.backend,
        `${num(r.samples)}${r.capped ? ' (capped)' : ''} × ${r.epochs} (1 warm-up)${r.reps > 1 ? `, ${r.reps} times` : ''}`,
        r.app.ok ? rate(r.app.samplesPerSec) : `✗ ${why(r)}`,
        r.bare.ok
          ? rate(r.bare.samplesPerSec)
          : `✗ ${r.bare.reason?.replace(/\|/g, '/').slice(0, 120) ?? ''}`,
        failed ? '–' : num(r.ratio, 2),
        r.ratioRange ? `${num(r.ratioRange[0], 2)}–${num(r.ratioRange[1], 2)}` : '–',
        num(r.foldedRatio, 2),
        mark(r.ratioOk),
        `${loss(r.app.finalLoss)} / ${loss(r.bare.finalLoss)}`,
        mark(r.sameData === null || r.sameModel === null ? null : r.sameData && r.sameModel),
        lt
          ? `${lt.longTasks} (${num(lt.longestTaskMs)} ms); ${r.app.afterWarmupResponsiveness.longTasks} after warm-up`
          : '–',
        lt ? num(lt.fps) : '–',
        mark(r.longTasksOk),
      ];
    }),
  );
}

function autoTable(autos) {
  return table(
    [
      'Workload',
      'Auto picked',
      'App measured (steps/s)',
      'Fastest in the bench',
      'Picked / fastest',
      'Within 10%',
    ],
    autos.map((a) => [
      a.workloadTitle,
      a.picked ?? `✗ ${a.reason ?? ''}`,
      (a.results ?? [])
        .map((r) => `${r.name} ${r.stepsPerSecond === null ? '✗' : rate(r.stepsPerSecond)}`)
        .join(', '),
      a.fastest ?? '–',
      num(a.share, 2),
      mark(a.within),
    ]),
  );
}

const pct = (v) => (v === null || v === undefined ? '–' : `${Math.round(v * 100)} %`);

/** " (a–b)": a repetition spread, or nothing where there is one repetition or none. */
const range = (s, show) => (s && s[0] !== s[1] ? ` (${show(s[0])}–${show(s[1])})` : '');

function chartsTable(charts) {
  return table(
    [
      'Workload',
      'Tab on screen',
      'Live views on screen / hidden',
      'On screen (samples/s)',
      'Hidden',
      'On screen / hidden',
      'Per repetition',
      'Page CPU on screen / hidden (% of a core)',
      'Main thread on screen / hidden',
      "Charts' CPU (% of the machine)",
      'Long tasks on screen / hidden',
      'Redraws/s on screen / hidden',
      'Page fps on screen / hidden',
      `≥ ${TARGETS.chartsRatio}`,
      `CPU ≤ ${TARGETS.chartsCpuShare * 100} %`,
      `≥ ${TARGETS.chartsRedrawsPerSec} redraws/s`,
      `≥ ${TARGETS.chartsFps} fps`,
    ],
    charts.map((c) => [
      c.workloadTitle,
      `${c.tab} (${c.reps} × ${c.epochs} epochs)`,
      `${c.liveViews?.length ?? '–'} / ${c.hiddenLiveViews?.length ?? '–'}`,
      c.visible === null ? `✗ ${c.reason ?? ''}` : rate(c.visible),
      c.hidden === null ? `✗ ${c.reason ?? ''}` : rate(c.hidden),
      num(c.ratio, 2),
      c.repRatios ? c.repRatios.map((r) => num(r, 2)).join('–') : '–',
      `${pct(c.pageCores?.visible)} / ${pct(c.pageCores?.hidden)}`,
      `${pct(c.mainThreadCores?.visible)} / ${pct(c.mainThreadCores?.hidden)}`,
      c.cpuShare === null
        ? '–'
        : `${(c.cpuShare * 100).toFixed(1)} %${range(c.spreads?.cpuShare, (v) => (v * 100).toFixed(1))}`,
      `${c.longTasks.visible} / ${c.longTasks.hidden}`,
      `${num(c.redrawsPerSec?.visible, 1)}${range(c.spreads?.redrawsPerSec, (v) => num(v, 1))} / ${num(c.redrawsPerSec?.hidden, 1)}`,
      `${num(c.fps?.visible, 0)}${range(c.spreads?.fps, (v) => num(v, 0))} / ${num(c.fps?.hidden, 0)}${range(c.spreads?.hiddenFps, (v) => num(v, 0))}`,
      mark(c.ok),
      mark(c.cpuOk),
      mark(c.redrawsOk ?? null),
      mark(c.fpsOk ?? null),
    ]),
  );
}

function firstRunTable(f) {
  return table(
    [
      'Open → trained',
      'Open → Train clicked',
      'Training',
      'Backend',
      `≤ ${TARGETS.firstRunMs / 1000} s`,
    ],
    [
      f.ok
        ? [
            ms(f.totalMs),
            ms(f.clickMs),
            ms(f.trainMs),
            f.backend ?? '–',
            mark(f.totalMs <= TARGETS.firstRunMs),
          ]
        : [`✗ ${f.reason?.replace(/\|/g, '/').slice(0, 140) ?? ''}`, '', '', f.backend ?? '–', '✗'],
    ],
  );
}

function firstLoadTable(f) {
  return table(
    [
      'First-load JS (gzip)',
      'CSS (gzip)',
      'tfjs in first bundle',
      'Worker JS at start-up (gzip)',
      'First paint',
      'Train enabled',
      'Backend ready',
      `JS ≤ ${TARGETS.firstLoadJsGzip / 1000} kB`,
    ],
    [
      [
        `${kB(f.jsBytes)} (${kB(f.jsGzip)})`,
        `${kB(f.cssBytes)} (${kB(f.cssGzip)})`,
        f.tfjsInFirstLoad ? '✗ yes' : '✓ no',
        kB(f.workerJsGzip),
        `${num(f.firstContentfulPaintMs)} ms`,
        `${num(f.trainEnabledMs)} ms`,
        `${num(f.backendReadyMs)} ms`,
        mark(f.jsGzip <= TARGETS.firstLoadJsGzip),
      ],
    ],
  );
}

function memoryTable(runs) {
  return table(
    [
      'Workload',
      'Backend',
      'Tensors: start → epochs → run ended → rebuilds',
      'tf bytes (epochs, spread)',
      'GPU bytes (epochs, spread; rebuilds min–max)',
      'Worker heap: epoch 1 → last → rebuilds',
      'Flat',
    ],
    runs
      .filter((r) => r.memory)
      .map((r) => {
        const m = r.memory;
        if (!m.ok)
          return [
            r.workloadTitle,
            r.backend,
            `✗ ${m.reason?.replace(/\|/g, '/').slice(0, 140) ?? ''}`,
            '',
            '',
            '',
            '–',
          ];
        const t = m.tensors;
        const epochs = t.epochMin === t.epochMax ? `${t.epochMin}` : `${t.epochMin}–${t.epochMax}`;
        return [
          r.workloadTitle,
          r.backend,
          `${t.start} → ${epochs} (${m.epochs}) → ${t.ended} → ${t.afterRebuilds} (${m.rebuilds})`,
          `${kB(m.bytes.epochFirst)}, ${num(m.bytes.epochSpread)} B`,
          m.gpuBytes.epochFirst === null
            ? 'n/a'
            : `${kB(m.gpuBytes.epochFirst)}, ${num(m.gpuBytes.epochSpread)} B; rebuilds ${kB(m.gpuBytes.rebuildRange.min)}–${kB(m.gpuBytes.rebuildRange.max)}`,
          `${kB(m.heap.epochFirst)} → ${kB(m.heap.epochLast)} → ${kB(m.heap.afterRebuilds)}`,
          mark(m.flat),
        ];
      }),
  );
}

/** The charts-on-screen section alone (also what `--charts-only` prints). */
export function chartsSection(charts) {
  return [
    "**Charts on screen against hidden** (the same app run on the CPU backend, at 1920 × 1200: each Charts tab on screen in turn with the Predictions panel beside it, against the Charts and Predictions panels both folded, so no live view draws; repeated and interleaved; medians, with the range over repetitions in brackets. Live views: the figures and tables of the watch column inside the window at the run's end. Page CPU: every browser thread but the training worker and V8's shared helpers, from /proc, from the end of the warm-up epoch to the end of the run, with the bench's own frame counter running in both; the charts' CPU is the difference, over the machine's cores. Long tasks: the most in one run after its warm-up epoch. On a machine whose speed drifts between identical runs (see “Per repetition”), the CPU figures are the steadier reading. Redraws: frames in which a live chart painted, per second, as the app counts them, after the warm-up epoch; page fps: requestAnimationFrame callbacks per second after the warm-up epoch)",
    '',
    chartsTable(charts),
  ];
}

export function markdown(result) {
  const { machine, plan, load } = result;
  const lines = [
    `Machine: ${machine.label}; Chromium ${machine.chromium}; ${result.date}.`,
    `Mode: ${plan.mode}; load average during the run: mean ${load.mean}, max ${load.max}` +
      ` (1-minute, ${machine.cores} cores)${load.quiet === false ? ' — a loaded machine: treat timings with care' : ''}.`,
    '',
    "**Training speed** (median epoch after one warm-up epoch; in a full run bare and app run 3 times, interleaved, and App / bare is the median of the repetitions' ratios, their range beside it; \"Charts folded\" is the same median with the app's Charts and Predictions panels folded (no live view drawing): the engine's own share of a gap; app in its worker with the UI and charts running, bare = plain tfjs `model.fit` in a module worker; long tasks (> 50 ms) and frame rate on the app page from the click on Train to the end of the run, with the charts on screen)",
    '',
    speedTable(result.runs),
  ];
  const errors = result.runs.filter((r) => r.pageErrors?.length);
  if (errors.length)
    lines.push(
      '',
      'Page errors: ' +
        errors
          .map(
            (r) =>
              `${r.workload}/${r.backend}: ${[...new Set(r.pageErrors)].join(' · ').replace(/\|/g, '/').slice(0, 200)}`,
          )
          .join('; '),
    );
  if (result.auto.length)
    lines.push(
      '',
      "**Auto** (the default choice: the backend it measured fastest on the workload mid-run and moved to, against the fastest backend in this bench's own runs)",
      '',
      autoTable(result.auto),
    );
  if (result.firstRun)
    lines.push(
      '',
      '**First run** (fresh profile: from opening the page to the end of the default template’s training, Circle data and the 2-8-8-1 MLP for 20 epochs, with Auto)',
      '',
      firstRunTable(result.firstRun),
    );
  if (result.charts?.length) lines.push('', ...chartsSection(result.charts));
  if (result.firstLoad)
    lines.push(
      '',
      '**First load** (fresh cache; gzip level 6)',
      '',
      firstLoadTable(result.firstLoad),
    );
  lines.push(
    '',
    `**Memory** (the app's engine in a worker: after each epoch, after the run ends, after each rebuild; heap after a forced GC)`,
    '',
    memoryTable(result.runs),
  );
  const capped = result.runs.filter((r) => r.capped);
  const m = result.plan.memory;
  lines.push('');
  if (capped.length)
    lines.push(
      `Capped: ${capped.map((r) => `${r.workload}/${r.backend} ${r.samples} samples`).join(', ')} (full: ${Object.entries(
        WORKLOADS,
      )
        .map(([id, w]) => `${id} ${w.samples}`)
        .join(', ')}).`,
    );
  const leftovers = result.runs.filter((r) => r.bare.ok && r.bare.tensorsAfter > 0);
  lines.push(
    `Memory runs: ${m.samples} samples (${m.samples / 64} batch(es)) an epoch, ${m.epochs} epochs, ` +
      `${m.rebuilds} rebuilds; webgpu ${m.webgpuSamples} samples, ${m.webgpuEpochs} epochs, ${m.webgpuRebuilds} rebuilds. ` +
      'They run after the bare fit in the same worker' +
      (leftovers.length
        ? `; plain tfjs left tensors behind after model.dispose() in ${leftovers.map((r) => `${r.workload}/${r.backend} (${r.bare.tensorsAfter})`).join(', ')}, hence a non-zero "start".`
        : '.'),
  );
  return lines.join('\n');
}
