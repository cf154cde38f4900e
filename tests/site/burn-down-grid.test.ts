/**
 * The words under a burn-down thumbnail (issues 12 and 15): the one figure its line ends at, the
 * share of the budget spent, rounded up (SPEC §9.2: spent is never understated).
 */
import { describe, expect, it } from 'vitest';
import { thumbnailWords } from '../../src/site/burn-down-grid.ts';

describe('thumbnailWords', () => {
  it('gives the share spent, rounded up: 62 of 132 minutes is 46.97%, printed 47%', () => {
    expect(thumbnailWords(62 / 132)).toBe('47% spent');
  });

  it('keeps an overspent budget whole: 44,422 of 36,733 allowed failures is 120.93%, printed 121%', () => {
    expect(thumbnailWords(44_422 / 36_733)).toBe('121% spent');
  });

  it('reads nothing spent as 0%', () => {
    expect(thumbnailWords(0)).toBe('0% spent');
  });
});
