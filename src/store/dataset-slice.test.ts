import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { templateSpec } from '../core/templates';
import { MAX_CSV_BYTES, parseDatasetConfig, SHIPPED, type ShippedId } from '../data/index';
import { unwrap } from '../data/test-helpers';
import { createPagePort, type DataPort } from './dataset-port';
import { undo, useAppStore } from './store';

const state = () => useAppStore.getState();
/** Lets the page port's answers (promises) land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const file = (name: string, text: string, size = text.length) => ({
  name,
  size,
  text: async () => text,
});
const shape = () => (state().prepared.ok ? unwrap(state().prepared).xShape : null);
const reason = () => {
  const p = state().prepared;
  return p.ok ? '' : p.reason;
};

const readShipped = (id: ShippedId) =>
  readFileSync(
    fileURLToPath(new URL(`../../public/data/${SHIPPED[id].file}`, import.meta.url)),
    'utf8',
  );
let fetchFails = false;
const port: DataPort = {
  prepare: createPagePort().prepare,
  fetchShipped: async (id) =>
    fetchFails ? { ok: false, reason: 'offline test' } : { ok: true, value: readShipped(id) },
};

beforeEach(async () => {
  fetchFails = false;
  state().attachDataPort(port);
  await state().chooseDataset({ source: 'builtin', id: 'circle' });
  state().setValidationSplit(0.2);
  state().setSpec(templateSpec('mlp'));
  state().setTrainingSettings({ loss: 'auto' });
  await settle();
  useAppStore.temporal.getState().clear();
});

describe('dataset slice: sources', () => {
  it('switches to a built-in set with its own defaults and keeps the validation split', async () => {
    state().setValidationSplit(0.25);
    await settle();
    await state().chooseDataset({ source: 'builtin', id: 'sine' });
    expect(state().datasetConfig).toMatchObject({ source: 'builtin', id: 'sine' });
    expect(state().datasetConfig.prepare.validationSplit).toBe(0.25);
    // 750 rows train, 250 validate; each part windowed alone: 726 + 226.
    expect(shape()).toEqual([952, 24, 1]);
    expect(unwrap(state().prepared).trainCount).toBe(726);
    expect(state().dataLoaded?.sourceId).toBe('builtin:sine');
  });

  it('loads shipped data, and a failed fetch keeps the data already there', async () => {
    await state().chooseDataset({ source: 'shipped', id: 'us-births' });
    expect(shape()?.slice(1)).toEqual([28, 1]);
    expect(String(state().csvText).startsWith('year,month')).toBe(true);
    fetchFails = true;
    await state().chooseDataset({ source: 'shipped', id: 'iris' });
    expect(state().dataError).toContain('offline test');
    expect(state().datasetConfig).toMatchObject({ source: 'shipped', id: 'us-births' });
  });

  it('a CSV with a bad cell says where, and loses nothing the user had', async () => {
    const before = state().prepared;
    await state().openCsvFile(file('bad.csv', 'x,y\n1,0\n2,oops\n3,1\n'));
    expect(state().dataError).toBe("Row 3, column 'y': 'oops' is not a number.");
    expect(state().prepared).toBe(before);
    expect(state().datasetConfig.source).toBe('builtin');
  });

  it('refuses a file over the limit before reading it', async () => {
    let read = false;
    const big = { name: 'big.csv', size: MAX_CSV_BYTES + 1, text: async () => ((read = true), '') };
    await state().openCsvFile(big);
    expect(state().dataError).toContain('up to 20 MB');
    expect(read).toBe(false);
  });

  it('reads a gappy file again with another missing-value policy', async () => {
    await state().openCsvFile(file('gaps.csv', 'x,y\n1,0\n,1\n3,1\n4,0\n'));
    expect(state().dataError).toContain('Row 3');
    expect(state().dataRetry).toBe('gaps.csv');
    state().setCsvOptions({ missing: 'drop' });
    await settle();
    expect(state().datasetConfig).toMatchObject({
      source: 'csv',
      fileName: 'gaps.csv',
      missing: 'drop',
    });
    expect(state().dataError).toBeNull();
    expect(state().dataLoaded?.table.rowCount).toBe(3);
  });

  it('keeps a role the user chose even when it cannot be used, and says why', async () => {
    await state().openCsvFile(file('s.csv', 'name,x,y\na,1,0\nb,2,1\nc,3,0\nd,4,1\n'));
    const config = state().datasetConfig;
    if (config.source !== 'csv') throw new Error('expected a CSV');
    void state().setDatasetConfig({ ...config, roles: { name: 'feature' } });
    await settle();
    expect(state().datasetConfig).toMatchObject({ roles: { name: 'feature' } });
    expect(reason()).toContain("Row 2, column 'name': 'a' is not a number.");
    expect(state().dataLoaded?.table.columns.map((c) => c.name)).toEqual(['name', 'x', 'y']);
  });

  it('a linked CSV config asks for its file, then keeps the linked settings', async () => {
    const linked = unwrap(
      parseDatasetConfig({
        source: 'csv',
        fileName: 'sales.csv',
        roles: { a: 'label', b: 'feature' },
      }),
    );
    void state().setDatasetConfig(linked);
    await settle();
    expect(state().prepared).toEqual({
      ok: false,
      reason:
        "Open the file 'sales.csv' again: a shared link carries its settings but not its contents.",
    });
    expect(state().dataLoaded).toBeNull();
    await state().openCsvFile(file('sales.csv', 'a,b\n0,1\n1,2\n0,3\n1,4\n'));
    expect(state().datasetConfig).toMatchObject({ fileName: 'sales.csv', roles: { a: 'label' } });
    expect(unwrap(state().prepared).targetName).toBe('a');
  });

  it('explains impossible windows inline and applies only the newest of quick edits', async () => {
    await state().chooseDataset({ source: 'builtin', id: 'sine' });
    const sine = state().datasetConfig;
    const windowed = (length: number) => ({
      ...sine,
      prepare: { ...sine.prepare, windowing: { ...sine.prepare.windowing, length } },
    });
    void state().setDatasetConfig(windowed(900));
    expect(state().datasetConfig.prepare.windowing.length).toBe(900);
    await settle();
    expect(state().prepared).toMatchObject({ ok: false });
    expect(reason()).toContain('needs at least 901 rows');
    void state().setDatasetConfig(windowed(10));
    void state().setDatasetConfig(windowed(12));
    await settle();
    expect(shape()).toEqual([976, 12, 1]); // 788 + 188
  });
});

describe('dataset slice: settings', () => {
  it('leaves the prepared data alone when the same settings come again', async () => {
    const before = state().prepared;
    void state().setDatasetConfig(structuredClone(state().datasetConfig));
    state().setValidationSplit(0.2);
    await settle();
    expect(state().prepared).toBe(before);
    state().setValidationSplit(0.3);
    await settle();
    expect(state().prepared).not.toBe(before);
    expect(unwrap(state().prepared).trainCount).toBe(350);
  });
});

describe('dataset slice: fitting the model to the data', () => {
  it('sets the Input shape as an undoable model edit, then the Flatten and the output', async () => {
    await state().chooseDataset({ source: 'builtin', id: 'sine' });
    state().setTrainingSettings({ loss: 'binary_crossentropy' });
    expect(state().applyDataInputShape()).toEqual({ ok: true });
    expect(state().spec.layers[0]?.params).toEqual({ shape: [24, 1] });
    undo();
    expect(state().spec.layers[0]?.params).toEqual({ shape: [2] });
    state().applyDataInputShape();
    expect(state().addFlattenForData()).toEqual({ ok: true });
    expect(state().applyDataOutput()).toEqual({ ok: true });
    expect(state().spec.layers.map((l) => l.kind)).toEqual([
      'Input',
      'Flatten',
      'Dense',
      'Dense',
      'Dense',
    ]);
    expect(state().spec.layers.at(-1)?.params).toMatchObject({ units: 1, activation: 'linear' });
    expect(state().trainingSettings.loss).toBe('auto');
  });

  it('appends the output Dense in one step when the model ends otherwise', async () => {
    await state().chooseDataset({ source: 'builtin', id: 'pixel-digits' });
    state().addLayer('Dropout');
    const steps = useAppStore.temporal.getState().pastStates.length;
    expect(state().applyDataOutput()).toEqual({ ok: true });
    expect(useAppStore.temporal.getState().pastStates.length).toBe(steps + 1);
    expect(state().spec.layers.at(-1)).toMatchObject({
      kind: 'Dense',
      params: { units: 10, activation: 'softmax' },
    });
    expect(state().selectedId).toBe(state().spec.layers.at(-1)?.id);
  });
});
