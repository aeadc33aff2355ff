import {
  autoCandidates,
  decideKnown,
  decideMove,
  guessBackend,
  runKey,
  worthMeasuring,
  type Decision,
} from '../core/training/auto-choice';
import type { BackendName } from '../core/training/backend-names';
import type { BenchmarkResult, WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { summarize } from '../core/summary';
import { machineId, probeBackends } from './backend-probes';
import type { BackendState } from './backend-state';
import { measureBackend } from './benchmark';
import type { RunControl } from './control';

type StartRequest = Extract<WorkerRequest, { type: 'start' }>;

/**
 * Auto for one run: start at once on the best guess (or on what was measured before), then,
 * between the first two epochs, measure every candidate on this model and move the run if
 * another backend is clearly faster. The weights and the optimizer's state stay the same
 * tensors (tfjs moves them to the new backend on first use), so the loss curve goes on as if
 * nothing happened.
 */
export interface AutoPlan {
  candidates: BackendName[];
  skipped: { name: BackendName; reason: string }[];
  start: Decision;
  /** Measured already (this session or an earlier visit): nothing left to measure. */
  settled: boolean;
  key: string;
}

const GUESS_WHY: Record<BackendName, string> = {
  wasm: 'small models train fastest on WASM',
  cpu: 'small models train fastest on the CPU',
  webgl: 'no CPU backend could start',
  webgpu: 'a model this large is worth a GPU',
};

export async function planAuto(
  req: StartRequest,
  measured: ReadonlyMap<string, BenchmarkResult[]>,
): Promise<AutoPlan | null> {
  const { candidates, skipped } = autoCandidates(await probeBackends());
  const key = runKey(req);
  const earlier =
    req.knownSpeeds && req.knownSpeeds.machine === (await machineId())
      ? req.knownSpeeds.results
      : null;
  const known = (measured.get(key) ?? earlier)?.filter((r) => candidates.includes(r.name));
  const settled = known ? decideKnown(known) : null;
  if (settled) return { candidates, skipped, start: settled, settled: true, key };
  const work = summarize(req.spec).total * req.settings.batchSize;
  const guess = guessBackend(candidates, work);
  if (!guess) return null;
  const rest = candidates.length > 1 ? '; it measures the others on your model during the run' : '';
  return {
    candidates,
    skipped,
    start: { backend: guess, why: `Auto's first guess: ${GUESS_WHY[guess]}${rest}` },
    settled: false,
    key,
  };
}

/** Stand-ins for measuring, so tests can decide what a measurement says. */
export interface AutoHooks {
  worthMeasuring?: (msLeft: number, candidates: number) => boolean;
  measure?: (name: BackendName) => Promise<BenchmarkResult>;
}

export interface MoveContext {
  req: StartRequest;
  plan: AutoPlan;
  control: RunControl;
  backends: BackendState;
  post: (e: WorkerEvent) => void;
  measured: Map<string, BenchmarkResult[]>;
  /** The backend the run is on now. */
  current: () => BackendName;
  /** Called when the run moved (or came back) to a backend. */
  moved: (name: BackendName) => void;
  hooks?: AutoHooks;
}

/**
 * The hook the loop calls between epochs: measures once per run, when the rest of the run is
 * long enough to repay it, then picks the backend for the rest of the run.
 */
export function moveBetweenEpochs(m: MoveContext) {
  let done = m.plan.settled;
  return async ({ msLeft }: { msLeft: number }): Promise<void> => {
    if (done) return;
    done = true;
    const { req, plan, post } = m;
    const worth = m.hooks?.worthMeasuring ?? worthMeasuring;
    if (!worth(msLeft, plan.candidates.length)) return;
    const measure =
      m.hooks?.measure ?? ((name) => measureBackend(name, req.spec, req.data, req.settings));
    const total = plan.candidates.length;
    const results: BenchmarkResult[] = [];
    for (const name of plan.candidates) {
      if (m.control.isStopped) break;
      const lost = m.backends.lostReason(name);
      results.push(
        lost ? { name, stepsPerSecond: null, warmupMs: null, reason: lost } : await measure(name),
      );
      post({ type: 'benchmark', runId: req.runId, results: [...results], picked: null, total });
    }
    const from = m.current();
    const decision =
      results.length === total ? decideMove(from, results) : { backend: from, why: plan.start.why };
    // Measuring left another backend active: select the one the run goes on with, even if unchanged.
    const order = [decision.backend, ...(decision.backend === from ? [] : [from])];
    const report = await m.backends.select(order, 'auto', new Map(), decision.why);
    m.moved(report.name);
    if (results.length === total) {
      m.measured.set(plan.key, results);
      post({
        type: 'benchmark',
        runId: req.runId,
        results,
        picked: report.name,
        total,
        machine: await machineId(),
      });
    }
    if (report.name !== from)
      post({
        type: 'notice',
        message: `Auto moved the run from ${from} to ${report.name} after measuring both on this model; the training goes on from the same weights.`,
      });
  };
}
