/**
 * The columnar fold (issue 10 item 1: typed arrays instead of a BudgetUnit and Tally object per
 * row or slice) gives exactly the figures of the row-based evaluation it replaced
 * (tests/support/reference/slo-quarter.ts), on generated data: every method, any row order, rows
 * split across files, duplicates, exclusions, budget windows, DST zones, any as-of.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toBucketColumns, type Bucket } from '../../src/domain/bucket.ts';
import type { Calendar } from '../../src/domain/calendar.ts';
import { parseQuarterId } from '../../src/domain/quarter.ts';
import { evaluateSloQuarter, type SloQuarterInput } from '../../src/domain/slo-quarter.ts';
import { DEFAULT_POLICY } from '../../src/domain/slo.ts';
import { evaluateSloQuarter as evaluateByRows } from '../support/reference/slo-quarter.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const calendars: Calendar[] = [
  { timezone: 'UTC', fiscalYearStartMonth: 1 },
  { timezone: 'Europe/London', fiscalYearStartMonth: 1 },
  { timezone: 'America/New_York', fiscalYearStartMonth: 4 },
];

// Counts may be fractional (a sum of doubles is then order-sensitive), to show the fold adds in
// the same order as the rows did.
const counts = fc.oneof(
  fc.tuple(fc.nat(5000), fc.nat(5000)).map(([a, b]) => ({ good: Math.min(a, b), total: Math.max(a, b) })),
  fc
    .tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }))
    .map(([a, b]) => ({ good: Math.min(a, b), total: Math.max(a, b) })),
);

const inputs: fc.Arbitrary<SloQuarterInput & { buckets: Bucket[] }> = fc
  .record({
    cal: fc.constantFrom(...calendars),
    quarterId: fc.constantFrom('2026-Q1', '2026-Q3', '2026-Q4', 'FY2027-Q3'),
    budgeting: fc.constantFrom('occurrences' as const, 'timeslices' as const, 'ratio-timeslices' as const),
    objective: fc.constantFrom(0.9, 0.99, 0.999, 99.9 / 100),
    windowMs: fc.constantFrom(5 * MINUTE, HOUR, DAY, 7 * DAY),
    target: fc.constantFrom(undefined, 0.5, 0.95),
    stepMs: fc.constantFrom(5 * MINUTE, HOUR, DAY),
    rows: fc.array(fc.tuple(fc.integer({ min: -40 * 288, max: 95 * 288 }), counts), { maxLength: 120 }),
    duplicates: fc.nat(20),
    asOfShare: fc.oneof(fc.constant(2), fc.double({ min: 0, max: 1, noNaN: true })),
    exclusions: fc.array(fc.tuple(fc.integer({ min: 0, max: 92 * 24 }), fc.integer({ min: 1, max: 72 })), {
      maxLength: 2,
    }),
    windows: fc.array(fc.tuple(fc.integer({ min: -24, max: 92 * 24 }), fc.integer({ min: 0, max: 300 })), {
      maxLength: 3,
    }),
    minEvents: fc.constantFrom(undefined, 1, 100),
  })
  .filter((r) => (r.cal.fiscalYearStartMonth === 1) === !r.quarterId.startsWith('FY'))
  .map((r) => {
    const quarter = parseQuarterId(r.quarterId, r.cal);
    if (quarter === undefined) throw new Error(`no quarter ${r.quarterId}`);
    const length = quarter.endMs - quarter.startMs;
    const buckets = r.rows.map(([five, c]) => ({ startMs: quarter.startMs + five * 5 * MINUTE, ...c }));
    // Some rows twice, as two files holding parts of the same step would.
    buckets.push(
      ...buckets.slice(0, r.duplicates).map((b) => ({ ...b, good: b.good / 2, total: b.total / 2 })),
    );
    return {
      slo: {
        id: 'checkout-availability',
        name: 'Checkout requests succeed',
        service: 'checkout-api',
        owner: 'Dana Ruiz',
        team: 'payments',
        objective: r.objective,
        budgeting: r.budgeting,
        timeslice: {
          windowMs: r.windowMs,
          ...(r.target === undefined ? { target: 0.95 } : { target: r.target }),
        },
      },
      quarter,
      cal: r.cal,
      buckets,
      exclusions: r.exclusions.map(([h, len]) => ({
        startMs: quarter.startMs + h * HOUR,
        endMs: quarter.startMs + (h + len) * HOUR,
      })),
      stepMs: r.stepMs,
      asOfMs: r.asOfShare > 1 ? quarter.endMs + DAY : quarter.startMs + Math.floor(r.asOfShare * length),
      policy: DEFAULT_POLICY,
      budgetWindows: r.windows.map(([h, len], i) => ({
        id: `INC-${i}`,
        startMs: quarter.startMs + h * HOUR,
        endMs: quarter.startMs + h * HOUR + len * MINUTE,
      })),
      ...(r.minEvents === undefined ? {} : { minEvents: r.minEvents }),
    };
  });

describe('the columnar fold', () => {
  it('equals the row-based evaluation, figure for figure and bit for bit', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(evaluateSloQuarter(input)).toStrictEqual(evaluateByRows(input));
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('equals it when the rows come as ingest gives them: sorted columns', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const columns = toBucketColumns(input.buckets);
        expect(evaluateSloQuarter({ ...input, buckets: columns })).toStrictEqual(evaluateByRows(input));
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('equals it with the rows in any order', () => {
    fc.assert(
      fc.property(
        inputs.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.buckets], {
              minLength: input.buckets.length,
              maxLength: input.buckets.length,
            }),
          ),
        ),
        ([input, shuffled]) => {
          const byRows = evaluateByRows({ ...input, buckets: shuffled });
          expect(evaluateSloQuarter({ ...input, buckets: shuffled })).toStrictEqual(byRows);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
