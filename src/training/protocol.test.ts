import { describe, expect, it } from 'vitest';
import { parseEvent, parseRequest } from './protocol';
import { backendOrder } from './backend-names';

describe('worker protocol validation', () => {
  it('accepts a well-formed init request', () => {
    expect(parseRequest({ type: 'init', backend: 'auto' })).toEqual({
      ok: true,
      value: { type: 'init', backend: 'auto' },
    });
  });

  it.each([
    [null, 'Malformed request to the worker'],
    [{ type: 'nope' }, 'at type'],
    [{ type: 'init', backend: 'cuda' }, 'at backend'],
  ])('rejects %j and says where', (msg, expected) => {
    const r = parseRequest(msg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(expected);
  });

  it('rejects a backend report with a missing field', () => {
    const r = parseEvent({ type: 'backend', report: { name: 'webgpu', skipped: [] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('report.adapter');
  });
});

describe('backendOrder', () => {
  it('auto tries webgpu, then webgl, then cpu', () => {
    expect(backendOrder('auto')).toEqual(['webgpu', 'webgl', 'cpu']);
  });
  it('an explicit choice goes first and still falls back', () => {
    expect(backendOrder('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(backendOrder('webgl')).toEqual(['webgl', 'webgpu', 'cpu']);
  });
});
