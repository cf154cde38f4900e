import { describe, expect, it } from 'vitest';
import { burnRate } from '../../src/domain/burn-rate.ts';

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
});
