import type { Tensor32 } from './named-weights';
import { DataType, type Attribute, type NodeProto, type TensorProto } from './onnx-proto';

/** Attribute constructors, so emitters read like the ONNX operator docs. */
export const attr = {
  f: (name: string, value: number): Attribute => ({ name, type: 'float', value }),
  i: (name: string, value: number): Attribute => ({ name, type: 'int', value }),
  s: (name: string, value: string): Attribute => ({ name, type: 'string', value }),
  floats: (name: string, value: readonly number[]): Attribute => ({ name, type: 'floats', value }),
  ints: (name: string, value: readonly number[]): Attribute => ({ name, type: 'ints', value }),
  strings: (name: string, value: readonly string[]): Attribute => ({
    name,
    type: 'strings',
    value,
  }),
};

function float32Bytes(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return out;
}

function int64Bytes(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return out;
}

/**
 * Collects nodes and initializers with unique names. Nodes and constants are named after the
 * Keras layer they come from ("conv2d/Conv", "conv2d/W"), so Netron shows the model's layers.
 */
export class OnnxGraph {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private readonly taken = new Set<string>();

  private unique(base: string): string {
    let name = base;
    for (let n = 1; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }

  /** Adds a node; returns the names of its outputs (one unless `outputs` says more). */
  op(
    scope: string,
    opType: string,
    inputs: readonly string[],
    attributes: readonly Attribute[] = [],
    outputs = 1,
  ): string[] {
    const name = this.unique(`${scope}/${opType}`);
    const outs = Array.from({ length: outputs }, (_, i) => (i === 0 ? name : `${name}:${i}`));
    outs.forEach((o) => this.taken.add(o));
    this.nodes.push({ opType, name, inputs, outputs: outs, attributes });
    return outs;
  }

  /** Adds a node with one output and returns it. */
  op1(
    scope: string,
    opType: string,
    inputs: readonly string[],
    attributes: readonly Attribute[] = [],
  ) {
    return this.op(scope, opType, inputs, attributes)[0] ?? '';
  }

  floats(scope: string, key: string, t: Tensor32): string {
    const name = this.unique(`${scope}/${key}`);
    this.initializers.push({
      name,
      dims: t.shape,
      dataType: DataType.FLOAT,
      raw: float32Bytes(t.values),
    });
    return name;
  }

  scalar(scope: string, key: string, value: number): string {
    return this.floats(scope, key, { shape: [], values: new Float32Array([value]) });
  }

  ints(scope: string, key: string, values: readonly number[]): string {
    const name = this.unique(`${scope}/${key}`);
    this.initializers.push({
      name,
      dims: [values.length],
      dataType: DataType.INT64,
      raw: int64Bytes(values),
    });
    return name;
  }

  transpose(scope: string, x: string, perm: readonly number[]): string {
    return this.op1(scope, 'Transpose', [x], [attr.ints('perm', perm)]);
  }
}
