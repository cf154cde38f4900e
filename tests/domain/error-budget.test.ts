import { describe, expect, it } from 'vitest';
import { decimalFromNumber } from '../../src/domain/decimal.ts';
import {
  allowedFraction,
  budgetOf,
  consumedFraction,
  eventBudget,
  isAtOrBelowRemaining,
  isExhausted,
  timeBudgetMs,
} from '../../src/domain/error-budget.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

// The Site Reliability Workbook, ch. 2 "Implementing SLOs", worked example: 3,663,253 requests,
// 3,557,865 of them good. Bad = 3,663,253 − 3,557,865 = 105,388.
const WORKBOOK_TOTAL = 3_663_253;
const WORKBOOK_GOOD = 3_557_865;
const WORKBOOK_BAD = 105_388;

describe('event budgets (SRE workbook, ch. 2)', () => {
  it.each([
    // 3,663,253 × 0.03 = 109,897.59
    ['at 97% the workbook example allows 109,897.59 failures', 0.97, 109_897.59],
    // 3,663,253 × 0.01 = 36,632.53
    ['at 99% the workbook example allows 36,632.53 failures', 0.99, 36_632.53],
    // 3,663,253 × 0.10 = 366,325.3
    ['at 90% the workbook example allows 366,325.3 failures', 0.9, 366_325.3],
    // 1,000 × 0.001 = 1: the budget is one event, exactly, not 1.0000000000000009
    ['1,000 requests at 99.9% allow exactly one failure', 0.999, 1],
  ])('%s', (_name, objective, expected) => {
    const total = expected === 1 ? 1000 : WORKBOOK_TOTAL;
    expect(eventBudget(objective, total)).toBe(expected);
  });

  it('the workbook bad count is total minus good', () => {
    expect(WORKBOOK_TOTAL - WORKBOOK_GOOD).toBe(WORKBOOK_BAD);
  });

  it.each([
    // 105,388 / 109,897.59 = 0.95896… (109,897.59 × 0.959 = 105,391.79, a little over 105,388)
    ['at 97% the workbook example consumed 105,388 of 109,897.59', 0.97, 0.958965, false],
    // 105,388 / 36,632.53 = 2.8769 (36,632.53 × 2.8769 = 105,388.1)
    ['at 99% the workbook example is overspent 2.88 times', 0.99, 2.8769, true],
    // 105,388 / 366,325.3 = 0.28769
    ['at 90% the workbook example consumed 28.8%', 0.9, 0.28769, false],
  ])('%s', (_name, objective, expected, exhausted) => {
    const use = { spent: WORKBOOK_BAD, base: WORKBOOK_TOTAL, allowed: allowedFraction(objective) };
    expect(consumedFraction(use)).toBeCloseTo(expected, 5);
    expect(isExhausted(use)).toBe(exhausted);
  });
});

describe('time budgets (OpenSLO budgeting-method example; SPEC §6.2)', () => {
  it.each([
    // OpenSLO examples/budgeting-method: two weeks of 1-minute slices = 14 × 1,440 = 20,160 min; × 0.05 = 1,008 min (16 h 48 min).
    ['two weeks at 95% allow 1,008 minutes', 0.95, 14 * DAY, 1008 * MINUTE],
    // SPEC §6.2: 92 × 1,440 = 132,480 min; × 0.001 = 132.48 min = 7,948,800 ms.
    ['a 92-day quarter at 99.9% allows 132.48 minutes', 0.999, 92 * DAY, 7_948_800],
    // OpenSLO examples/treat-low-traffic-as-equally-important: 10,080 min × 0.0005 = 5.04 min = 5 min 2.4 s.
    ['a week at 99.95% allows 5 minutes 2.4 seconds', 0.9995, 7 * DAY, 5 * MINUTE + 2400],
  ])('%s', (_name, objective, period, expected) => {
    expect(timeBudgetMs(objective, period)).toBe(expected);
  });

  it('the OpenSLO two-week example at 24,000 requests a day allows 16,800 failed requests', () => {
    // 14 × 24,000 = 336,000 requests (as the example states); × 0.05 = 16,800.
    expect(eventBudget(0.95, 14 * 24_000)).toBe(16_800);
  });
});

describe('exact boundaries', () => {
  it.each([
    // Budget 1 event, 1 bad: C = 1, R = 0 → exhausted. In doubles 1 / (1000 × 0.0010000000000000009) < 1.
    ['one bad request of 1,000 at 99.9% spends the budget exactly', 1, 1000, 0.999, true],
    ['no bad request spends nothing', 0, 1000, 0.999, false],
    // 109,897.59 is not a whole number: 109,897 failures leave 0.59 of a failure.
    [
      '109,897 failures of the workbook total at 97% do not quite spend it',
      109_897,
      WORKBOOK_TOTAL,
      0.97,
      false,
    ],
    ['109,898 failures of the workbook total at 97% overspend it', 109_898, WORKBOOK_TOTAL, 0.97, true],
    // An objective parsed as 99.9 / 100 = 0.9990000000000001 is still the decimal 0.999.
    ['an objective read from "99.9%" behaves as 0.999', 1, 1000, 99.9 / 100, true],
  ])('%s', (_name, spent, base, objective, expected) => {
    expect(isExhausted({ spent, base, allowed: allowedFraction(objective) })).toBe(expected);
  });

  it.each([
    // Budget 4,000 × 0.001 = 4 events; 3 bad → C = 0.75, R = 0.25 exactly: at or below 0.25.
    // In doubles 3 / 4.000000000000004 = 0.7499999999999993 would leave R a hair above 0.25.
    ['R exactly 0.25 is at or below 0.25', 3, 4000, true],
    ['R = 0.5 is not at or below 0.25', 2, 4000, false],
  ])('%s', (_name, spent, base, expected) => {
    expect(isAtOrBelowRemaining({ spent, base, allowed: allowedFraction(0.999) }, 0.25)).toBe(expected);
  });

  it("an event budget in progress is the whole quarter's: 46,000 requests in 46 of 92 days allow 92", () => {
    // SPEC §6.2: B = (1 − O) · T · |quarter| / elapsed = 0.001 × 46,000 × 92/46 = 92.
    const use = { base: 46_000, times: 92, per: 46, allowed: allowedFraction(0.999) };
    expect(budgetOf(use)).toBe(92);
    expect(consumedFraction({ ...use, spent: 23 })).toBe(0.25);
    expect(isExhausted({ ...use, spent: 91 })).toBe(false);
    expect(isExhausted({ ...use, spent: 92 })).toBe(true);
    expect(consumedFraction({ ...use, spent: 92 })).toBe(1);
  });

  it('an objective of 100% or more has no budget and is refused', () => {
    expect(() => allowedFraction(1)).toThrow(RangeError);
    expect(() => allowedFraction(0)).toThrow(RangeError);
  });

  it('1 − 0.999 is exactly 1/1000', () => {
    expect(allowedFraction(0.999)).toEqual({ numerator: 1n, denominator: 1000n });
    expect(decimalFromNumber(0.9990000000000001)).toEqual({ numerator: 999n, denominator: 1000n });
  });
});
