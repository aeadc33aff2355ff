import { beforeEach, describe, expect, it } from 'vitest';
import { redo, undo, useAppStore } from './store';
import { templateSpec } from '../core/templates';
import { MAX_LAYERS } from '../core/limits';

const state = () => useAppStore.getState();
const kinds = () => state().spec.layers.map((l) => l.kind);
const layer = (i: number) => {
  const l = state().spec.layers[i];
  if (!l) throw new Error(`no layer ${i}`);
  return l;
};
const past = () => useAppStore.temporal.getState().pastStates.length;

const idOf = (r: { ok: true; value: string } | { ok: false; reason: string }) => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('model slice', () => {
  beforeEach(() => {
    state().setSpec(templateSpec('mlp'));
    useAppStore.temporal.getState().clear();
    state().dismissRefusal();
  });

  it('adds, moves, duplicates and removes layers through pure core edits', () => {
    const s = state();
    const id = idOf(s.addLayer('Dropout', 2));
    expect(kinds()).toEqual(['Input', 'Dense', 'Dropout', 'Dense', 'Dense']);
    expect(state().selectedId).toBe(id);
    s.moveLayer(2, 4);
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense', 'Dense', 'Dropout']);
    const copy = idOf(s.duplicateLayer(id));
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense', 'Dense', 'Dropout', 'Dropout']);
    expect(state().selectedId).toBe(copy);
    s.removeLayer(copy);
    expect(state().selectedId).toBeNull();
    s.removeLayer(id);
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense', 'Dense']);
  });

  it('undoes and redoes every model edit, but not selection', () => {
    const s = state();
    const dense = layer(1);
    s.updateParams(dense.id, { units: 64 });
    s.select(dense.id);
    s.removeLayer(layer(2).id);
    expect(kinds()).toHaveLength(3);
    undo();
    expect(kinds()).toHaveLength(4);
    undo();
    expect(layer(1).params).toMatchObject({ units: 8 });
    expect(state().selectedId).toBe(dense.id);
    redo();
    expect(layer(1).params).toMatchObject({ units: 64 });
    redo();
    expect(kinds()).toHaveLength(3);
    expect(useAppStore.temporal.getState().futureStates).toHaveLength(0);
  });

  it('makes each committed rename one undo step and leaves a refused one out of history', () => {
    const id = layer(1).id;
    expect(state().renameLayer(id, 'hidden').ok).toBe(true);
    expect(state().renameLayer(id, 'dense_1').ok).toBe(false);
    expect(state().renameLayer(id, 'encoder').ok).toBe(true);
    expect(past()).toBe(2);
    undo();
    expect(layer(1).name).toBe('hidden');
    undo();
    expect(layer(1)).not.toHaveProperty('name');
  });

  it('refuses out-of-range params and bad names without touching the model', () => {
    const id = layer(1).id;
    const r = state().updateParams(id, { units: 0 });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('units must be an integer') });
    expect(layer(1).params).toMatchObject({ units: 8 });
    expect(state().renameLayer(id, '1st').ok).toBe(false);
    expect(state().renameLayer(id, 'dense_1').ok).toBe(false);
    expect(state().renameLayer(id, 'hidden').ok).toBe(true);
    expect(layer(1).name).toBe('hidden');
    expect(past()).toBe(1);
  });

  it('refuses a layer past the limit and says why in `refusal`', () => {
    while (state().spec.layers.length < MAX_LAYERS) state().addLayer('Dropout');
    const before = state().spec;
    const r = state().addLayer('Dense');
    expect(r.ok).toBe(false);
    expect(state().spec).toBe(before);
    expect(state().refusal).toContain('at most 50 layers');
    expect(state().duplicateLayer(layer(1).id).ok).toBe(false);
    state().removeLayer(layer(4).id);
    expect(state().refusal).toBeNull();
  });

  it('refuses a param edit that would need more memory than the budget, quoting it', () => {
    state().updateParams(layer(0).id, { shape: [4096] });
    state().updateParams(layer(1).id, { units: 4096 });
    const r = state().updateParams(layer(2).id, { units: 4096 });
    expect(r.ok).toBe(false);
    expect(state().refusal).toMatch(/would need about \d+ MB .* over the 512 MB budget/);
    expect(layer(2).params).toMatchObject({ units: 8 });
  });

  it('loads a template as one undoable edit and clears the selection', () => {
    state().select(layer(1).id);
    state().loadTemplate('lstm-forecaster');
    expect(kinds()).toEqual(['Input', 'LSTM', 'Dense']);
    expect(state().selectedId).toBeNull();
    undo();
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense', 'Dense']);
  });
});
