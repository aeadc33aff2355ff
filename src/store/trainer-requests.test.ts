import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerRequest } from '../core/training/protocol';
import { trainerRequests } from './trainer-requests';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

interface Reply {
  requestId: number;
  text: string;
}

const failed = (requestId: number, text: string): Reply => ({ requestId, text });

function port() {
  const sent: WorkerRequest[] = [];
  return { sent, send: (r: WorkerRequest) => void sent.push(r) };
}

const ask = (requestId: number): WorkerRequest => ({ type: 'stop', runId: requestId });

describe('trainer requests', () => {
  it('pairs replies with their requests by id, in any order', async () => {
    const r = trainerRequests<Reply>(1000, failed);
    const trainer = port();
    const first = r.ask(trainer, ask);
    const second = r.ask(trainer, ask);
    expect(trainer.sent).toEqual([ask(1), ask(2)]);
    r.answer({ requestId: 2, text: 'two' });
    r.answer({ requestId: 1, text: 'one' });
    expect(await first).toEqual({ requestId: 1, text: 'one' });
    expect(await second).toEqual({ requestId: 2, text: 'two' });
  });

  it('fails at once without a trainer, and after the timeout without a reply', async () => {
    const r = trainerRequests<Reply>(1000, failed);
    expect(await r.ask(null, ask)).toEqual({
      requestId: 1,
      text: 'The trainer has not started yet.',
    });
    const late = r.ask(port(), ask);
    vi.advanceTimersByTime(1000);
    expect(await late).toEqual({ requestId: 2, text: 'The trainer did not answer; try again.' });
    // The reply that comes after the timeout changes nothing.
    r.answer({ requestId: 2, text: 'too late' });
    expect(await late).toEqual({ requestId: 2, text: 'The trainer did not answer; try again.' });
  });
});
