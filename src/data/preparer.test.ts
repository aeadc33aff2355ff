import { describe, expect, it } from 'vitest';
import { defaultBuiltinConfig, parseDatasetConfig, type DatasetConfig } from './index';
import { parsePrepareReply } from './prepare-protocol';
import { createPreparer, tableKeyOf, transferablesOf, type PrepareRequest } from './preparer';
import { unwrap } from './test-helpers';

const csv = unwrap(parseDatasetConfig({ source: 'csv', fileName: 's.csv' }));
const TEXT = 'x,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n';
const request = (config: DatasetConfig, extra: Partial<PrepareRequest> = {}): PrepareRequest => ({
  id: 1,
  config,
  textVersion: 0,
  haveKey: null,
  ...extra,
});

describe('createPreparer', () => {
  it('loads, prepares and names the table it built', () => {
    const sine = defaultBuiltinConfig('sine');
    const reply = createPreparer().handle(request(sine, { text: null }));
    const loaded = reply.loaded === 'same' ? null : unwrap(reply.loaded);
    expect(loaded?.key).toBe(tableKeyOf(0, sine));
    expect(unwrap(reply.prepared ?? { ok: false, reason: 'none' }).xShape).toEqual([952, 24, 1]); // 776 + 176: each side of the cut windowed alone
  });

  it('does not send a table the page already holds, and keeps the text between requests', () => {
    const p = createPreparer();
    const first = p.handle(request(csv, { textVersion: 3, text: TEXT }));
    expect(first.loaded).toMatchObject({ ok: true });
    const key = tableKeyOf(3, csv);
    const split = { ...csv, prepare: { ...csv.prepare, validationSplit: 0.5 } };
    const second = p.handle(request(split, { id: 2, textVersion: 3, haveKey: key }));
    expect(second.loaded).toBe('same');
    expect(unwrap(second.prepared ?? { ok: false, reason: '' }).trainCount).toBe(3);
    // A role change re-reads the text the preparer kept.
    const roles = { ...csv, roles: { x: 'label' as const, y: 'feature' as const } };
    const third = p.handle(request(roles, { id: 3, textVersion: 3, haveKey: key }));
    expect(third.loaded).toMatchObject({ ok: true, value: { key: tableKeyOf(3, roles) } });
  });

  it('never answers with another text than the one asked for', () => {
    const p = createPreparer();
    p.handle(request(csv, { textVersion: 1, text: TEXT }));
    const reply = p.handle(request(csv, { textVersion: 2 }));
    expect(reply.loaded).toEqual({
      ok: false,
      reason: 'The file was not received; open it again.',
    });
  });

  it('refuses a configuration that does not parse', () => {
    const bad = { ...csv, missing: 'guess' } as unknown as DatasetConfig;
    const reply = createPreparer().handle(request(bad, { text: null }));
    expect(reply).toMatchObject({ loaded: { ok: false }, prepared: null });
  });

  it('hands over the prepared arrays, and its replies pass the page-side check', () => {
    const reply = createPreparer().handle(request(defaultBuiltinConfig('circle'), { text: null }));
    expect(transferablesOf(reply)).toHaveLength(3);
    expect(parsePrepareReply(reply).ok).toBe(true);
  });
});

describe('parsePrepareReply', () => {
  it('rejects arrays that do not match their shapes, and anything else that is malformed', () => {
    const reply = createPreparer().handle(request(defaultBuiltinConfig('circle'), { text: null }));
    const prepared = unwrap(reply.prepared ?? { ok: false, reason: '' });
    const lying = { ...reply, prepared: { ok: true, value: { ...prepared, xShape: [501, 2] } } };
    expect(parsePrepareReply(lying)).toMatchObject({ ok: false });
    expect(parsePrepareReply({ id: 'x' }).ok).toBe(false);
    expect(parsePrepareReply(null).ok).toBe(false);
  });
});
