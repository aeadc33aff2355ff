import type { ModelSpec } from '../model-spec';
import { fail, ok, type Result } from '../result';
import { planLayers } from './layer-plan';
import { ExportRefusal, type NamedWeights } from './named-weights';
import { OnnxGraph } from './onnx-graph';
import { layerNodes } from './onnx-layers';
import { encodeModel } from './onnx-proto';
import { onnxSupport } from './onnx-support';

/** Opset 13 (IR version 7): the oldest with every operator used here in its current form. */
export const ONNX_OPSET = 13;
const IR_VERSION = 7;

export { onnxSupport };

export const ONNX_INPUT = 'input';
export const ONNX_OUTPUT = 'output';

/**
 * The model with its trained weights as the bytes of a .onnx file: input "input" of shape
 * (batch, …Input shape), channels-last as in Keras, output "output". Anything the writer does
 * not cover fails with the reason, never a model that computes something else.
 */
export function toOnnx(
  spec: ModelSpec,
  weights: NamedWeights,
  name = 'layerlab_model',
): Result<Uint8Array> {
  const supported = onnxSupport(spec);
  if (!supported.ok) return supported;
  const plan = planLayers(spec);
  if (!plan.ok) return plan;
  const g = new OnnxGraph();
  let x = ONNX_INPUT;
  try {
    for (const p of plan.value.layers) x = layerNodes(g, p, weights, x);
  } catch (e) {
    if (e instanceof ExportRefusal) return fail(e.message);
    throw e;
  }
  g.op(ONNX_OUTPUT, 'Identity', [x]);
  const last = g.nodes.at(-1);
  if (last) last.outputs = [ONNX_OUTPUT];
  const output = plan.value.layers.at(-1)?.output ?? plan.value.input;
  return ok(
    encodeModel({
      irVersion: IR_VERSION,
      opset: ONNX_OPSET,
      producerName: 'Layerlab',
      producerVersion: '1',
      docString:
        'Exported by Layerlab with its trained weights; input and output are channels-last, as in Keras.',
      graph: {
        name,
        nodes: g.nodes,
        initializers: g.initializers,
        inputs: [{ name: ONNX_INPUT, dims: ['batch', ...plan.value.input] }],
        outputs: [{ name: ONNX_OUTPUT, dims: ['batch', ...output] }],
      },
    }),
  );
}
