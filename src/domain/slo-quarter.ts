/**
 * One SLO over one quarter (SPEC §6.2–§6.6): attainment, error budget, consumption, burn rate,
 * status, projection, coverage and the daily and monthly series, from the SLO's rows.
 */
import type { Bucket } from './bucket.ts';
import type { Calendar } from './calendar.ts';
import { countCoveredSteps, countSteps, computeCoverage, isIncomplete } from './coverage.ts';
import { decimalFromNumber, divideByScaled } from './decimal.ts';
import type { BudgetUse } from './error-budget.ts';
import { allowedFraction, consumedFraction, eventBudget, isExhausted, timeBudgetMs } from './error-budget.ts';
import type { ExclusionWindow } from './exclusion.ts';
import { dropExcluded } from './exclusion.ts';
import type { Projection } from './projection.ts';
import { projectConsumption } from './projection.ts';
import type { Quarter } from './quarter.ts';
import type { DailyPoint, MonthlyPoint } from './series.ts';
import { formatLocalDate, formatLocalMonth, listLocalDays, listLocalMonths, ROLLING_DAYS } from './series.ts';
import type { Policy, SloDefinition } from './slo.ts';
import { resolveMinEvents } from './slo.ts';
import type { SloStatus } from './status.ts';
import { determineStatus, policyTextFor } from './status.ts';
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
import { addLocalDays } from './zoned-time.ts';

export type { DailyPoint, MonthlyPoint } from './series.ts';

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
  /** (1 − O)·T events, occurrences only. */
  budget: number | null;
  /** (1 − O)·|quarter| in minutes, timeslice methods only. */
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
  let dayIndex = 0;
  for (const u of units) {
    // Units come oldest first, so the day index only moves forward.
    for (
      let next = days[dayIndex + 1];
      next !== undefined && next.startMs <= u.startMs;
      next = days[dayIndex + 1]
    )
      dayIndex++;
    const day = dayTallies[dayIndex];
    if (day !== undefined) accumulateTally(day, u.tally);
  }
  const tally = sumTallies(quarterUnits.map((u) => u.tally));

  const enough = hasEnoughData(tally, method, minEvents);
  const base = method === 'occurrences' ? tally.total : lengthMs;
  const use: BudgetUse | null = enough ? { spent: tally.spent, base, allowed } : null;
  const attainment = attainmentOf(tally, method, minEvents);
  const consumed = use === null ? null : consumedFraction(use);
  const remaining = consumed === null ? null : 1 - consumed;
  const burnRate = enough ? computeBurnRate(tally, method, allowed) : null;

  let projection: Projection | null = null;
  if (state === 'in-progress' && use !== null && consumed !== null && burnRate !== null && elapsedMs > 0) {
    projection = projectConsumption({
      kind: method === 'occurrences' ? 'events' : 'time',
      consumed,
      burnRate,
      asOfMs: periodEndMs,
      startMs,
      endMs,
      exhaustedSinceMs: isExhausted(use)
        ? findExhaustedSince(quarterUnits, method, lengthMs, allowed, periodEndMs)
        : null,
    });
  }
  const status = determineStatus(use, policy, projection !== null && projection.consumedAtEnd >= 1);

  const covered =
    windowMs === null
      ? countCoveredSteps(rowsFrom(rows, startMs), startMs, input.stepMs)
      : validSlices(tally);
  const expected = countSteps(startMs, periodEndMs, windowMs ?? input.stepMs);

  const isTime = method !== 'occurrences';
  const consumedShare = (spent: number): number | null => {
    if (!enough) return null;
    // An event budget is only known up to as-of; the chart scales it to the quarter at the
    // traffic seen so far, so that a burn rate of 1 follows the ideal line (SPEC §6.2 burn-down).
    if (isTime) return divideByScaled(spent, lengthMs, allowed);
    const share = divideByScaled(spent, tally.total, allowed);
    return share === null ? null : elapsedMs === lengthMs ? share : (share * elapsedMs) / lengthMs;
  };

  const daily: DailyPoint[] = [];
  let cumulativeSpent = 0;
  for (let i = firstQuarterDay; i < days.length; i++) {
    const day = days[i];
    const t = dayTallies[i] ?? EMPTY_TALLY;
    if (day === undefined) continue;
    cumulativeSpent += t.spent;
    const rolling = sumTallies(dayTallies.slice(Math.max(0, i - ROLLING_DAYS + 1), i + 1));
    daily.push({
      date: formatLocalDate(day.date),
      dayStartMs: day.startMs,
      good: t.good,
      total: t.total,
      bad: t.total - t.good,
      consumedCumulative: consumedShare(cumulativeSpent),
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
  const shareOfBudget = (spent: number): number | null =>
    use === null ? null : consumedFraction({ ...use, spent });

  return {
    sloId: slo.id,
    state,
    good: tally.good,
    total: tally.total,
    attainment,
    budget: method === 'occurrences' ? eventBudget(slo.objective, tally.total) : null,
    budgetMinutes: method === 'occurrences' ? null : timeBudgetMs(slo.objective, lengthMs) / MS_PER_MINUTE,
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
  const slices = validSlices(t);
  if (method === 'timeslices') return divideByScaled(t.badSlices, slices, allowed);
  return divideByScaled(t.badRatioSum, slices, allowed);
}

/**
 * The end of the row or slice after which quarter-to-date consumption has stayed at or above
 * 100%. A time budget only grows, so that is the moment it first ran out; an event budget grows
 * with traffic and can recover, so it is the start of the current spell of exhaustion.
 */
function findExhaustedSince(
  units: readonly BudgetUnit[],
  method: SloDefinition['budgeting'],
  lengthMs: number,
  allowed: BudgetUse['allowed'],
  periodEndMs: number,
): number | null {
  const cumulative = { ...EMPTY_TALLY };
  let since: number | null = null;
  for (const u of units) {
    accumulateTally(cumulative, u.tally);
    const base = method === 'occurrences' ? cumulative.total : lengthMs;
    const exhausted = base > 0 && isExhausted({ spent: cumulative.spent, base, allowed });
    if (!exhausted) since = null;
    else if (since === null) since = Math.min(u.endMs, periodEndMs);
  }
  return since;
}
