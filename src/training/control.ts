import type { StepUnit } from '../core/training/protocol';

/**
 * The commands a running loop obeys, set from outside (worker messages or the page) and read
 * by the loop between batches: nothing here interrupts a batch, so every command takes effect
 * at the next batch boundary.
 */
export class RunControl {
  private paused: boolean;
  private stopped = false;
  private interrupted = false;
  private stepUnit: StepUnit | null = null;
  private pendingRate: number | null = null;
  private wake: (() => void) | null = null;

  constructor(startPaused = false) {
    this.paused = startPaused;
  }

  /** Stopped by the user, or interrupted by the engine (e.g. a lost GPU device). */
  get isStopped(): boolean {
    return this.stopped || this.interrupted;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
    this.stepUnit = null;
  }

  resume(): void {
    this.paused = false;
    this.stepUnit = null;
    this.wakeUp();
  }

  /** Runs one batch, or to the end of the current epoch, then pauses again. */
  step(unit: StepUnit): void {
    this.paused = false;
    this.stepUnit = unit;
    this.wakeUp();
  }

  stop(): void {
    this.stopped = true;
    this.wakeUp();
  }

  /** Ends the current attempt without ending the run: the engine retries on another backend. */
  interrupt(): void {
    this.interrupted = true;
    this.wakeUp();
  }

  /** Whether the attempt ended by interrupt(); clears it so the next attempt can run. */
  takeInterrupt(): boolean {
    const was = this.interrupted;
    this.interrupted = false;
    return was;
  }

  setLearningRate(rate: number): void {
    this.pendingRate = rate;
  }

  /** A rate set since the last call, for the loop to apply before its next batch. */
  takeLearningRate(): number | null {
    const rate = this.pendingRate;
    this.pendingRate = null;
    return rate;
  }

  /** The loop calls this after each batch so a step ends where it should. */
  batchDone(endOfEpoch: boolean): void {
    if (this.stepUnit === 'batch' || (this.stepUnit === 'epoch' && endOfEpoch)) {
      this.paused = true;
      this.stepUnit = null;
    }
  }

  /** Resolves once the loop may run (true) or must stop (false). */
  async waitUntilRunnable(): Promise<boolean> {
    while (this.paused && !this.isStopped) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    return !this.isStopped;
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
