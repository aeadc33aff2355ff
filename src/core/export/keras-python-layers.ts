import { looseDef, type LayerSpec } from '../layers/catalog';
import { pyKwargs, pyString } from './python';

/** One line of the Sequential list: `layers.Dense(units=8, ..., name="dense"),  # note`. */
export function kerasLayerLine(layer: LayerSpec, name: string): string {
  const def = looseDef(layer.kind);
  const { callee = `layers.${def.kerasClass}`, note } = def.keras;
  const args = pyKwargs([...def.keras.args(layer.params), ['name', pyString(name)]]);
  const line = `${callee}(${args}),`;
  return note ? `${line}  # ${note}` : line;
}
