/**
 * The row-based evaluation of an SLO quarter as it was before the columnar fold (issue 10): one
 * BudgetUnit and Tally object per row or slice. Kept only as the reference the fold is checked
 * against (tests/domain/slo-quarter-fold.property.test.ts); never imported by src/.
 */
/**
 * One SLO over one quarter (SPEC §6.2–§6.6): attainment, error budget, consumption, burn rate,
 * status, projection, coverage and the daily and monthly series, from the SLO's rows.
 */
import type { Bucket } from '../../../src/domain/bucket.ts';
import type { Calendar } from '../../../src/domain/calendar.ts';
import {
  countCoveredSteps,
  countSteps,
  computeCoverage,
  isIncomplete,
} from '../../../src/domain/coverage.ts';
import { decimalFromNumber, divideByScaled } from '../../../src/domain/decimal.ts';
import type { BudgetUse } from '../../../src/domain/error-budget.ts';
import {
  allowedFraction,
  budgetOf,
  consumedFraction,
  isExhausted,
  timeBudgetMs,
} from '../../../src/domain/error-budget.ts';
import type { ExclusionWindow } from '../../../src/domain/exclusion.ts';
import { dropExcluded } from '../../../src/domain/exclusion.ts';
import type { Projection } from '../../../src/domain/projection.ts';
import { projectConsumption } from '../../../src/domain/projection.ts';
import type { Quarter } from '../../../src/domain/quarter.ts';
import type { DailyPoint, MonthlyPoint } from '../../../src/domain/series.ts';
import {
  formatLocalDate,
  formatLocalMonth,
  listLocalDays,
  listLocalMonths,
  ROLLING_DAYS,
} from '../../../src/domain/series.ts';
import type { Policy, SloDefinition } from '../../../src/domain/slo.ts';
import { resolveMinEvents } from '../../../src/domain/slo.ts';
import type { SloStatus } from '../../../src/domain/status.ts';
import { determineStatus, policyTextFor } from '../../../src/domain/status.ts';
import type { BudgetUnit, Tally } from './tally.ts';
import {
  accumulateTally,
  attainmentOf,
  buildBudgetUnits,
  EMPTY_TALLY,
  hasEnoughData,
  meetsObjective,
  requireTimeslice,
  sumTallies,
  validSlices,
} from './tally.ts';
import { addLocalDays } from '../../../src/domain/zoned-time.ts';

export type { DailyPoint, MonthlyPoint } from '../../../src/domain/series.ts';

const MS_PER_MINUTE = 60_000;

/** An interval whose share of the budget is wanted, e.g. an incident's `[started, mitigated)` (SPEC §6.3). */
export interface BudgetWindow {
  id: string;
  startMs: number;
  endMs: number;
}

export interface SloQuarterInput {
  slo: SloDefinition;
  quarter: Quarter;
  cal: Calendar;
  /**
   * The SLO's rows, in any order, from any period: rows in `[quarter.startMs, min(endMs, asOf))`
   * make the quarter's figures; rows up to 27 days before the quarter feed the rolling 28-day line.
   */
  buckets: readonly Bucket[];
  /** Rows starting inside a window are dropped as if never exported (SPEC §6.6). */
  exclusions?: readonly ExclusionWindow[];
  /** The row step, for the coverage of occurrence SLOs. */
  stepMs: number;
  asOfMs: number;
  policy: Policy;
  /** The settings' minEvents; the SLO's own wins; else 1/(1 − objective). */
  minEvents?: number;
  /** Intervals, usually incidents, whose share of this quarter's budget is wanted (SPEC §6.3). */
  budgetWindows?: readonly BudgetWindow[];
}

export interface SloQuarterResult {
  sloId: string;
  state: 'complete' | 'in-progress';
  /** Event sums, for every method. */
  good: number;
  total: number;
  attainment: number | null;
  /**
   * (1 − O)·T events, occurrences only; in progress T is the traffic so far extrapolated to the
   * whole quarter, T · |quarter| / elapsed.
   */
  budget: number | null;
  /** (1 − O)·(|quarter| − M) in minutes, M the slices ended with no data; timeslice methods only. */
  budgetMinutes: number | null;
  consumed: number | null;
  /** 1 − consumed; negative when overspent. */
  remaining: number | null;
  /** Quarter-to-date (1 − A)/(1 − O). */
  burnRate: number | null;
  status: SloStatus;
  policyText: string | null;
  /** Complete quarters with enough data only: A ≥ O. */
  met: boolean | null;
  coverage: number;
  incomplete: boolean;
  insufficientData: boolean;
  /** The low-traffic threshold that applied. */
  minEvents: number;
  goodSlices: number | null;
  badSlices: number | null;
  missingSlices: number | null;
  projection: Projection | null;
  daily: DailyPoint[];
  monthly: MonthlyPoint[];
  /** Share of the quarter's budget spent inside each budget window, in input order; null without enough data. */
  windowConsumed: { id: string; consumed: number | null }[];
  /** Share of the budget spent outside every budget window (SPEC §6.3 "unattributed burn"). */
  unattributedConsumed: number | null;
}

export function evaluateSloQuarter(input: SloQuarterInput): SloQuarterResult {
  const { slo, quarter, cal, policy } = input;
  const method = slo.budgeting;
  const allowed = allowedFraction(slo.objective);
  const minEvents = resolveMinEvents(slo, input.minEvents);
  const zone = cal.timezone;
  const startMs = quarter.startMs;
  const endMs = quarter.endMs;
  const lengthMs = endMs - startMs;
  const state = input.asOfMs >= endMs ? 'complete' : 'in-progress';
  // A quarter not yet begun has nothing elapsed; it is reported as in progress with no data.
  const periodEndMs = Math.min(endMs, Math.max(startMs, input.asOfMs));
  const elapsedMs = periodEndMs - startMs;
  const windowMs = method === 'occurrences' ? null : requireTimeslice(slo).windowMs;
  if (method === 'occurrences' && !(input.stepMs > 0))
    throw new RangeError(`SLO ${slo.id}: row step must be positive, got ${input.stepMs}`);

  const quarterDays = listLocalDays(startMs, periodEndMs, zone);
  const lookbackStartMs = addLocalDays(startMs, -(ROLLING_DAYS - 1), zone);
  const days = [...listLocalDays(lookbackStartMs, startMs, zone), ...quarterDays];
  const firstQuarterDay = days.length - quarterDays.length;

  const rows = dropExcluded(
    input.buckets.filter((b) => b.startMs >= lookbackStartMs && b.startMs < periodEndMs),
    input.exclusions ?? [],
  );
  const units = buildBudgetUnits(rows, slo, startMs, endMs, input.stepMs);
  const quarterUnits = units.filter((u) => u.startMs >= startMs);

  const dayTallies: Tally[] = days.map(() => ({ ...EMPTY_TALLY }));
  // Budget spent by the end of each day, summed unit by unit in the same order as the quarter's
  // tally, so that the burn-down's last point is the headline figure to the last bit.
  const spentByDay: number[] = days.map(() => 0);
  let runningSpent = 0;
  let dayIndex = 0;
  for (const u of units) {
    // Units come oldest first, so the day index only moves forward.
    for (
      let next = days[dayIndex + 1];
      next !== undefined && next.startMs <= u.startMs;
      next = days[dayIndex + 1]
    ) {
      dayIndex++;
      spentByDay[dayIndex] = runningSpent;
    }
    const day = dayTallies[dayIndex];
    if (day !== undefined) accumulateTally(day, u.tally);
    if (u.startMs >= startMs) {
      runningSpent += u.tally.spent;
      spentByDay[dayIndex] = runningSpent;
    }
  }
  for (let i = dayIndex + 1; i < days.length; i++) spentByDay[i] = runningSpent;
  const tally = sumTallies(quarterUnits.map((u) => u.tally));

  // What the budget is (1 − O) of (SPEC §6.2), for the whole quarter whatever as-of:
  // - timeslice methods: the quarter less M, the slices that have ended (up to as-of) with no
  //   data, counted in slices; budget and attainment are then judged over the same time (one
  //   verdict), while the future of a quarter in progress still counts;
  // - occurrences: the events, extrapolated to the whole quarter at the traffic so far while it is
  //   in progress (T · |quarter| / elapsed), which becomes the actual T when it completes.
  let budgetSpanMs = lengthMs;
  let budgetBase: Omit<BudgetUse, 'spent'>;
  if (windowMs !== null) {
    const endedMs = state === 'complete' ? lengthMs : Math.floor(elapsedMs / windowMs) * windowMs;
    let coveredEndedMs = 0;
    for (const u of quarterUnits) if (u.endMs <= startMs + endedMs) coveredEndedMs += u.endMs - u.startMs;
    budgetSpanMs = lengthMs - (endedMs - coveredEndedMs);
    // A complete quarter's budget is taken over exactly the slice time attainment is, sum for sum.
    budgetBase =
      state === 'complete'
        ? { base: tally.sliceTime, allowed }
        : { base: budgetSpanMs, per: windowMs, allowed };
  } else {
    budgetBase =
      state === 'complete' || elapsedMs === 0
        ? { base: tally.total, allowed }
        : { base: tally.total, times: lengthMs, per: elapsedMs, allowed };
  }

  const enough = hasEnoughData(tally, method, minEvents);
  const use: BudgetUse | null = enough ? { ...budgetBase, spent: tally.spent } : null;
  const attainment = attainmentOf(tally, method, minEvents);
  /** The share of the quarter's whole budget that `spent` is; null without enough data. */
  const shareOfBudget = (spent: number): number | null =>
    enough ? consumedFraction({ ...budgetBase, spent }) : null;
  const consumed = shareOfBudget(tally.spent);
  const remaining = consumed === null ? null : 1 - consumed;
  const burnRate = enough ? computeBurnRate(tally, method, allowed) : null;

  let projection: Projection | null = null;
  if (state === 'in-progress' && use !== null && consumed !== null && burnRate !== null && elapsedMs > 0) {
    projection = projectConsumption({
      consumed,
      burnRate,
      asOfMs: periodEndMs,
      endMs,
      spanMs: budgetSpanMs,
      exhaustedSinceMs: isExhausted(use) ? findExhaustedSince(quarterUnits, budgetBase, periodEndMs) : null,
    });
  }
  const status = determineStatus(use, policy, projection !== null && projection.consumedAtEnd >= 1);

  const covered =
    windowMs === null
      ? countCoveredSteps(rowsFrom(rows, startMs), startMs, input.stepMs)
      : validSlices(tally);
  const expected = countSteps(startMs, periodEndMs, windowMs ?? input.stepMs);

  const isTime = method !== 'occurrences';
  const daily: DailyPoint[] = [];
  for (let i = firstQuarterDay; i < days.length; i++) {
    const day = days[i];
    const t = dayTallies[i] ?? EMPTY_TALLY;
    if (day === undefined) continue;
    const rolling = sumTallies(dayTallies.slice(Math.max(0, i - ROLLING_DAYS + 1), i + 1));
    daily.push({
      date: formatLocalDate(day.date),
      dayStartMs: day.startMs,
      good: t.good,
      total: t.total,
      bad: t.total - t.good,
      consumedCumulative: shareOfBudget(spentByDay[i] ?? 0),
      idealConsumed: (Math.min(day.endMs, periodEndMs) - startMs) / lengthMs,
      rolling28Attainment: attainmentOf(rolling, method, minEvents),
    });
  }

  const monthly: MonthlyPoint[] = listLocalMonths(startMs, periodEndMs, zone).map((m) => {
    const t = sumTallies(
      dayTallies.filter((_, i) => {
        const d = days[i];
        return i >= firstQuarterDay && d !== undefined && d.startMs >= m.startMs && d.startMs < m.endMs;
      }),
    );
    return {
      month: formatLocalMonth(m.date),
      monthStartMs: m.startMs,
      good: t.good,
      total: t.total,
      attainment: attainmentOf(t, method, minEvents),
    };
  });

  const windows = input.budgetWindows ?? [];
  // A row or slice counts toward a window when the span it covers overlaps the window: an hourly
  // row stamped 09:00 holds most of an incident from 09:12 to 10:02, although its timestamp is
  // outside it. Exports coarser than the incident attribute the whole row.
  const overlaps = (u: BudgetUnit, w: BudgetWindow): boolean => u.startMs < w.endMs && u.endMs > w.startMs;
  const inAnyWindow = (u: BudgetUnit): boolean => windows.some((w) => overlaps(u, w));
  const spentWhere = (keep: (u: BudgetUnit) => boolean): number =>
    quarterUnits.reduce((sum, u) => (keep(u) ? sum + u.tally.spent : sum), 0);

  return {
    sloId: slo.id,
    state,
    good: tally.good,
    total: tally.total,
    attainment,
    budget: method === 'occurrences' ? budgetOf(budgetBase) : null,
    budgetMinutes:
      method === 'occurrences' ? null : timeBudgetMs(slo.objective, budgetSpanMs) / MS_PER_MINUTE,
    consumed,
    remaining,
    burnRate,
    status,
    policyText: policyTextFor(status, policy),
    met:
      state === 'complete' && enough ? meetsObjective(tally, method, decimalFromNumber(slo.objective)) : null,
    coverage: computeCoverage(covered, expected),
    incomplete: isIncomplete(covered, expected),
    insufficientData: !enough,
    minEvents,
    goodSlices: isTime ? tally.goodSlices : null,
    badSlices: isTime ? tally.badSlices : null,
    missingSlices: isTime ? Math.max(0, expected - validSlices(tally)) : null,
    projection,
    daily,
    monthly,
    windowConsumed: windows.map((w) => ({
      id: w.id,
      consumed: shareOfBudget(spentWhere((u) => overlaps(u, w))),
    })),
    unattributedConsumed: shareOfBudget(spentWhere((u) => !inAnyWindow(u))),
  };
}

function* rowsFrom(rows: readonly Bucket[], fromMs: number): Generator<number> {
  for (const r of rows) if (r.startMs >= fromMs) yield r.startMs;
}

/** (1 − A)/(1 − O) with A as the method defines it (SPEC §6.2 burn rate). */
function computeBurnRate(
  t: Tally,
  method: SloDefinition['budgeting'],
  allowed: BudgetUse['allowed'],
): number | null {
  if (method === 'occurrences') return divideByScaled(t.total - t.good, t.total, allowed);
  return divideByScaled(t.spent, t.sliceTime, allowed);
}

/**
 * The end of the row or slice with which quarter-to-date spending reached the whole quarter's
 * budget. The budget is fixed at as-of and spending only grows, so from then on it stays spent.
 */
function findExhaustedSince(
  units: readonly BudgetUnit[],
  budget: Omit<BudgetUse, 'spent'>,
  periodEndMs: number,
): number | null {
  let spent = 0;
  for (const u of units) {
    spent += u.tally.spent;
    if (isExhausted({ ...budget, spent })) return Math.min(u.endMs, periodEndMs);
  }
  return null;
}
