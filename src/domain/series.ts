/**
 * The time series of an SLO quarter (SPEC §6.2): per local day — good, total, bad, cumulative
 * budget consumed against the ideal straight line, rolling 28-day attainment — and per local month.
 */
import type { LocalDate } from './zoned-time.ts';
import { addDaysToDate, addMonthsToDate, localParts, startOfLocalDate } from './zoned-time.ts';

export interface DailyPoint {
  /** The local date, 'YYYY-MM-DD'. */
  date: string;
  dayStartMs: number;
  good: number;
  total: number;
  bad: number;
  /** Share of the quarter's budget consumed by the end of this day (or as-of); null without enough data. */
  consumedCumulative: number | null;
  /** The straight line from 0 at the quarter's start to 1 at its end, at the same instant. */
  idealConsumed: number;
  /** Attainment over the 28 local days ending with this one; null without enough data. */
  rolling28Attainment: number | null;
}

export interface MonthlyPoint {
  /** The local month, 'YYYY-MM'. */
  month: string;
  monthStartMs: number;
  good: number;
  total: number;
  attainment: number | null;
}

/** The window of the rolling trend line, in local days. */
export const ROLLING_DAYS = 28;

export interface LocalPeriod {
  date: LocalDate;
  startMs: number;
  endMs: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatLocalDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

export function formatLocalMonth(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}`;
}

/**
 * The local days from the one containing `fromMs` through the one containing `toMs − 1`, each
 * `[midnight, next midnight)` as the zone database has it (23 or 25 h across a DST change).
 */
export function listLocalDays(fromMs: number, toMs: number, zone: string): LocalPeriod[] {
  const days: LocalPeriod[] = [];
  if (!(toMs > fromMs)) return days;
  const p = localParts(fromMs, zone);
  let date: LocalDate = { year: p.year, month: p.month, day: p.day };
  let startMs = startOfLocalDate(date, zone);
  while (startMs < toMs) {
    const next = addDaysToDate(date, 1);
    const endMs = startOfLocalDate(next, zone);
    days.push({ date, startMs, endMs });
    date = next;
    startMs = endMs;
  }
  return days;
}

/** The local months from the one containing `fromMs` through the one containing `toMs − 1`. */
export function listLocalMonths(fromMs: number, toMs: number, zone: string): LocalPeriod[] {
  const months: LocalPeriod[] = [];
  if (!(toMs > fromMs)) return months;
  const p = localParts(fromMs, zone);
  let date: LocalDate = { year: p.year, month: p.month, day: 1 };
  let startMs = startOfLocalDate(date, zone);
  while (startMs < toMs) {
    const next = addMonthsToDate(date, 1);
    const endMs = startOfLocalDate(next, zone);
    months.push({ date, startMs, endMs });
    date = next;
    startMs = endMs;
  }
  return months;
}

/** The index of the period containing `ms`, or -1 when it lies before the first (periods are contiguous). */
export function findPeriodIndex(periods: readonly LocalPeriod[], ms: number): number {
  let lo = 0;
  let hi = periods.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid];
    if (p === undefined) break;
    if (p.startMs <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
