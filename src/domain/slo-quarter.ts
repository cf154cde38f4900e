/**
 * One SLO over one quarter (SPEC §6.2–§6.6): attainment, error budget, consumption, burn rate,
 * status, projection, coverage and the daily and monthly series, from the SLO's rows.
 */
import { MINUTE_MS } from './units.ts';
import type { BucketSeries } from './bucket.ts';
import type { UnitColumns } from './budget-columns.ts';
import {
  addUnit,
  countCoveredPositions,
  firstUnitFrom,
  foldBudgetUnits,
  selectRows,
} from './budget-columns.ts';
import type { Calendar } from './calendar.ts';
import { countSteps, computeCoverage, isIncomplete } from './coverage.ts';
import { burnRate as burnRateFor } from './burn-rate.ts';
import { decimalFromNumber } from './decimal.ts';
import type { BudgetUse } from './error-budget.ts';
import { allowedFraction, budgetOf, consumedFraction, isExhausted, timeBudgetMs } from './error-budget.ts';
import type { ExclusionWindow } from './exclusion.ts';
import type { Projection } from './projection.ts';
import { projectConsumption } from './projection.ts';
import type { Quarter } from './quarter.ts';
import type { DailyPoint, MonthlyPoint } from './series.ts';
import { formatLocalDate, formatLocalMonth, listLocalDays, listLocalMonths, ROLLING_DAYS } from './series.ts';
import type { Policy, SloDefinition } from './slo.ts';
import { resolveMinEvents } from './slo.ts';
import type { SloStatus } from './status.ts';
import { determineStatus, policyTextFor } from './status.ts';
import type { Tally } from './tally.ts';
import {
  attainmentOf,
  EMPTY_TALLY,
  hasEnoughData,
  meetsObjective,
  requireTimeslice,
  sumTallies,
  validSlices,
} from './tally.ts';
import { addLocalDays } from './zoned-time.ts';

export type { DailyPoint, MonthlyPoint } from './series.ts';

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
   * The SLO's rows (sorted columns from ingest, or a list in any order), from any period: rows in
   * `[quarter.startMs, min(endMs, asOf))` make the quarter's figures; rows up to 27 days before the
   * quarter feed the rolling 28-day line.
   */
  buckets: BucketSeries;
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

  // One pass builds the columns; every figure below folds over them (no object per row or slice).
  const rows = selectRows(input.buckets, {
    fromMs: lookbackStartMs,
    toMs: periodEndMs,
    exclusions: input.exclusions ?? [],
  });
  const units = foldBudgetUnits(rows, slo, { anchorMs: startMs, clipEndMs: endMs, stepMs: input.stepMs });
  const firstQuarterUnit = firstUnitFrom(units, startMs);

  const dayTallies: Tally[] = days.map(() => ({ ...EMPTY_TALLY }));
  // Budget spent by the end of each day, summed unit by unit in the same order as the quarter's
  // tally, so that the burn-down's last point is the headline figure to the last bit.
  const spentByDay = new Float64Array(days.length);
  const tally: Tally = { ...EMPTY_TALLY };
  let dayIndex = 0;
  for (let i = 0; i < units.length; i++) {
    const unitStart = units.startMs[i] as number;
    // Units come oldest first, so the day index only moves forward.
    for (
      let next = days[dayIndex + 1];
      next !== undefined && next.startMs <= unitStart;
      next = days[dayIndex + 1]
    ) {
      dayIndex++;
      spentByDay[dayIndex] = tally.spent;
    }
    const day = dayTallies[dayIndex];
    if (day !== undefined) addUnit(day, units, i);
    if (i >= firstQuarterUnit) {
      addUnit(tally, units, i);
      spentByDay[dayIndex] = tally.spent;
    }
  }
  for (let i = dayIndex + 1; i < days.length; i++) spentByDay[i] = tally.spent;

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
    for (let i = firstQuarterUnit; i < units.length; i++) {
      const unitEnd = units.endMs[i] as number;
      if (unitEnd <= startMs + endedMs) coveredEndedMs += unitEnd - (units.startMs[i] as number);
    }
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
  const burnRate = enough ? computeBurnRate(tally, method, slo.objective) : null;

  let projection: Projection | null = null;
  if (state === 'in-progress' && use !== null && consumed !== null && burnRate !== null && elapsedMs > 0) {
    projection = projectConsumption({
      consumed,
      burnRate,
      asOfMs: periodEndMs,
      endMs,
      spanMs: budgetSpanMs,
      exhaustedSinceMs: isExhausted(use)
        ? findExhaustedSince(units, firstQuarterUnit, budgetBase, periodEndMs)
        : null,
    });
  }
  const status = determineStatus(use, policy, projection !== null && projection.consumedAtEnd >= 1);

  const covered =
    windowMs === null
      ? countCoveredPositions(rows, { fromMs: startMs, anchorMs: startMs, stepMs: input.stepMs })
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
  const overlaps = (i: number, w: BudgetWindow): boolean =>
    (units.startMs[i] as number) < w.endMs && (units.endMs[i] as number) > w.startMs;
  const inAnyWindow = (i: number): boolean => windows.some((w) => overlaps(i, w));
  const spentWhere = (keep: (i: number) => boolean): number => {
    let sum = 0;
    for (let i = firstQuarterUnit; i < units.length; i++) if (keep(i)) sum += units.spent[i] as number;
    return sum;
  };

  return {
    sloId: slo.id,
    state,
    good: tally.good,
    total: tally.total,
    attainment,
    budget: method === 'occurrences' ? budgetOf(budgetBase) : null,
    budgetMinutes: method === 'occurrences' ? null : timeBudgetMs(slo.objective, budgetSpanMs) / MINUTE_MS,
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
      consumed: shareOfBudget(spentWhere((i) => overlaps(i, w))),
    })),
    unattributedConsumed: shareOfBudget(spentWhere((i) => !inAnyWindow(i))),
  };
}

/**
 * (1 − A)/(1 − O) with A as the method defines it: the bad share of the events, or of the slice
 * time with data for the timeslice methods (burn-rate.ts).
 */
function computeBurnRate(t: Tally, method: SloDefinition['budgeting'], objective: number): number | null {
  return method === 'occurrences'
    ? burnRateFor(t.total - t.good, t.total, objective)
    : burnRateFor(t.spent, t.sliceTime, objective);
}

/**
 * The end of the row or slice with which quarter-to-date spending reached the whole quarter's
 * budget. The budget is fixed at as-of and spending only grows, so from then on it stays spent.
 */
function findExhaustedSince(
  units: UnitColumns,
  from: number,
  budget: Omit<BudgetUse, 'spent'>,
  periodEndMs: number,
): number | null {
  let spent = 0;
  for (let i = from; i < units.length; i++) {
    spent += units.spent[i] as number;
    if (isExhausted({ ...budget, spent })) return Math.min(units.endMs[i] as number, periodEndMs);
  }
  return null;
}
