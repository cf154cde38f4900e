/** An SLO's budget in words (SPEC §9.2), in its own unit, and the date it runs or ran out. */
import { describe, expect, it } from 'vitest';
import { budgetRunOutWords, budgetText, unitOf } from '../../src/report/budget-text.ts';

describe('budgetText', () => {
  it("writes an event budget in the SLO's unit: an Upptime export counts minutes (issue 12 item 20)", () => {
    // 2,209 minutes down against 626 allowed: 352.9% spent, rounded up to 353%, 253% over.
    const slo = { remaining: 1 - 2209 / 626, budget: 626, budgetMinutes: null };
    const unit = { singular: 'minute', plural: 'minutes', condition: null };
    expect(budgetText(slo, unit)).toBe('353% spent (253% over budget: 2,209 of 626 allowed failed minutes)');
  });

  it('says requests for an SLO without a unit', () => {
    expect(unitOf({ units: {} }, 'gone')).toEqual({
      singular: 'request',
      plural: 'requests',
      condition: null,
    });
    expect(budgetText({ remaining: 0.5, budget: 200, budgetMinutes: null })).toBe(
      '50% left (100 of 200 failed requests allowed)',
    );
  });
});

describe('budgetRunOutWords (issue 12 item 7)', () => {
  const asOf = Date.UTC(2025, 8, 26); // 26 Sep 2025
  it('a date already past at the as-of time ran out', () => {
    expect(budgetRunOutWords(Date.UTC(2025, 7, 23), asOf)).toBe('ran out on');
  });
  it('a date still to come runs out', () => {
    expect(budgetRunOutWords(Date.UTC(2025, 8, 29), asOf)).toBe('runs out on');
  });
});
