import { describe, expect, it } from 'vitest';
import { burnRate, burnRateBetween } from '../../src/domain/burn-rate.ts';

const HOUR = 3_600_000;

// The Site Reliability Workbook, ch. 5 "Alerting on SLOs": burn rate = error rate / (1 − SLO);
// at a 99.9% SLO, a 0.1% error rate is burn rate 1 and 1.44% is 14.4 (the 1-hour page threshold).
describe('burnRate (SRE workbook, ch. 5)', () => {
  it.each([
    ['a 0.1% error rate at 99.9% burns at 1', 1, 1000, 0.999, 1],
    ['a 1.44% error rate at 99.9% burns at 14.4 (the workbook page threshold)', 144, 10_000, 0.999, 14.4],
    ['no errors burn at 0', 0, 1000, 0.999, 0],
    ['no events have no burn rate', 0, 0, 0.999, null],
  ])('%s', (_name, bad, total, objective, expected) => {
    expect(burnRate(bad, total, objective)).toBe(expected);
  });

  it('burnRateBetween counts only rows whose start lies in [from, to)', () => {
    const buckets = [
      { startMs: 0, good: 990, total: 1000 }, // outside: before
      { startMs: HOUR, good: 999, total: 1000 },
      { startMs: 2 * HOUR, good: 997, total: 1000 },
      { startMs: 3 * HOUR, good: 0, total: 1000 }, // outside: at `to`
    ];
    // (1 + 3) bad of 2,000 = 0.2%; / 0.1% = 2.
    expect(burnRateBetween(buckets, HOUR, 3 * HOUR, 0.999)).toBe(2);
  });
});
