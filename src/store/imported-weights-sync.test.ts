import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportedWeights } from '../core/export/weights-manifest';
import type { WeightsDb } from './imported-weights-db';
import { syncImportedWeights } from './imported-weights-sync';
import { useAppStore } from './store';

const weights = (v: number): ImportedWeights => ({
  source: "'weights.bin'",
  specs: [{ name: 'k', shape: [1], dtype: 'float32' }],
  data: new Float32Array([v]).buffer,
});

function memoryDb() {
  const saved = new Map<string, ImportedWeights>();
  const db: WeightsDb = {
    get: async (id) => saved.get(id) ?? null,
    put: async (id, w) => {
      saved.set(id, w);
      return null;
    },
    remove: async (id) => void saved.delete(id),
  };
  return { saved, db };
}

const entry = (id: string) => ({ id, name: id, createdAt: 0, updatedAt: 0, hasWeights: false });
const settle = () => new Promise((r) => setTimeout(r, 0));
const state = () => useAppStore.getState();

beforeEach(() => {
  useAppStore.setState({ initialWeights: null });
  state().setLibrary([entry('a'), entry('b')], 'a');
});

describe('imported weights across visits', () => {
  it('saves an import for the open experiment and loads it when that experiment opens again', async () => {
    const { saved, db } = memoryDb();
    const stop = syncImportedWeights(useAppStore, db);
    const w = weights(1);
    state().setInitialWeights(w);
    await settle();
    expect(saved.get('a')).toBe(w);
    state().setLibrary([entry('a'), entry('b')], 'b');
    expect(state().initialWeights).toBeNull();
    state().setLibrary([entry('a'), entry('b')], 'a');
    await settle();
    expect(state().initialWeights).toBe(w);
    stop();
  });

  it('loads them at start-up, forgets them on "Use new weights" and with their experiment', async () => {
    const { saved, db } = memoryDb();
    saved.set('a', weights(2));
    const stop = syncImportedWeights(useAppStore, db);
    await settle();
    expect(state().initialWeights).toBe(saved.get('a'));
    state().setInitialWeights(null);
    await settle();
    expect(saved.has('a')).toBe(false);
    saved.set('b', weights(3));
    state().setLibrary([entry('a')], 'a');
    await settle();
    expect(saved.has('b')).toBe(false);
    stop();
  });

  it('says so when IndexedDB is full, and keeps the weights in use', async () => {
    const { db } = memoryDb();
    const stop = syncImportedWeights(useAppStore, { ...db, put: async () => 'full' });
    useAppStore.setState({ shareNotices: [] });
    const w = weights(4);
    state().setInitialWeights(w);
    await settle();
    expect(state().initialWeights).toBe(w);
    expect(state().shareNotices.map((n) => n.title)).toEqual([
      "The imported weights are in use but not saved: this browser's storage is full.",
    ]);
    stop();
  });
});
