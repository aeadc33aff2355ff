import { describe, expect, it } from 'vitest';
import { buildModelGraph } from './graph-model';
import { edgePath, layoutGraph, nodeSize } from './graph-layout';
import { counterIds, createLayer, renameLayer, type ModelSpec } from './model-spec';
import { inferShapes } from './shapes';
import { templateSpec } from './templates';

const graphOf = (spec: ModelSpec) => buildModelGraph(spec, inferShapes(spec));

describe('buildModelGraph', () => {
  it('makes one node per layer with Keras names, types, activations and shapes', () => {
    const { nodes, edges } = graphOf(templateSpec('mlp', counterIds()));
    expect(nodes.map((n) => n.name)).toEqual(['input_layer', 'dense', 'dense_1', 'dense_2']);
    expect(nodes[0]).toMatchObject({ type: 'InputLayer', activation: null, input: '(None, 2)' });
    expect(nodes[1]).toMatchObject({
      type: 'Dense',
      activation: 'relu',
      input: '(None, 2)',
      output: '(None, 8)',
      error: null,
    });
    expect(edges).toEqual([
      { from: 'layer-1', to: 'layer-2' },
      { from: 'layer-2', to: 'layer-3' },
      { from: 'layer-3', to: 'layer-4' },
    ]);
  });

  it('marks the failing layer and shows unknown shapes below it as ?', () => {
    const spec = templateSpec('mlp', counterIds());
    spec.layers.splice(2, 0, createLayer('LSTM', 'bad'));
    const nodes = graphOf(spec).nodes;
    expect(nodes[2]?.error).toMatch(/LSTM needs a 3-D input/);
    expect(nodes[2]?.output).toBe('?');
    expect(nodes[3]).toMatchObject({ input: '?', output: '?' });
  });
});

describe('layoutGraph', () => {
  const spec = templateSpec('conv1d-classifier', counterIds());

  it('stacks nodes top to bottom without overlap, inside the drawing', () => {
    const layout = layoutGraph(graphOf(spec), 'TB');
    expect(layout.nodes).toHaveLength(5);
    for (const [a, b] of layout.nodes.slice(1).map((n, i) => [layout.nodes[i]!, n] as const)) {
      expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
    }
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
    }
    expect(layout.edges).toHaveLength(4);
    expect(layout.edges[0]!.points.length).toBeGreaterThanOrEqual(2);
  });

  it('lays nodes left to right when asked, wider than tall', () => {
    const layout = layoutGraph(graphOf(spec), 'LR');
    for (const [a, b] of layout.nodes.slice(1).map((n, i) => [layout.nodes[i]!, n] as const)) {
      expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    }
    expect(layout.width).toBeGreaterThan(layout.height);
  });

  it('widens a node to fit a long name and lists activation, input and output rows', () => {
    const long = renameLayer(spec, 'layer-2', 'a_really_long_convolution_layer_name');
    const node = graphOf(long).nodes[1]!;
    const { width, rows } = nodeSize(node);
    expect(width).toBeGreaterThan(nodeSize(graphOf(spec).nodes[1]!).width);
    expect(width).toBeGreaterThanOrEqual(node.name.length * 8);
    expect(rows.map((r) => r.label)).toEqual(['activation', 'input', 'output']);
  });

  it('lays out an empty model as an empty drawing', () => {
    const layout = layoutGraph({ nodes: [], edges: [] }, 'TB');
    expect(layout.nodes).toEqual([]);
    expect([layout.width, layout.height]).toEqual([0, 0]);
  });
});

describe('edgePath', () => {
  it('draws a polyline through the points', () => {
    expect(
      edgePath([
        { x: 0, y: 0 },
        { x: 10, y: 5.25 },
      ]),
    ).toBe('M0.0,0.0 L10.0,5.3');
  });
});
