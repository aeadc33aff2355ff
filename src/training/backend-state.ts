import { autoCandidates } from '../core/training/auto-choice';
import { probeBackends } from './backend-probes';
import { selectBackend, watchDeviceLoss } from './backends';
import { backendOrder, type BackendChoice, type BackendName } from '../core/training/backend-names';
import type { BackendReport, WorkerEvent } from '../core/training/protocol';

/**
 * Which backend runs now and why the others do not. A backend whose GPU device was lost stays
 * out for the session: tfjs keeps the dead backend instance registered.
 */
export class BackendState {
  private report: BackendReport | null = null;
  private choice: BackendChoice | null = null;
  private readonly lost = new Map<BackendName, string>();
  /** The last selection skipped a backend for one model's sake (a missing kernel). */
  private modelSpecific = false;
  private unwatch: () => void = () => undefined;
  /** Settles when the watched device is lost. */
  private lossSeen: Promise<void> = new Promise(() => undefined);

  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly onDeviceLost: () => void,
  ) {}

  lostReason(name: BackendName): string | null {
    return this.lost.get(name) ?? null;
  }

  /** The backend for `choice`, selecting again only when something changed. */
  async ensure(choice: BackendChoice): Promise<BackendReport> {
    const current = this.report;
    if (current && this.choice === choice && !this.modelSpecific && !this.lost.has(current.name)) {
      return current;
    }
    if (choice !== 'auto') return this.select(backendOrder(choice), choice);
    // Before any model is known, Auto starts where small models train fastest.
    const { candidates, skipped } = autoCandidates(await probeBackends());
    const why =
      "Auto's first guess before any model is measured; at Train it measures the backends on your model";
    const skip = new Map(skipped.map((s) => [s.name, s.reason]));
    // The skipped ones are in the order too, so the badge lists them with their reasons.
    return this.select([...candidates, ...skip.keys()], choice, skip, why);
  }

  /**
   * Tries `order` minus lost backends and those in `skip` (name → reason, e.g. a missing
   * kernel), reports the result to the page, and watches a WebGPU device for loss.
   */
  async select(
    order: readonly BackendName[],
    choice: BackendChoice,
    skip: ReadonlyMap<BackendName, string> = new Map(),
    why: string | null = null,
  ): Promise<BackendReport> {
    const known = new Map([...this.lost, ...skip]);
    const skipped = order.flatMap((name) => {
      const reason = known.get(name);
      return reason === undefined ? [] : [{ name, reason }];
    });
    this.unwatch();
    const picked = await selectBackend(order.filter((n) => !known.has(n)));
    const report = { ...picked, skipped: [...skipped, ...picked.skipped], why };
    this.report = report;
    this.choice = choice;
    this.modelSpecific = skip.size > 0;
    let seen: () => void = () => undefined;
    this.lossSeen = new Promise<void>((resolve) => (seen = resolve));
    this.unwatch = watchDeviceLoss((message) => {
      seen();
      this.lost.set(
        'webgpu',
        `the WebGPU device was lost (${message}); reload the page to use WebGPU again`,
      );
      this.onDeviceLost();
    });
    this.post({ type: 'backend', report });
    return report;
  }

  /**
   * After a failed step: whether `name` lost its device. A lost GPU device fails the step that
   * was running (a cancelled read-back) a moment before device.lost settles, so this waits up to
   * `ms` for the loss to be reported before the failure is taken for a bug.
   */
  async confirmLoss(name: BackendName, ms = 250): Promise<boolean> {
    if (!this.lost.has(name) && name === 'webgpu' && this.report?.name === name) {
      await Promise.race([this.lossSeen, new Promise((resolve) => setTimeout(resolve, ms))]);
    }
    return this.lost.has(name);
  }

  /** After a device loss with nothing running: move to the next backend now. */
  async reselect(): Promise<void> {
    if (this.choice) await this.ensure(this.choice);
  }
}
