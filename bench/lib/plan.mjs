// How much each run trains. Warm-up is always one epoch, excluded; at least three are measured.
// Software WebGPU (SwiftShader) is 10–100× slower than the other backends here, so it trains on
// fewer samples (the table says how many), and software WebGL's LSTM spends minutes compiling
// shaders, so its LSTM has half the data; plain tfjs-cpu takes seconds per MNIST CNN batch, so that
// row trains on fewer images; memory runs use a few batches per epoch, since what
// matters there is whether anything grows from epoch to epoch, not the epoch's length.
import { BACKENDS, WORKLOAD_IDS, WORKLOADS } from './workloads.mjs';

const FULL = {
  // Epochs per workload, so every row measures for a second or more: the Conv1D epochs take
  // ~0.1 s on wasm, and 3 of them measured the page's start-up more than its training.
  epochs: { mlp: 8, lstm: 4, conv: 16, mnist: 4 },
  // Bare and app this many times, interleaved (ABBA): the row's ratio is the median of the
  // repetitions' ratios, and their range shows what is noise.
  speedReps: 3,
  samples: { mlp: 4096, lstm: 1024, conv: 1024, mnist: 2048 },
  caps: {
    webgpu: { mlp: 512, lstm: 128, conv: 256, mnist: 256 },
    webgl: { lstm: 512 },
    cpu: { mnist: 256 },
  },
  memory: {
    epochs: 20,
    rebuilds: 50,
    samples: 128,
    webgpuSamples: 64,
    webgpuEpochs: 5,
    webgpuRebuilds: 20,
  },
  timeoutMs: 300_000,
  firstLoads: 3,
  // Charts on screen against hidden (the live workload, live-workload.mjs): each variant this
  // many times, interleaved, and long enough (5 measured epochs of 100 batches) for a median
  // to mean something on a noisy machine.
  charts: { reps: 3, epochs: 6 },
};

const QUICK = {
  epochs: { mlp: 4, lstm: 4, conv: 4, mnist: 4 },
  speedReps: 1,
  samples: { mlp: 1024, lstm: 256, conv: 512, mnist: 512 },
  caps: {
    webgpu: { mlp: 256, lstm: 64, conv: 128, mnist: 128 },
    webgl: { lstm: 256 },
    cpu: { mnist: 128 },
  },
  memory: {
    epochs: 5,
    rebuilds: 10,
    samples: 64,
    webgpuSamples: 64,
    webgpuEpochs: 3,
    webgpuRebuilds: 5,
  },
  timeoutMs: 180_000,
  firstLoads: 1,
  charts: { reps: 2, epochs: 3 },
};

/**
 * The chart tabs measured on screen for a model (its [kind, params] layers), each with the
 * Predictions panel beside it, as the layout shows them: the loss charts (the default tab), the
 * live histograms, and the pooling view where the model pools. Each is measured against the
 * Charts and Predictions panels both folded (null): nothing live on screen.
 */
export function chartVariants(layers) {
  const pools = layers.some(([kind]) => kind.includes('Pooling'));
  return [null, 'Loss and runs', 'Layer outputs', ...(pools ? ['Pooling'] : [])];
}

/** Variant order for repetition `rep`: rotated, so no variant always runs first or last. */
export function rotate(list, rep) {
  const k = rep % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

export function makePlan({ quick, backends, workloads }) {
  const p = quick ? QUICK : FULL;
  const runs = [];
  for (const workload of workloads) {
    for (const backend of backends) {
      const capped = backend === 'webgpu';
      const samples = p.caps[backend]?.[workload] ?? p.samples[workload];
      runs.push({
        workload,
        backend,
        samples,
        epochs: p.epochs[workload],
        reps: p.speedReps,
        capped: samples < WORKLOADS[workload].samples,
        memoryPlan: {
          epochs: capped ? p.memory.webgpuEpochs : p.memory.epochs,
          rebuilds: capped ? p.memory.webgpuRebuilds : p.memory.rebuilds,
          samples: capped ? p.memory.webgpuSamples : p.memory.samples,
        },
        timeoutMs: p.timeoutMs,
      });
    }
  }
  return { mode: quick ? 'quick' : 'full', ...p, runs };
}

export function parseArgs(argv) {
  const get = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const list = (name, all) => {
    const v = get(name);
    if (!v) return all;
    const picked = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = picked.filter((x) => !all.includes(x));
    if (bad.length)
      throw new Error(`--${name}: unknown ${bad.join(', ')} (choose from ${all.join(', ')})`);
    return picked;
  };
  const waitLoad = argv.includes('--wait-load') ? '' : get('wait-load');
  return {
    quick: argv.includes('--quick'),
    build: !argv.includes('--no-build'),
    backends: list('backends', BACKENDS),
    workloads: list('workloads', WORKLOAD_IDS),
    auto: !argv.includes('--no-auto'),
    chartsOnly: argv.includes('--charts-only'),
    waitLoad: waitLoad === undefined ? null : Number(waitLoad || 2.5),
    help: argv.includes('--help') || argv.includes('-h'),
  };
}

export const USAGE = `npm run bench [-- options]

  --quick              smaller data, 5 memory epochs and 10 rebuilds (a few minutes)
  --backends=a,b       any of ${BACKENDS.join(', ')} (default: all)
  --workloads=a,b      any of ${WORKLOAD_IDS.join(', ')} (default: all)
  --no-build           reuse bench/dist from the last run
  --no-auto            skip the "Auto (fastest)" check
  --charts-only        only "charts on screen against hidden" (the live workload on the CPU
                       backend: redraws/s, fps, charts' CPU share; add --quick for 2 repeats)
  --no-recurrent       skip the fused recurrent kernel rows (alone: node bench/lib/fused-recurrent.mjs)
  --wait-load[=2.5]    first wait (up to 20 min) for the 1-minute load average to drop below this
`;
