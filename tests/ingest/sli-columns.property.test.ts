import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactBuckets,
  concatCompact,
  forEachCompact,
  sortPacked,
  unpackCompact,
  type CompactBuckets,
} from '../../src/ingest/sli/columns.ts';

// Joining files whose time ranges do not overlap (an export split by month) must give exactly
// what sorting every row again gives: the same runs, the same counts in the same kind of array.

const MINUTE = 60_000;

/** Sorted, distinct starts on a few steps with gaps, as exports have them. */
const startsArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 5 }),
      step: fc.constantFrom(MINUTE, 5 * MINUTE, 60 * MINUTE),
      n: fc.integer({ min: 1, max: 30 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((segments) => {
    const out: number[] = [];
    let t = Date.UTC(2026, 0, 1);
    for (const { gap, step, n } of segments) {
      t += gap * step;
      for (let i = 0; i < n; i++) out.push((t += step));
    }
    return out;
  });

const countArb = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 100_000 }));

function compactOf(
  starts: readonly number[],
  good: readonly number[],
  total: readonly number[],
): CompactBuckets {
  const triples = new Float64Array(starts.length * 3);
  starts.forEach((s, i) => {
    triples[i * 3] = s;
    triples[i * 3 + 1] = good[i] ?? 0;
    triples[i * 3 + 2] = total[i] ?? 0;
  });
  return compactBuckets({ chunks: [triples], count: starts.length });
}

describe('concatCompact', () => {
  it('equals sorting every row again, for any split of a series into consecutive files in any order', () => {
    fc.assert(
      fc.property(
        startsArb.chain((starts) =>
          fc.record({
            starts: fc.constant(starts),
            good: fc.array(countArb, { minLength: starts.length, maxLength: starts.length }),
            cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, starts.length - 1) }), {
              maxLength: 4,
            }),
            order: fc.array(fc.nat(), { maxLength: 5 }),
          }),
        ),
        ({ starts, good, cuts, order }) => {
          const total = good.map((g, i) => g + (i % 3));
          const bounds = [0, ...cuts.filter((c) => c < starts.length).sort((a, b) => a - b), starts.length];
          const parts = bounds
            .slice(0, -1)
            .map((from, k) =>
              compactOf(
                starts.slice(from, bounds[k + 1]),
                good.slice(from, bounds[k + 1]),
                total.slice(from, bounds[k + 1]),
              ),
            );
          // Files are read in path order, which need not be time order.
          const shuffled = parts.map((p, i) => ({ p, k: order[i] ?? i })).sort((a, b) => a.k - b.k);
          const joined = concatCompact(shuffled.map((x) => x.p));
          const sorted = compactBuckets(
            sortPacked(
              shuffled.map((x) => unpackCompact(x.p)),
              'error',
            ).buckets,
          );
          expect(joined).toEqual(sorted);
          expect(joined?.good.constructor).toBe(sorted.good.constructor);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps a threshold SLI's measured value with its row, joined or sorted (issue 12 item 15)", () => {
    fc.assert(
      fc.property(
        startsArb.chain((starts) =>
          fc.record({
            starts: fc.constant(starts),
            values: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
              minLength: starts.length,
              maxLength: starts.length,
            }),
            cut: fc.integer({ min: 1, max: Math.max(1, starts.length - 1) }),
          }),
        ),
        ({ starts, values, cut }) => {
          const withValues = (from: number, to: number): CompactBuckets => {
            const c = compactOf(starts.slice(from, to), [], []);
            return c.count === 0 ? c : { ...c, values: Float64Array.from(values.slice(from, to)) };
          };
          // The later file first, as a path order may have it.
          const parts = [withValues(cut, starts.length), withValues(0, cut)].filter((p) => p.count > 0);
          const expected = starts.map((s, i) => [s, values[i]]);
          const pairs = (c: CompactBuckets | null) => {
            const out: number[][] = [];
            if (c !== null) forEachCompact(c, (s, _g, _t, v) => out.push([s, v]));
            return out;
          };
          expect(pairs(concatCompact(parts))).toEqual(expected);
          expect(pairs(compactBuckets(sortPacked(parts.map(unpackCompact), 'error').buckets))).toEqual(
            expected,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives up on files that overlap, so that duplicates are found by sorting', () => {
    const a = compactOf([0, MINUTE, 2 * MINUTE], [1, 1, 1], [1, 1, 1]);
    const b = compactOf([2 * MINUTE, 3 * MINUTE], [1, 1], [1, 1]);
    expect(concatCompact([a, b])).toBeNull();
  });
});
