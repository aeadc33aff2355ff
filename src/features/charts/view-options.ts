import type { ViewOptions } from './loss-data';

/** Where the loss charts start: TensorBoard's default smoothing, a linear axis. */
export const DEFAULT_VIEW: ViewOptions = { smoothing: 0.6, logScale: false };
export const MAX_SMOOTHING = 0.99;
