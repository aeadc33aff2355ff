/**
 * The optimizer and loss constants that are not settings. Written once so the trainer builds
 * the optimizer the Keras export writes out: tfjs and Keras agree on these values, and a change
 * here changes both.
 */

/** One epsilon on every backend: tfjs would otherwise take the backend's (1e-4 on float16 WebGL). */
export const OPTIMIZER_EPSILON = 1e-7;

/** The momentum of the 'momentum' optimizer (SGD with momentum). */
export const MOMENTUM = 0.9;

/** Adam and Adamax: the decay rates of the first and second moment estimates. */
export const ADAM_BETA_1 = 0.9;
export const ADAM_BETA_2 = 0.999;

/** RMSprop: the decay of the squared-gradient average; no momentum term. */
export const RMSPROP_RHO = 0.9;
export const RMSPROP_MOMENTUM = 0;

/** Adagrad's starting accumulator (Keras' and tfjs' default). */
export const ADAGRAD_INITIAL_ACCUMULATOR = 0.1;

/** Huber loss switches from squared to absolute error at this residual. */
export const HUBER_DELTA = 1;

/** Probabilities are clipped this far from 0 and 1 before a log (Keras' epsilon). */
export const PROBABILITY_EPSILON = 1e-7;
