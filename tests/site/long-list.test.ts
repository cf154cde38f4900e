/**
 * The review's lists at 150 SLOs (issue 15): a list within its limit is shown whole; a longer one
 * shows its first items in the order given and folds the rest.
 */
import { describe, expect, it } from 'vitest';
import { foldList, REVIEW_LIST_LIMIT } from '../../src/site/long-list.ts';

describe('foldList', () => {
  it('shows the demo’s 7 SLOs whole: nothing folds below the limit of 10', () => {
    const slos = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(foldList(slos)).toEqual({ shown: slos, folded: [] });
  });

  it('shows exactly the limit whole', () => {
    const ten = Array.from({ length: REVIEW_LIST_LIMIT }, (_, i) => i);
    expect(foldList(ten).folded).toEqual([]);
  });

  it('folds 140 of 150 SLOs, keeping the order: the first ten shown are items 0 to 9', () => {
    const slos = Array.from({ length: 150 }, (_, i) => i);
    const { shown, folded } = foldList(slos);
    expect(shown).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(folded).toHaveLength(140);
    expect(folded[0]).toBe(10);
  });

  it('takes another limit: 6 full-size burn-downs of 33 troubled SLOs leave 27', () => {
    expect(
      foldList(
        Array.from({ length: 33 }, (_, i) => i),
        6,
      ).folded,
    ).toHaveLength(27);
  });
});
