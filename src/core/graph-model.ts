import { looseDef } from './layers/catalog';
import type { ModelSpec } from './model-spec';
import { formatShape, type ShapeReport } from './shapes';

/** One box of Keras's plot_model(show_shapes=True, show_layer_activations=True). */
export interface GraphNode {
  id: string;
  name: string;
  /** Keras class name, e.g. 'Dense'. */
  type: string;
  /** The activation argument, for layers that have one. */
  activation: string | null;
  input: string;
  output: string;
  error: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
}

export interface ModelGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const activationOf = (params: object): string | null => {
  const value = (params as { activation?: unknown }).activation;
  return typeof value === 'string' ? value : null;
};

/** A Sequential model is a chain: one node per layer, one edge to the next. */
export function buildModelGraph(spec: ModelSpec, report: ShapeReport): ModelGraph {
  const nodes = spec.layers.map((layer, i): GraphNode => {
    const shapes = report.layers[i];
    const output = shapes?.output ? formatShape(shapes.output) : '?';
    // An InputLayer's input is its own shape, as plot_model shows it.
    const input = layer.kind === 'Input' ? output : shapes?.input ? formatShape(shapes.input) : '?';
    return {
      id: layer.id,
      name: shapes?.name ?? layer.id,
      type: looseDef(layer.kind).kerasClass,
      activation: activationOf(layer.params),
      input,
      output,
      error: shapes?.error?.message ?? null,
    };
  });
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i]?.id ?? '', to: n.id }));
  return { nodes, edges };
}
