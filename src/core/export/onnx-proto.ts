import { Writer } from 'protobufjs/minimal';

/**
 * The part of ONNX's protobuf schema (onnx.proto, proto2) the exporter writes, as plain types,
 * and its encoding with protobufjs' wire-format Writer. Field numbers are ONNX's; only the
 * fields used are listed. Repeated numbers are written unpacked, which proto2 readers expect.
 */

/** TensorProto.DataType values. */
export const DataType = { FLOAT: 1, INT64: 7 } as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

export type Attribute =
  | { name: string; type: 'float'; value: number }
  | { name: string; type: 'int'; value: number }
  | { name: string; type: 'string'; value: string }
  | { name: string; type: 'floats'; value: readonly number[] }
  | { name: string; type: 'ints'; value: readonly number[] }
  | { name: string; type: 'strings'; value: readonly string[] };

export interface NodeProto {
  opType: string;
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes: readonly Attribute[];
}

export interface TensorProto {
  name: string;
  dims: readonly number[];
  dataType: DataType;
  /** Little-endian values, as raw_data holds them. */
  raw: Uint8Array;
}

/** A graph input or output: float32, the first dimension named (the batch), the rest fixed. */
export interface ValueInfo {
  name: string;
  dims: readonly (number | string)[];
}

export interface ModelProto {
  irVersion: number;
  opset: number;
  producerName: string;
  producerVersion: string;
  docString: string;
  graph: {
    name: string;
    nodes: readonly NodeProto[];
    initializers: readonly TensorProto[];
    inputs: readonly ValueInfo[];
    outputs: readonly ValueInfo[];
  };
}

// Wire types: 0 varint, 2 length-delimited, 5 32-bit.
const tag = (w: Writer, field: number, wire: 0 | 2 | 5) => w.uint32((field << 3) | wire);
const str = (w: Writer, field: number, s: string) => tag(w, field, 2).string(s);
const int = (w: Writer, field: number, n: number) => tag(w, field, 0).int64(n);
const nested = (w: Writer, field: number, body: (w: Writer) => void) => {
  tag(w, field, 2).fork();
  body(w);
  w.ldelim();
};

const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, floats: 6, ints: 7, strings: 8 } as const;

function attribute(w: Writer, a: Attribute) {
  str(w, 1, a.name);
  switch (a.type) {
    case 'float':
      tag(w, 2, 5).float(a.value);
      break;
    case 'int':
      int(w, 3, a.value);
      break;
    case 'string':
      tag(w, 4, 2).bytes(new TextEncoder().encode(a.value));
      break;
    case 'floats':
      for (const v of a.value) tag(w, 7, 5).float(v);
      break;
    case 'ints':
      for (const v of a.value) int(w, 8, v);
      break;
    case 'strings':
      for (const v of a.value) tag(w, 9, 2).bytes(new TextEncoder().encode(v));
      break;
  }
  int(w, 20, ATTRIBUTE_TYPE[a.type]);
}

function node(w: Writer, n: NodeProto) {
  for (const i of n.inputs) str(w, 1, i);
  for (const o of n.outputs) str(w, 2, o);
  str(w, 3, n.name);
  str(w, 4, n.opType);
  for (const a of n.attributes) nested(w, 5, (w) => attribute(w, a));
}

function tensor(w: Writer, t: TensorProto) {
  for (const d of t.dims) int(w, 1, d);
  int(w, 2, t.dataType);
  str(w, 8, t.name);
  tag(w, 9, 2).bytes(t.raw);
}

function valueInfo(w: Writer, v: ValueInfo) {
  str(w, 1, v.name);
  // TypeProto.tensor_type → { elem_type, shape: { dim: [{ dim_value | dim_param }] } }
  nested(w, 2, (w) =>
    nested(w, 1, (w) => {
      int(w, 1, DataType.FLOAT);
      nested(w, 2, (w) => {
        for (const d of v.dims) {
          nested(w, 1, (w) => (typeof d === 'number' ? int(w, 1, d) : str(w, 2, d)));
        }
      });
    }),
  );
}

/** The model as the bytes of a .onnx file. */
export function encodeModel(m: ModelProto): Uint8Array {
  const w = Writer.create();
  int(w, 1, m.irVersion);
  str(w, 2, m.producerName);
  str(w, 3, m.producerVersion);
  str(w, 6, m.docString);
  nested(w, 7, (w) => {
    for (const n of m.graph.nodes) nested(w, 1, (w) => node(w, n));
    str(w, 2, m.graph.name);
    for (const t of m.graph.initializers) nested(w, 5, (w) => tensor(w, t));
    for (const v of m.graph.inputs) nested(w, 11, (w) => valueInfo(w, v));
    for (const v of m.graph.outputs) nested(w, 12, (w) => valueInfo(w, v));
  });
  // OperatorSetIdProto: the default domain ("") at this opset.
  nested(w, 8, (w) => int(w, 2, m.opset));
  return w.finish();
}
