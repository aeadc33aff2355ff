import * as tf from '@tensorflow/tfjs';

/** The model's outputs for one sample (inference only: dropout off, batch statistics frozen). */
export async function predictOne(
  model: tf.LayersModel,
  input: Float32Array,
  sampleShape: readonly number[],
): Promise<number[]> {
  const per = sampleShape.reduce((a, b) => a * b, 1);
  if (input.length !== per) {
    throw new Error(
      `The input holds ${input.length} values but one sample of ${sampleShape.join('×')} needs ${per}.`,
    );
  }
  const out = tf.tidy(() => model.predict(tf.tensor(input, [1, ...sampleShape])) as tf.Tensor);
  try {
    return Array.from(await out.data());
  } finally {
    out.dispose();
  }
}
