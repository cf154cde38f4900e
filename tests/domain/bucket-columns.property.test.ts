/**
 * Rows kept as runs of even spacing (issue 10): any range of them, written out, is exactly the
 * rows a plain filter over the list keeps, in the same order, whatever the spacing and the ties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bucketList,
  firstStart,
  lastStart,
  rowsBetween,
  toBucketColumns,
  type Bucket,
} from '../../src/domain/bucket.ts';

/** Rows at a few regular spacings with gaps, repeats and stray times, in any order. */
const rows = fc
  .array(
    fc.record({
      startMs: fc.oneof(
        fc.integer({ min: 0, max: 40 }).map((i) => i * 60_000),
        fc.integer({ min: 0, max: 2_400_000 }),
      ),
      good: fc.integer({ min: 0, max: 70_000 }),
      total: fc.integer({ min: 0, max: 70_000 }),
    }),
    { maxLength: 80 },
  )
  .map((list): Bucket[] => list);
const bound = fc.oneof(
  fc.integer({ min: -60_000, max: 2_500_000 }),
  fc.constant(-Infinity),
  fc.constant(Infinity),
);

describe('rows as runs', () => {
  it('gives, for any [from, to), the rows a filter keeps, in the stable sorted order', () => {
    fc.assert(
      fc.property(rows, bound, bound, (list, from, to) => {
        const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
        const expected = sorted.filter((b) => b.startMs >= from && b.startMs < to);
        expect(bucketList(rowsBetween(toBucketColumns(list), from, to))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('knows its first and last start', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const starts = list.map((b) => b.startMs);
        const c = toBucketColumns(list);
        expect(firstStart(c)).toBe(list.length === 0 ? undefined : Math.min(...starts));
        expect(lastStart(c)).toBe(list.length === 0 ? undefined : Math.max(...starts));
      }),
    );
  });
});
