import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Bucket } from '../../src/domain/bucket.ts';
import type { Calendar } from '../../src/domain/calendar.ts';
import { eventBudget } from '../../src/domain/error-budget.ts';
import { parseQuarterId, previousQuarter, type Quarter } from '../../src/domain/quarter.ts';
import {
  evaluateSloQuarter,
  type SloQuarterInput,
  type SloQuarterResult,
} from '../../src/domain/slo-quarter.ts';
import { DEFAULT_POLICY, type SloDefinition } from '../../src/domain/slo.ts';

// Properties from SPEC §13: consumed + remaining = 1; row order and file splits change no figure;
// figures are never NaN or Infinity.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('missing test fixture');
  return x;
}

const calendars: Calendar[] = [
  { timezone: 'UTC', fiscalYearStartMonth: 1 },
  { timezone: 'Europe/London', fiscalYearStartMonth: 1 },
  { timezone: 'America/New_York', fiscalYearStartMonth: 1 },
];

interface Scenario {
  cal: Calendar;
  quarter: Quarter;
  slo: SloDefinition;
  stepMs: number;
  buckets: Bucket[];
  asOfMs: number;
  minEvents: number | undefined;
  exclusions: { startMs: number; endMs: number }[];
}

const counts = fc
  .tuple(fc.nat(2000), fc.nat(2000))
  .map(([a, b]) => ({ good: Math.min(a, b), total: Math.max(a, b) }));

const scenarios: fc.Arbitrary<Scenario> = fc
  .record({
    cal: fc.constantFrom(...calendars),
    quarterId: fc.constantFrom('2026-Q1', '2026-Q3', '2026-Q4'),
    budgeting: fc.constantFrom('occurrences' as const, 'timeslices' as const, 'ratio-timeslices' as const),
    objective: fc.constantFrom(0.9, 0.95, 0.99, 0.999, 0.9995, 99.9 / 100),
    windowMs: fc.constantFrom(HOUR, 6 * HOUR, DAY),
    target: fc.constantFrom(0.5, 0.9, 0.95, 0.99),
    minEvents: fc.constantFrom(undefined, 1, 100),
    stepMs: fc.constantFrom(HOUR, DAY),
    rows: fc.array(fc.tuple(fc.integer({ min: -40 * 24, max: 95 * 24 }), counts), { maxLength: 60 }),
    asOfShare: fc.oneof(fc.constant(2), fc.double({ min: 0, max: 1, noNaN: true })),
    exclusions: fc.array(fc.tuple(fc.integer({ min: 0, max: 92 * 24 }), fc.integer({ min: 1, max: 72 })), {
      maxLength: 2,
    }),
  })
  .map((r) => {
    const quarter = must(parseQuarterId(r.quarterId, r.cal));
    const length = quarter.endMs - quarter.startMs;
    const asOfMs = r.asOfShare > 1 ? quarter.endMs + DAY : quarter.startMs + Math.floor(r.asOfShare * length);
    return {
      cal: r.cal,
      quarter,
      slo: {
        id: 'search-latency',
        name: 'Search is fast',
        service: 'search',
        owner: 'Ana Silva',
        team: 'search',
        objective: r.objective,
        budgeting: r.budgeting,
        timeslice: { windowMs: r.windowMs, target: r.target },
      },
      stepMs: r.stepMs,
      buckets: r.rows.map(([hour, c]) => ({ startMs: quarter.startMs + hour * HOUR, ...c })),
      asOfMs,
      minEvents: r.minEvents,
      exclusions: r.exclusions.map(([h, len]) => ({
        startMs: quarter.startMs + h * HOUR,
        endMs: quarter.startMs + (h + len) * HOUR,
      })),
    };
  });

function run(s: Scenario, over: Partial<SloQuarterInput> = {}): SloQuarterResult {
  return evaluateSloQuarter({
    slo: s.slo,
    quarter: s.quarter,
    cal: s.cal,
    buckets: s.buckets,
    exclusions: s.exclusions,
    stepMs: s.stepMs,
    asOfMs: s.asOfMs,
    policy: DEFAULT_POLICY,
    ...(s.minEvents === undefined ? {} : { minEvents: s.minEvents }),
    ...over,
  });
}

describe('evaluateSloQuarter properties', () => {
  it('consumed + remaining = 1 whenever both exist, and remaining is exactly 1 − consumed', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const r = run(s);
        expect(r.consumed === null).toBe(r.remaining === null);
        if (r.consumed !== null && r.remaining !== null) {
          expect(r.remaining).toBe(1 - r.consumed);
          expect(Math.abs(r.consumed + r.remaining - 1)).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(r.consumed)),
          );
        }
      }),
    );
  });

  it('no numeric field is NaN or Infinity, and nothing is undefined: the result survives a JSON round trip', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const r = run(s);
        expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
      }),
    );
  });

  it('every attainment lies in [0, 1] and consumption is never negative', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const r = run(s);
        const attainments = [
          r.attainment,
          ...r.monthly.map((m) => m.attainment),
          ...r.daily.map((d) => d.rolling28Attainment),
        ];
        for (const a of attainments) if (a !== null) expect(a >= 0 && a <= 1).toBe(true);
        if (r.consumed !== null) expect(r.consumed).toBeGreaterThanOrEqual(0);
        expect(r.coverage >= 0 && r.coverage <= 1).toBe(true);
      }),
    );
  });

  it('reordering the rows changes nothing', () => {
    fc.assert(
      fc.property(
        scenarios.chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.shuffledSubarray(s.buckets, { minLength: s.buckets.length, maxLength: s.buckets.length }),
          ),
        ),
        ([s, shuffled]) => {
          expect(run(s, { buckets: shuffled })).toStrictEqual(run(s));
        },
      ),
    );
  });

  it('splitting the rows into two files and concatenating them changes nothing', () => {
    fc.assert(
      fc.property(scenarios, fc.nat(), (s, cut) => {
        const k = s.buckets.length === 0 ? 0 : cut % s.buckets.length;
        const first = s.buckets.slice(0, k);
        const second = s.buckets.slice(k);
        expect(run(s, { buckets: [...second, ...first] })).toStrictEqual(run(s));
      }),
    );
  });

  it("splitting a row's counts between two files with the same timestamp changes nothing", () => {
    fc.assert(
      fc.property(scenarios, fc.nat(), (s, seed) => {
        const split = s.buckets.flatMap((b, i) => {
          const good = (seed + i) % (b.good + 1);
          const bad = (seed + 7 * i) % (b.total - b.good + 1);
          return [
            { startMs: b.startMs, good, total: good + bad },
            { startMs: b.startMs, good: b.good - good, total: b.total - good - bad },
          ];
        });
        expect(run(s, { buckets: split })).toStrictEqual(run(s));
      }),
    );
  });

  it('two adjacent complete quarters add up to the events of both', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const earlier = previousQuarter(s.quarter, s.cal);
        const shifted = s.buckets.map((b) => ({ ...b, startMs: b.startMs - 45 * DAY }));
        const asOfMs = s.quarter.endMs;
        const a = run(s, { quarter: earlier, buckets: shifted, asOfMs });
        const b = run(s, { buckets: shifted, asOfMs });
        const inBoth = shifted.filter(
          (x) =>
            x.startMs >= earlier.startMs &&
            x.startMs < s.quarter.endMs &&
            !s.exclusions.some((e) => x.startMs >= e.startMs && x.startMs < e.endMs),
        );
        expect(a.good + b.good).toBe(inBoth.reduce((n, x) => n + x.good, 0));
        expect(a.total + b.total).toBe(inBoth.reduce((n, x) => n + x.total, 0));
        if (s.slo.budgeting === 'occurrences' && a.budget !== null && b.budget !== null) {
          expect(a.budget + b.budget).toBeCloseTo(eventBudget(s.slo.objective, a.total + b.total), 9);
        }
      }),
    );
  });

  it('status agrees with the remaining budget', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const r = run(s);
        if (r.remaining === null) {
          expect(r.status).toBe('insufficient-data');
          expect(r.met).toBeNull();
          return;
        }
        expect(r.status === 'exhausted').toBe(r.remaining <= 0);
        if (r.status === 'healthy') expect(r.remaining).toBeGreaterThan(DEFAULT_POLICY.atRisk);
      }),
    );
  });

  it('a complete quarter burns down to its consumption, and budget windows covering it attribute all of it', () => {
    fc.assert(
      fc.property(scenarios, fc.double({ min: 0, max: 1, noNaN: true }), (s, share) => {
        const asOfMs = s.quarter.endMs;
        const cut = s.quarter.startMs + Math.floor(share * (s.quarter.endMs - s.quarter.startMs));
        const r = run(s, {
          asOfMs,
          budgetWindows: [
            { id: 'a', startMs: s.quarter.startMs, endMs: cut },
            { id: 'b', startMs: cut, endMs: s.quarter.endMs },
          ],
        });
        if (r.consumed === null) return;
        expect(r.daily.at(-1)?.consumedCumulative).toBeCloseTo(r.consumed, 9);
        // A row or slice counts toward every window its span overlaps, so one straddling the cut is
        // claimed by both windows: together they hold at least the whole consumption.
        const attributed = r.windowConsumed.reduce((n, w) => n + (w.consumed ?? NaN), 0);
        expect(attributed).toBeGreaterThanOrEqual(r.consumed - 1e-9);
        for (const w of r.windowConsumed) expect(w.consumed ?? NaN).toBeLessThanOrEqual(r.consumed + 1e-9);
        expect(r.unattributedConsumed).toBe(0);
      }),
    );
  });

  it('one verdict: for every complete quarter, met exactly when R ≥ 0, for all three methods (SPEC §6.2)', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const r = run(s, { asOfMs: s.quarter.endMs });
        if (r.remaining === null) expect(r.met).toBeNull();
        else expect(r.met).toBe(r.remaining >= 0);
      }),
      { numRuns: 500 },
    );
  });

  it('the burn-down ends at the headline consumption, in progress or complete (SPEC §6.2)', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const r = run(s);
        if (r.consumed === null) return;
        expect(r.daily.at(-1)?.consumedCumulative).toBe(r.consumed);
      }),
    );
  });

  it('in progress, the projection at a steady pace is the burn rate when every step so far had data', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const r = run(s);
        if (
          r.projection === null ||
          r.burnRate === null ||
          r.coverage < 1 ||
          s.slo.budgeting !== 'occurrences'
        )
          return;
        expect(r.projection.consumedAtEnd).toBeCloseTo(r.burnRate, 9);
      }),
    );
  });
});
