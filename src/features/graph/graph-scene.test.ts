import { describe, expect, it } from 'vitest';
import { buildModelGraph } from '../../core/graph-model';
import { layoutGraph } from '../../core/graph-layout';
import { counterIds, createLayer, renameLayer } from '../../core/model-spec';
import { inferShapes } from '../../core/shapes';
import { templateSpec } from '../../core/templates';
import { arrowHead, buildScene, nodeAt } from './graph-scene';

const sceneOf = (spec: ReturnType<typeof templateSpec>) =>
  buildScene(layoutGraph(buildModelGraph(spec, inferShapes(spec)), 'TB'));
const texts = (scene: ReturnType<typeof sceneOf>, role: string) =>
  scene.shapes.flatMap((s) => (s.kind === 'text' && s.role === role ? [s.text] : []));

describe('buildScene', () => {
  it('writes every layer name, type, activation and shape as text', () => {
    const spec = renameLayer(templateSpec('mlp', counterIds()), 'layer-2', '<b>hidden</b>');
    const scene = sceneOf(spec);
    expect(texts(scene, 'title')).toEqual(['input_layer', '<b>hidden</b>', 'dense', 'dense_1']);
    expect(texts(scene, 'type')).toEqual(['InputLayer', 'Dense', 'Dense', 'Dense']);
    expect(texts(scene, 'value')).toContain('relu');
    expect(texts(scene, 'value')).toContain('(None, 8)');
    expect(scene.shapes.filter((s) => s.role === 'arrow')).toHaveLength(3);
  });

  it('marks a failing layer so it is drawn as an error', () => {
    const spec = templateSpec('mlp', counterIds());
    spec.layers.splice(2, 0, createLayer('LSTM', 'bad'));
    const roles = sceneOf(spec)
      .shapes.filter((s) => s.kind === 'rect')
      .map((s) => s.role);
    expect(roles).toEqual(['node', 'node', 'node-error', 'node', 'node']);
  });
});

describe('nodeAt', () => {
  it('finds the layer whose box holds a point, and nothing between boxes', () => {
    const spec = templateSpec('mlp', counterIds());
    const scene = sceneOf(spec);
    const boxes = scene.shapes.flatMap((s) => (s.kind === 'rect' ? [s] : []));
    for (const [i, b] of boxes.entries()) {
      expect(nodeAt(scene, b.x + b.width / 2, b.y + b.height / 2)).toBe(spec.layers[i]?.id);
    }
    const [a, b] = boxes;
    if (!a || !b) throw new Error('two boxes expected');
    expect(nodeAt(scene, a.x + a.width / 2, (a.y + a.height + b.y) / 2)).toBeNull();
  });
});

describe('arrowHead', () => {
  it('points along the last segment', () => {
    expect(
      arrowHead([
        { x: 0, y: 0 },
        { x: 0, y: 20 },
      ]),
    ).toBe('M0.0,20.0 L-4.2,13.0 L4.2,13.0 Z');
    expect(arrowHead([{ x: 0, y: 0 }])).toBeNull();
  });
});
