import { expect, it } from 'vitest';
import { RateMeter } from './rate-meter';

it('measures recent speed, leaving the slow first batch out', () => {
  const m = new RateMeter(250, 0.5);
  expect(m.update(32, 5000)).toBe(0); // first batch after a 5 s warm-up: no rate yet
  expect(m.update(64, 5100)).toBe(0); // too short an interval to measure
  expect(m.update(352, 6000)).toBe(320); // 320 samples in 1 s
  expect(m.update(992, 7000)).toBe(480); // halfway to the new 640/s
});
