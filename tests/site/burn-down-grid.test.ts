/**
 * The words under a burn-down thumbnail (issue 15): the scorecard's budget words (SPEC §9.2,
 * formatBudgetRemaining) without their parenthesis.
 */
import { describe, expect, it } from 'vitest';
import { formatBudgetRemaining } from '../../src/domain/format.ts';
import { thumbnailWords } from '../../src/site/burn-down-grid.ts';

describe('thumbnailWords', () => {
  it('keeps "53% left" of "53% left (1 h 10 min of 2 h 12 min)"', () => {
    // 70 of 132 minutes left: 53.03% truncated to 53% (SPEC §9.2's own example).
    const words = formatBudgetRemaining(70 / 132, { minutes: 132 });
    expect(words).toBe('53% left (1 h 10 min of 2 h 12 min)');
    expect(thumbnailWords(words)).toBe('53% left');
  });

  it('keeps "121% spent" of an overspent budget, whose parenthesis says how far over', () => {
    // 44,422 failed of 36,733 allowed: 120.9% spent, rounded up to 121%.
    const words = formatBudgetRemaining(1 - 44_422 / 36_733, { events: 36_733 });
    expect(words).toMatch(/^121% spent \(21% over budget: /);
    expect(thumbnailWords(words)).toBe('121% spent');
  });

  it('leaves words without a parenthesis as they are', () => {
    expect(thumbnailWords('—')).toBe('—');
  });
});
