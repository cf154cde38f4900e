import { describe, expect, it } from 'vitest';
import type { Bucket } from '../../src/domain/bucket.ts';
import type { Calendar } from '../../src/domain/calendar.ts';
import { parseQuarterId, type Quarter } from '../../src/domain/quarter.ts';
import { evaluateSloQuarter, type SloQuarterInput } from '../../src/domain/slo-quarter.ts';
import { DEFAULT_POLICY, type SloDefinition } from '../../src/domain/slo.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const utc: Calendar = { timezone: 'UTC', fiscalYearStartMonth: 1 };
const london: Calendar = { timezone: 'Europe/London', fiscalYearStartMonth: 1 };

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('missing test fixture');
  return x;
}

/** UTC 2026-Q3: 1 Jul – 1 Oct 2026, 31 + 31 + 30 = 92 days. */
const q3 = must(parseQuarterId('2026-Q3', utc));
const JUL_1 = Date.UTC(2026, 6, 1);
const AUG_16 = Date.UTC(2026, 7, 16); // 46 days after 1 Jul: the middle of the quarter

const baseSlo: SloDefinition = {
  id: 'checkout-availability',
  name: 'Checkout requests succeed',
  service: 'checkout-api',
  owner: 'Dana Ruiz',
  team: 'payments',
  objective: 0.999,
  budgeting: 'occurrences',
};

function evaluate(over: Omit<Partial<SloQuarterInput>, 'slo'> & { slo?: Partial<SloDefinition> }) {
  const { slo, ...rest } = over;
  return evaluateSloQuarter({
    quarter: q3,
    cal: utc,
    buckets: [],
    stepMs: DAY,
    asOfMs: q3.endMs,
    policy: DEFAULT_POLICY,
    ...rest,
    slo: { ...baseSlo, ...slo },
  });
}

/** `count` consecutive rows of `stepMs` from `fromMs`, each with the given counts. */
function rows(fromMs: number, count: number, stepMs: number, good: number, total: number): Bucket[] {
  return Array.from({ length: count }, (_, i) => ({ startMs: fromMs + i * stepMs, good, total }));
}

describe('occurrences: the SRE workbook example in a quarter (The Site Reliability Workbook, ch. 2)', () => {
  // 3,663,253 requests, 3,557,865 good, at a 97% objective, all in one daily row.
  const r = evaluate({
    slo: { objective: 0.97 },
    buckets: [{ startMs: Date.UTC(2026, 6, 15), good: 3_557_865, total: 3_663_253 }],
  });

  it('attainment is 97.123%', () => {
    // 3,557,865 / 3,663,253 = 1 − 105,388/3,663,253 = 1 − 0.028769 = 0.971231
    expect(r.attainment).toBeCloseTo(0.971231, 6);
  });
  it('the budget is 109,897.59 failed requests', () => {
    expect(r.budget).toBe(109_897.59);
    expect(r.budgetMinutes).toBeNull();
  });
  it('consumed is 105,388 of 109,897.59 and remaining its complement', () => {
    // 105,388 / 109,897.59: 109,897.59 × 0.95896 = 105,387.41; the remaining 0.59 adds 0.0000054 → 0.9589654
    expect(r.consumed).toBeCloseTo(0.9589654, 6);
    expect(r.remaining).toBe(1 - (r.consumed ?? NaN));
  });
  it('the burn rate over the whole quarter equals consumption', () => {
    // (105,388/3,663,253) / 0.03 = 105,388/109,897.59 = 0.9589654
    expect(r.burnRate).toBeCloseTo(0.9589654, 6);
  });
  it('4% left is at risk, and 97.12% ≥ 97% is met', () => {
    expect(r.status).toBe('at-risk');
    expect(r.policyText).toBe(DEFAULT_POLICY.texts.atRisk);
    expect(r.met).toBe(true);
    expect(r.state).toBe('complete');
  });
  it('one daily row out of 92 days is 1/92 coverage, incomplete', () => {
    expect(r.coverage).toBeCloseTo(1 / 92, 12);
    expect(r.incomplete).toBe(true);
    expect(r.goodSlices).toBeNull();
  });
});

describe('insufficient data (SPEC §6.5)', () => {
  it('zero events: no attainment, no budget figures, never met', () => {
    const r = evaluate({ buckets: [] });
    expect(r).toMatchObject({
      attainment: null,
      consumed: null,
      remaining: null,
      burnRate: null,
      met: null,
      status: 'insufficient-data',
      policyText: null,
      insufficientData: true,
      coverage: 0,
      incomplete: true,
      good: 0,
      total: 0,
      projection: null,
    });
    expect(r.daily).toHaveLength(92);
    expect(r.daily.every((d) => d.consumedCumulative === null && d.rolling28Attainment === null)).toBe(true);
  });

  it.each([
    // 1 / (1 − 0.999) = 1,000 events needed.
    ['999 events at 99.9% are too few', {}, undefined, 999, true],
    ['1,000 events at 99.9% are enough', {}, undefined, 1000, false],
    ['the SLO override of 500 makes 999 enough', { minEvents: 500 }, undefined, 999, false],
    ['the settings value of 2,000 makes 1,000 too few', {}, 2000, 1000, true],
    ['the SLO override wins over the settings', { minEvents: 500 }, 2000, 999, false],
  ])('%s', (_name, slo, minEvents, total, insufficient) => {
    const r = evaluate({
      slo,
      ...(minEvents === undefined ? {} : { minEvents }),
      buckets: [{ startMs: JUL_1, good: total, total }],
    });
    expect(r.insufficientData).toBe(insufficient);
    expect(r.attainment).toBe(insufficient ? null : 1);
    expect(r.met).toBe(insufficient ? null : true);
  });

  it('a timeslice SLO with rows but only empty slices has no valid slice', () => {
    const r = evaluate({
      slo: { budgeting: 'timeslices', timeslice: { windowMs: DAY, target: 0.95 }, minEvents: 0 },
      buckets: rows(JUL_1, 10, DAY, 0, 0),
    });
    expect(r.status).toBe('insufficient-data');
    expect(r.missingSlices).toBe(92);
  });
});

describe('status boundaries (SPEC §6.2: exhausted when R ≤ 0, at risk when R ≤ 0.25)', () => {
  // 4,000 events at 99.9%: a budget of 4 failures. One daily row keeps the counts exact.
  it.each([
    ['2 failures leave R = 0.5: healthy, met', 2, 'healthy', 0.5, true],
    ['3 failures leave R == 0.25: at-risk', 3, 'at-risk', 0.25, true],
    // A = 3,996/4,000 = 0.999 exactly: equal to the objective, so met.
    ['4 failures leave R == 0: exhausted, and A == O is met', 4, 'exhausted', 0, true],
    ['5 failures leave R = −0.25: exhausted and missed', 5, 'exhausted', -0.25, false],
  ] as const)('%s', (_name, bad, status, remaining, met) => {
    const r = evaluate({ buckets: [{ startMs: JUL_1, good: 4000 - bad, total: 4000 }] });
    expect(r.status).toBe(status);
    expect(r.remaining).toBe(remaining);
    expect(r.met).toBe(met);
  });
});

describe('budgeting methods disagree when slice volumes differ (hand-worked)', () => {
  // 92 daily slices, objective 90%, slice target 95%.
  // 1 Jul – 15 Aug (46 days): 1,000 requests a day, 990 good (ratio 0.99, a good slice).
  // 16 Aug – 30 Sep (46 days): 10 requests a day, 5 good (ratio 0.5, a bad slice).
  const buckets = [...rows(JUL_1, 46, DAY, 990, 1000), ...rows(AUG_16, 46, DAY, 5, 10)];
  const timeslice = { windowMs: DAY, target: 0.95 };

  it('occurrences: 45,770 of 46,460 good, 14.9% of the budget, met', () => {
    const r = evaluate({ slo: { objective: 0.9 }, buckets });
    // G = 46×990 + 46×5 = 45,540 + 230 = 45,770; T = 46×1,010 = 46,460; A = 995/1,010 = 0.98514851…
    expect(r.good).toBe(45_770);
    expect(r.total).toBe(46_460);
    expect(r.attainment).toBeCloseTo(0.9851485, 7);
    // budget = 0.1 × 46,460 = 4,646; bad = 690; C = 690/4,646 = 0.148515
    expect(r.budget).toBe(4646);
    expect(r.consumed).toBeCloseTo(0.148515, 6);
    expect(r.status).toBe('healthy');
    expect(r.met).toBe(true);
  });

  it('timeslices: half the slices bad, five times the budget, missed', () => {
    const r = evaluate({ slo: { objective: 0.9, budgeting: 'timeslices', timeslice }, buckets });
    // A = 46/92 = 0.5; B = 0.1 × 92 d = 9.2 d = 13,248 min; C = 46 d / 9.2 d = 5
    expect(r.attainment).toBe(0.5);
    expect(r.budgetMinutes).toBe(13_248);
    expect(r.budget).toBeNull();
    expect(r.consumed).toBe(5);
    expect(r.remaining).toBe(-4);
    // burn rate = (1 − 0.5)/0.1 = 5
    expect(r.burnRate).toBe(5);
    expect([r.goodSlices, r.badSlices, r.missingSlices]).toEqual([46, 46, 0]);
    expect(r.status).toBe('exhausted');
    expect(r.met).toBe(false);
  });

  it('ratio-timeslices: the mean ratio is 74.5%, 2.55 budgets, missed', () => {
    const r = evaluate({ slo: { objective: 0.9, budgeting: 'ratio-timeslices', timeslice }, buckets });
    // A = (46×0.99 + 46×0.5)/92 = (0.99 + 0.5)/2 = 0.745; C = (1 − 0.745)/(1 − 0.9) = 2.55
    expect(r.attainment).toBeCloseTo(0.745, 12);
    expect(r.consumed).toBeCloseTo(2.55, 12);
    expect(r.burnRate).toBeCloseTo(2.55, 12);
    expect(r.budgetMinutes).toBe(13_248);
    expect(r.status).toBe('exhausted');
    expect(r.met).toBe(false);
  });

  it('the monthly points split the quarter into July, August and September', () => {
    const r = evaluate({ slo: { objective: 0.9 }, buckets });
    // July: 31 × (990 of 1,000). August: 15 × (990 of 1,000) + 16 × (5 of 10) = 14,930 of 15,160.
    // September: 30 × (5 of 10) = 150 of 300.
    expect(r.monthly.map((m) => [m.month, m.good, m.total])).toEqual([
      ['2026-07', 30_690, 31_000],
      ['2026-08', 14_930, 15_160],
      ['2026-09', 150, 300],
    ]);
    expect(r.monthly.map((m) => m.attainment)).toEqual([0.99, 14_930 / 15_160, 0.5]);
  });
});

describe('the OpenSLO budgeting-method example (examples/budgeting-method/README.md)', () => {
  // Two weeks of one-minute slices (20,160), objective 95%: 1,008 minutes of budget (16 h 48 min).
  // Normal minutes succeed 99%; attacked minutes 1%. 100 requests a minute.
  const twoWeeks: Quarter = { ...q3, startMs: JUL_1, endMs: JUL_1 + 14 * DAY };
  const attacked = (minutes: number): Bucket[] => [
    ...rows(JUL_1, minutes, MINUTE, 1, 100),
    ...rows(JUL_1 + minutes * MINUTE, 20_160 - minutes, MINUTE, 99, 100),
  ];
  const timeslice = { windowMs: MINUTE, target: 0.95 };
  const run = (budgeting: SloDefinition['budgeting'], minutes: number) =>
    evaluate({
      quarter: twoWeeks,
      slo: { objective: 0.95, budgeting, timeslice },
      buckets: attacked(minutes),
      stepMs: MINUTE,
    });

  it('the time budget is 1,008 minutes', () => {
    expect(run('timeslices', 0).budgetMinutes).toBe(1008);
  });

  it.each([
    ['timeslices: 1,007 bad minutes leave one minute', 'timeslices', 1007, false],
    ['timeslices: 1,008 bad minutes (16 h 48 min) spend it exactly', 'timeslices', 1008, true],
    // Σ(1 − ratio) = 822 × 0.99 + 19,338 × 0.01 = 813.78 + 193.38 = 1,007.16 min < 1,008
    [
      'ratio-timeslices: 822 attacked minutes (13 h 42 min) do not quite spend it',
      'ratio-timeslices',
      822,
      false,
    ],
    // 823 × 0.99 + 19,337 × 0.01 = 814.77 + 193.37 = 1,008.14 min ≥ 1,008 ("about 13 hours and 45 minutes")
    ['ratio-timeslices: 823 attacked minutes spend it', 'ratio-timeslices', 823, true],
  ] as const)('%s', (_name, budgeting, minutes, exhausted) => {
    expect(run(budgeting, minutes).status === 'exhausted').toBe(exhausted);
  });

  it('ratio-timeslices consumption over full coverage is (1 − A)/(1 − O)', () => {
    const r = run('ratio-timeslices', 822);
    expect(r.consumed).toBeCloseTo(1007.16 / 1008, 9);
    expect(r.consumed).toBeCloseTo((1 - (r.attainment ?? NaN)) / 0.05, 9);
  });
});

describe('one verdict: budget and attainment over the same time (SPEC §6.2)', () => {
  // UTC 2026-Q3, 92 days = 2,208 hours. Hourly slices, target 95%, objective 99.9%. Only 618 hours
  // have data (618/2,208 = 27.99%, "28%"); the other 1,590 hours are missing (M = 1,590 h).
  // Budget B = 0.001 × (2,208 − 1,590) h = 0.618 h = 37.08 min, not the 132.48 min of a fully
  // covered quarter (0.001 × 132,480 min).
  const timeslice = { windowMs: HOUR, target: 0.95 };
  const covered = (bad: number, budgeting: SloDefinition['budgeting'] = 'timeslices') =>
    evaluate({
      slo: { budgeting, timeslice },
      stepMs: HOUR,
      buckets: [...rows(JUL_1, bad, HOUR, 90, 100), ...rows(JUL_1 + bad * HOUR, 618 - bad, HOUR, 100, 100)],
    });

  it('a timeslice SLO at 28% coverage with 2 bad hours misses its objective and has spent its budget', () => {
    const r = covered(2);
    // A = 616/618 = 99.676% < 99.9%; C = 2 h / 0.618 h = 3.236: exhausted, never "healthy · missed".
    // (The old budget, 132.48 min, made the same 120 bad minutes 0.906: healthy and missed.)
    expect(r.coverage).toBeCloseTo(618 / 2208, 12);
    expect(r.budgetMinutes).toBeCloseTo(37.08, 9);
    expect(r.attainment).toBe(616 / 618);
    expect(r.consumed).toBeCloseTo(2 / 0.618, 12);
    expect(r.met).toBe(false);
    expect(r.status).toBe('exhausted');
  });

  it('no bad hour at 28% coverage: met and healthy with 37.08 min of budget left', () => {
    const r = covered(0);
    expect(r.met).toBe(true);
    expect(r.status).toBe('healthy');
    expect(r.remaining).toBe(1);
  });

  it('ratio-timeslices at 28% coverage: C = (1 − A)/(1 − O) over the hours with data', () => {
    // 2 hours at 90%: Σ(1 − r) = 0.2 h; A = 1 − 0.2/618; C = 0.2 h / 0.618 h = 0.3236 = (1 − A)/0.001.
    const r = covered(2, 'ratio-timeslices');
    expect(r.consumed).toBeCloseTo(0.2 / 0.618, 12);
    expect(r.consumed).toBeCloseTo((1 - (r.attainment ?? NaN)) / 0.001, 9);
    expect(r.met).toBe(true);
    expect(r.status).toBe('healthy');
  });

  it('exactly at the objective: 1 bad hour of 1,000 with data is met and exactly spent (R = 0)', () => {
    // A = 999/1,000 = O; B = 0.001 × 1,000 h = 1 h; C = 1.
    const r = evaluate({
      slo: { budgeting: 'timeslices', timeslice },
      stepMs: HOUR,
      buckets: [...rows(JUL_1, 1, HOUR, 90, 100), ...rows(JUL_1 + HOUR, 999, HOUR, 100, 100)],
    });
    expect(r.consumed).toBe(1);
    expect(r.remaining).toBe(0);
    expect(r.met).toBe(true);
    expect(r.status).toBe('exhausted');
  });

  it('ratio-timeslices exactly at the objective: 1,000 hours at 99 of 100 against 99% is met and exactly spent', () => {
    // A = 0.99 = O; Σ(1 − r) = 1,000 × 0.01 = 10 h = 0.01 × 1,000 h: C = 1, R = 0. In doubles the
    // sum is 9.999999999999831; the tie is still read as a tie, both ways.
    const r = evaluate({
      slo: { objective: 0.99, budgeting: 'ratio-timeslices', timeslice },
      stepMs: HOUR,
      buckets: rows(JUL_1, 1000, HOUR, 99, 100),
    });
    expect(r.met).toBe(true);
    expect(r.consumed).toBe(1);
    expect(r.remaining).toBe(0);
    expect(r.status).toBe('exhausted');
  });

  it('in progress, the future still counts: 618 hours with data by 16 Aug of 1,104 elapsed', () => {
    // As-of 16 Aug 00:00: 1,104 hours ended, 618 with data, M = 486 h; the 1,104 hours to come count.
    // B = 0.001 × (2,208 − 486) h = 1.722 h; 2 bad hours: C = 2/1.722 = 1.1614.
    const r = evaluate({
      slo: { budgeting: 'timeslices', timeslice },
      stepMs: HOUR,
      asOfMs: AUG_16,
      buckets: [...rows(JUL_1, 2, HOUR, 90, 100), ...rows(JUL_1 + 2 * HOUR, 616, HOUR, 100, 100)],
    });
    expect(r.budgetMinutes).toBeCloseTo(103.32, 9);
    expect(r.consumed).toBeCloseTo(2 / 1.722, 12);
    expect(r.status).toBe('exhausted');
  });
});

describe('daylight saving inside the quarter', () => {
  const q4London = must(parseQuarterId('2026-Q4', london));
  const r = evaluateSloQuarter({
    slo: { ...baseSlo, budgeting: 'timeslices', timeslice: { windowMs: HOUR, target: 0.95 } },
    quarter: q4London,
    cal: london,
    // Every hour has data, so no slice is missing and the budget is the whole quarter's.
    buckets: rows(q4London.startMs, (q4London.endMs - q4London.startMs) / HOUR, HOUR, 1000, 1000),
    stepMs: HOUR,
    asOfMs: q4London.endMs,
    policy: DEFAULT_POLICY,
  });

  it('London 2026-Q4 lasts 92 days and an hour, so its 99.9% time budget is 132.54 minutes', () => {
    // (92 × 1,440 + 60) × 0.001 = 132,540 × 0.001 = 132.54
    expect(r.budgetMinutes).toBe(132.54);
  });

  it('the daily series has one point per local day, and 25 October lasts 25 hours', () => {
    expect(r.daily).toHaveLength(92);
    const i = r.daily.findIndex((d) => d.date === '2026-10-25');
    expect(r.daily[i]?.dayStartMs).toBe(Date.parse('2026-10-24T23:00:00Z'));
    expect(r.daily[i + 1]?.dayStartMs).toBe(Date.parse('2026-10-26T00:00:00Z'));
  });
});

describe('the quarter in progress: projection (SPEC §6.2)', () => {
  // UTC 2026-Q3 with as-of 16 Aug 00:00: 46 of 92 days elapsed. Hourly slices, target 95%,
  // objective 99%: budget 0.01 × 2,208 h = 22.08 h. Good hours 100 of 100, bad hours 50 of 100.
  const timesliceSlo = {
    objective: 0.99,
    budgeting: 'timeslices' as const,
    timeslice: { windowMs: HOUR, target: 0.95 },
  };
  const withBadHours = (bad: number): Bucket[] => [
    ...rows(JUL_1, bad, HOUR, 50, 100),
    ...rows(JUL_1 + bad * HOUR, 1104 - bad, HOUR, 100, 100),
  ];

  it('one bad hour: 4.5% consumed, 9.1% projected, healthy', () => {
    const r = evaluate({ slo: timesliceSlo, buckets: withBadHours(1), stepMs: HOUR, asOfMs: AUG_16 });
    expect(r.state).toBe('in-progress');
    expect(r.met).toBeNull();
    // C = 1/22.08 = 0.045290; burn rate = (1/1,104)/0.01 = 0.090580; at end C + 0.090580 × 46/92 = 2/22.08
    expect(r.consumed).toBeCloseTo(1 / 22.08, 12);
    expect(r.burnRate).toBeCloseTo(100 / 1104, 12);
    expect(r.projection?.consumedAtEnd).toBeCloseTo(2 / 22.08, 12);
    expect(r.projection?.exhaustsAtMs).toBeNull();
    expect(r.status).toBe('healthy');
    expect(r.coverage).toBe(1);
    expect(r.daily).toHaveLength(46);
    expect(r.monthly.map((m) => m.month)).toEqual(['2026-07', '2026-08']);
  });

  it('twelve bad hours: 54% consumed, but 109% projected, so at risk; runs out on 23 Sep 15:21:36', () => {
    const r = evaluate({ slo: timesliceSlo, buckets: withBadHours(12), stepMs: HOUR, asOfMs: AUG_16 });
    // C = 12/22.08 = 0.543478: R = 0.456522 is above 0.25
    expect(r.remaining).toBeCloseTo(1 - 12 / 22.08, 12);
    // At 12 bad hours per 46 days, the other 46 days add 12 more: 24/22.08 = 1.086957
    expect(r.projection?.consumedAtEnd).toBeCloseTo(24 / 22.08, 12);
    expect(r.status).toBe('at-risk');
    // 22.08 − 12 = 10.08 h left, spent at 12/46 h a day: 10.08 × 46/12 = 38.64 days after 16 Aug
    // = 23 Sep + 0.64 × 24 h = 15.36 h = 15:21:36.
    expect(
      Math.abs((r.projection?.exhaustsAtMs ?? 0) - Date.parse('2026-09-23T15:21:36Z')),
    ).toBeLessThanOrEqual(1);
  });

  it('an event budget is extrapolated to the quarter: 23 of 92 allowed is 25% consumed, 50% projected', () => {
    // 46 days × 1,000 requests, 1 bad in 2 days: 23 bad of T = 46,000. In progress the budget is
    // the whole quarter's at this traffic: 0.001 × 46,000 × 92/46 = 92, so C = 23/92 = 0.25.
    // Burn rate (23/46,000)/0.001 = 0.5; projection 0.25 + 0.5 × 46/92 = 0.5 (the burn rate).
    const buckets = Array.from({ length: 46 }, (_, i) => ({
      startMs: JUL_1 + i * DAY,
      good: i % 2 === 0 ? 999 : 1000,
      total: 1000,
    }));
    const r = evaluate({ buckets, asOfMs: AUG_16 });
    expect(r.budget).toBe(92);
    expect(r.consumed).toBe(0.25);
    expect(r.burnRate).toBe(0.5);
    expect(r.projection).toEqual({ consumedAtEnd: 0.5, exhaustsAtMs: null });
    expect(r.status).toBe('healthy');
  });

  it('an event budget burning at 1.2 runs out on 15 Sep 16:00 and is at risk at 60% consumed', () => {
    // 46 days × 5,000 requests with 6 failures a day at 99.9% (5 a day allowed): T = 230,000,
    // bad = 276; budget 0.001 × 230,000 × 92/46 = 460; C = 276/460 = 0.6; burn rate
    // (6/5,000)/0.001 = 1.2; projection 0.6 + 1.2 × 46/92 = 1.2. The 184 failures left last
    // 184/6 = 30⅔ days after 16 Aug: 15 Sep 16:00.
    const r = evaluate({ buckets: rows(JUL_1, 46, DAY, 4994, 5000), asOfMs: AUG_16 });
    expect(r.budget).toBe(460);
    expect(r.consumed).toBeCloseTo(0.6, 12);
    expect(r.burnRate).toBeCloseTo(1.2, 12);
    expect(r.projection?.consumedAtEnd).toBeCloseTo(1.2, 12);
    expect(
      Math.abs((r.projection?.exhaustsAtMs ?? 0) - Date.parse('2026-09-15T16:00:00Z')),
    ).toBeLessThanOrEqual(1);
    expect(r.status).toBe('at-risk');
  });

  it('an exhausted event budget reports when it ran out', () => {
    // As-of 16 Aug, daily rows of 1,000 at 99.9%: budget 0.001 × 46,000 × 92/46 = 92 failures.
    // 1 Jul fails 50, 2 Jul fails 50 (100 ≥ 92: spent with the row of 2 Jul, which ends at
    // midnight starting 3 Jul).
    const buckets = [
      { startMs: JUL_1, good: 950, total: 1000 },
      { startMs: JUL_1 + DAY, good: 950, total: 1000 },
      ...rows(JUL_1 + 2 * DAY, 44, DAY, 1000, 1000),
    ];
    const r = evaluate({ buckets, asOfMs: AUG_16 });
    expect(r.status).toBe('exhausted');
    expect(r.consumed).toBeCloseTo(100 / 92, 12);
    expect(r.projection?.exhaustsAtMs).toBe(JUL_1 + 2 * DAY);
  });

  it('a quarter that has not begun is in progress with nothing elapsed', () => {
    const r = evaluate({ buckets: [], asOfMs: JUL_1 - DAY });
    expect(r).toMatchObject({
      state: 'in-progress',
      status: 'insufficient-data',
      coverage: 0,
      projection: null,
      daily: [],
      monthly: [],
    });
  });

  it('rows after as-of are left out', () => {
    const r = evaluate({ buckets: rows(JUL_1, 92, DAY, 1000, 1000), asOfMs: AUG_16 });
    expect(r.total).toBe(46_000);
  });
});

describe('the burn-down series (SPEC §6.2)', () => {
  // Every day 1,000 requests with 1 failure at 99.9%: exactly the budget's pace (burn rate 1).
  const buckets = rows(JUL_1, 92, DAY, 999, 1000);

  it('a complete quarter burning at exactly 1 follows the ideal line to 100%', () => {
    const r = evaluate({ buckets });
    expect(r.consumed).toBe(1);
    expect(r.status).toBe('exhausted');
    // Day 46 ends with 46 failures of a 92-failure budget: 0.5; the ideal line is 46/92 = 0.5.
    expect(r.daily[45]?.consumedCumulative).toBe(0.5);
    expect(r.daily[45]?.idealConsumed).toBe(0.5);
    expect(r.daily[91]?.consumedCumulative).toBe(1);
    expect(r.daily[91]?.idealConsumed).toBe(1);
    expect(r.daily[0]).toMatchObject({
      date: '2026-07-01',
      dayStartMs: JUL_1,
      good: 999,
      total: 1000,
      bad: 1,
    });
  });

  it('in progress, the same pace sits on the ideal line at as-of, and ends at the headline figure', () => {
    const r = evaluate({ buckets, asOfMs: AUG_16 });
    // The whole quarter's budget at this traffic: 0.001 × 46,000 × 92/46 = 92 failures, 46 spent:
    // 0.5, which is the ideal line at 16 Aug and the headline consumption (SPEC §6.2).
    expect(r.consumed).toBe(0.5);
    expect(r.daily.at(-1)?.consumedCumulative).toBe(0.5);
    expect(r.daily.at(-1)?.idealConsumed).toBe(0.5);
  });
});

describe('rolling 28-day attainment', () => {
  // June: every day 1,000 of 1,000 good. The quarter: every day 990 of 1,000.
  const buckets = [...rows(Date.UTC(2026, 5, 1), 30, DAY, 1000, 1000), ...rows(JUL_1, 92, DAY, 990, 1000)];
  const r = evaluate({ slo: { objective: 0.99 }, buckets });

  it.each([
    // 4–30 June (27 days × 1,000 good) + 1 July (990): 27,990 / 28,000
    ['on 1 July it reaches back 27 days into June', 0, 27_990 / 28_000],
    // 17–30 June (14 × 1,000) + 1–14 July (14 × 990): 27,860 / 28,000 = 0.995
    ['on 14 July it is half June, half July', 13, 0.995],
    // 1–28 July: 28 × 990 / 28,000 = 0.99
    ['on 28 July it is all July', 27, 0.99],
  ])('%s', (_name, index, expected) => {
    expect(r.daily[index]?.rolling28Attainment).toBeCloseTo(expected, 12);
  });

  it('June rows do not count towards the quarter', () => {
    expect(r.total).toBe(92_000);
  });
});

describe('coverage (SPEC §6.2)', () => {
  const timeslice = { windowMs: DAY, target: 0.95 };
  it.each([
    // 83 × 10 = 830 ≥ 92 × 9 = 828: not incomplete
    ['83 of 92 daily slices is 90.2%, not incomplete', 83, false],
    // 82 × 10 = 820 < 828
    ['82 of 92 daily slices is 89.1%, incomplete', 82, true],
  ])('%s', (_name, days, incomplete) => {
    const r = evaluate({
      slo: { budgeting: 'timeslices', timeslice },
      buckets: rows(JUL_1, days, DAY, 1000, 1000),
    });
    expect(r.coverage).toBeCloseTo(days / 92, 12);
    expect(r.incomplete).toBe(incomplete);
    expect(r.missingSlices).toBe(92 - days);
  });

  it('occurrence rows every other hour cover half the hourly steps', () => {
    const r = evaluate({ buckets: rows(JUL_1, 1104, 2 * HOUR, 1000, 1000), stepMs: HOUR });
    expect(r.coverage).toBe(0.5);
  });

  it('an occurrence row with zero traffic is still data', () => {
    const r = evaluate({ buckets: rows(JUL_1, 92, DAY, 0, 0), stepMs: DAY });
    expect(r.coverage).toBe(1);
    expect(r.status).toBe('insufficient-data');
  });
});

describe('exclusions (SPEC §6.6)', () => {
  const buckets = [
    { startMs: JUL_1, good: 1000, total: 1000 },
    { startMs: JUL_1 + DAY, good: 900, total: 1000 },
  ];
  it.each([
    ['no exclusion: 1,900 of 2,000', [], 2000, 0.95],
    [
      'excluding 2 July drops its row as if never exported',
      [{ startMs: JUL_1 + DAY, endMs: JUL_1 + 2 * DAY }],
      1000,
      1,
    ],
    [
      'a window ending at 2 July 00:00 keeps the 2 July row (end is exclusive)',
      [{ startMs: JUL_1 - DAY, endMs: JUL_1 + DAY }],
      1000,
      0.9,
    ],
  ])('%s', (_name, exclusions, total, attainment) => {
    const r = evaluate({ slo: { objective: 0.9 }, buckets, exclusions });
    expect(r.total).toBe(total);
    expect(r.attainment).toBe(attainment);
  });

  it('an excluded row counts as missing for coverage', () => {
    const r = evaluate({ buckets, exclusions: [{ startMs: JUL_1 + DAY, endMs: JUL_1 + 2 * DAY }] });
    expect(r.coverage).toBeCloseTo(1 / 92, 12);
  });
});

describe('budget windows: incident burn and unattributed burn (SPEC §6.3)', () => {
  // 92 days × 1 failure of 1,000 at 99.9%: budget 92, all of it spent.
  const buckets = rows(JUL_1, 92, DAY, 999, 1000);
  it('a two-day incident burned 2/92 of the budget and the rest is unattributed', () => {
    const r = evaluate({
      buckets,
      budgetWindows: [{ id: 'INC-1', startMs: JUL_1 + 9 * DAY, endMs: JUL_1 + 11 * DAY }],
    });
    expect(r.windowConsumed).toEqual([{ id: 'INC-1', consumed: 2 / 92 }]);
    expect(r.unattributedConsumed).toBe(90 / 92);
  });

  it('overlapping incidents each count their own days, but unattributed burn counts the union once', () => {
    const r = evaluate({
      buckets,
      budgetWindows: [
        { id: 'INC-1', startMs: JUL_1 + 9 * DAY, endMs: JUL_1 + 11 * DAY },
        { id: 'INC-2', startMs: JUL_1 + 10 * DAY, endMs: JUL_1 + 12 * DAY },
      ],
    });
    expect(r.windowConsumed.map((w) => w.consumed)).toEqual([2 / 92, 2 / 92]);
    expect(r.unattributedConsumed).toBe(89 / 92);
  });

  it('a row counts toward an incident when the day it covers overlaps the window: 09:12–10:02 on day 10 takes that day', () => {
    // Daily rows: the row stamped at midnight of day 10 covers the whole of day 10, so the
    // incident's window (inside that day, not containing the timestamp) still takes 1/92.
    const r = evaluate({
      buckets,
      budgetWindows: [
        { id: 'INC-1', startMs: JUL_1 + 9 * DAY + 9.2 * 3_600_000, endMs: JUL_1 + 9 * DAY + 10 * 3_600_000 },
      ],
    });
    expect(r.windowConsumed).toEqual([{ id: 'INC-1', consumed: 1 / 92 }]);
    expect(r.unattributedConsumed).toBe(91 / 92);
  });

  it('without enough data no burn is attributed', () => {
    const r = evaluate({ buckets: [], budgetWindows: [{ id: 'INC-1', startMs: JUL_1, endMs: JUL_1 + DAY }] });
    expect(r.windowConsumed).toEqual([{ id: 'INC-1', consumed: null }]);
    expect(r.unattributedConsumed).toBeNull();
  });
});

describe('timeslice targets', () => {
  // Two daily slices at 99%: one at 99.5% (meets the objective), one at 98% (does not).
  const buckets = [
    { startMs: JUL_1, good: 995, total: 1000 },
    { startMs: JUL_1 + DAY, good: 980, total: 1000 },
  ];

  it('ratio-timeslices without a target counts a slice good when it meets the objective on its own', () => {
    const r = evaluate({
      slo: { objective: 0.99, budgeting: 'ratio-timeslices', timeslice: { windowMs: DAY } },
      buckets,
    });
    expect([r.goodSlices, r.badSlices]).toEqual([1, 1]);
    // mean of 0.995 and 0.98 = 0.9875
    expect(r.attainment).toBeCloseTo(0.9875, 12);
  });

  it('timeslices without a target is refused (OpenSLO: timeSliceTarget is required for Timeslices)', () => {
    expect(() =>
      evaluate({ slo: { budgeting: 'timeslices', timeslice: { windowMs: DAY } }, buckets }),
    ).toThrow(RangeError);
  });
});
