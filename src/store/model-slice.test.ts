import { beforeEach, describe, expect, it } from 'vitest';
import { redo, undo, useAppStore } from './store';
import { templateSpec } from '../core/templates';

const kinds = () => useAppStore.getState().spec.layers.map((l) => l.kind);

describe('model slice', () => {
  beforeEach(() => {
    useAppStore.getState().setSpec(templateSpec('mlp'));
    useAppStore.temporal.getState().clear();
  });

  it('adds, moves, duplicates and removes layers through pure core edits', () => {
    const s = useAppStore.getState();
    const id = s.addLayer('Dropout', 2);
    expect(kinds()).toEqual(['Input', 'Dense', 'Dropout', 'Dense', 'Dense']);
    expect(useAppStore.getState().selectedId).toBe(id);
    s.moveLayer(2, 4);
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense', 'Dense', 'Dropout']);
    s.duplicateLayer(id);
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense', 'Dense', 'Dropout', 'Dropout']);
    s.removeLayer(id);
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense', 'Dense', 'Dropout']);
  });

  it('undoes and redoes every model edit, but not selection', () => {
    const s = useAppStore.getState();
    const dense = useAppStore.getState().spec.layers[1]!;
    s.updateParams(dense.id, { units: 64 });
    s.select(dense.id);
    s.removeLayer(useAppStore.getState().spec.layers[2]!.id);
    expect(kinds()).toHaveLength(3);
    undo();
    expect(kinds()).toHaveLength(4);
    undo();
    expect(useAppStore.getState().spec.layers[1]?.params).toMatchObject({ units: 8 });
    redo();
    expect(useAppStore.getState().spec.layers[1]?.params).toMatchObject({ units: 64 });
    redo();
    expect(kinds()).toHaveLength(3);
    expect(useAppStore.temporal.getState().futureStates).toHaveLength(0);
  });
});
