import { looseDef, type LayerSpec } from '../layers/catalog';
import { pyKwargs, pyString } from './python';

/** The script's own hard sigmoid, defined by HARD_SIGMOID_DEF wherever a layer uses it. */
export const HARD_SIGMOID_FN = 'layerlab_hard_sigmoid';

/**
 * Keras 3 redefined "hard_sigmoid" as clip(x / 6 + 0.5, 0, 1); tfjs (and Keras 2) compute
 * clip(0.2 · x + 0.5, 0, 1), which is what a model trained in Layerlab learned with.
 */
export const HARD_SIGMOID_DEF = `@keras.saving.register_keras_serializable(package="layerlab")
def ${HARD_SIGMOID_FN}(x):
    """hard_sigmoid as Layerlab (tfjs, Keras 2) computes it; Keras 3's own is clip(x / 6 + 0.5, 0, 1)."""
    return keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)`;

const HARD_SIGMOID = pyString('hard_sigmoid');

/** Whether the line for this layer names the script's own hard sigmoid. */
export const usesHardSigmoid = (layer: LayerSpec): boolean =>
  looseDef(layer.kind)
    .keras.args(layer.params)
    .some(([key, value]) => key.endsWith('activation') && value === HARD_SIGMOID);

/** One line of the Sequential list: `layers.Dense(units=8, ..., name="dense"),  # note`. */
export function kerasLayerLine(layer: LayerSpec, name: string): string {
  const def = looseDef(layer.kind);
  const { callee = `layers.${def.kerasClass}`, note } = def.keras;
  const own = def.keras
    .args(layer.params)
    .map(([key, value]): readonly [string, string] =>
      key.endsWith('activation') && value === HARD_SIGMOID ? [key, HARD_SIGMOID_FN] : [key, value],
    );
  const args = pyKwargs([...own, ['name', pyString(name)]]);
  const line = `${callee}(${args}),`;
  return note ? `${line}  # ${note}` : line;
}
