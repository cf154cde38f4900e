/**
 * July–September 2026 in Europe/London, built by hand: the quarter starts at local midnight on
 * 1 July (2026-06-30T23:00Z, BST) and ends at local midnight on 1 October (2026-09-30T23:00Z); BST
 * holds throughout, so each of its 92 days is 24 h long and day i starts at start + i days.
 */
import type { Calendar } from '../../src/domain/calendar.ts';
import type { DailyPoint } from '../../src/domain/series.ts';

export const LONDON: Calendar = { timezone: 'Europe/London', fiscalYearStartMonth: 1 };
export const DAY = 86_400_000;
export const Q3_START = Date.UTC(2026, 5, 30, 23);
export const Q3_END = Date.UTC(2026, 8, 30, 23);
export const Q3_DAYS = 92;
export const Q3 = { label: 'July–September 2026', startMs: Q3_START, endMs: Q3_END };

/** 'YYYY-MM-DD' of day i of the quarter (local date, 1 July + i). */
export function dateOf(i: number): string {
  return new Date(Date.UTC(2026, 6, 1 + i)).toISOString().slice(0, 10);
}

/** Daily points with the given cumulative consumption and rolling attainment per day index. */
export function q3Daily(
  consumed: (i: number) => number | null,
  rolling: (i: number) => number | null = () => null,
  days = Q3_DAYS,
): DailyPoint[] {
  return Array.from({ length: days }, (_, i) => ({
    date: dateOf(i),
    dayStartMs: Q3_START + i * DAY,
    good: 0,
    total: 0,
    bad: 0,
    consumedCumulative: consumed(i),
    // As the domain computes it: the share of the quarter elapsed at the end of the day.
    idealConsumed: (i + 1) / Q3_DAYS,
    rolling28Attainment: rolling(i),
  }));
}

/**
 * The burn-down used across the tests: 1/128 of the budget a day (exact in binary), plus half the
 * budget in an incident on 19 August (day 49). By hand: cumulative after day i is (i + 1)/128, and
 * from day 49 on (i + 1)/128 + 1/2; it reaches 1 when i + 1 = 64, day 63 = 2 September; on
 * 30 September (day 91) it is 92/128 + 1/2 = 1.21875, printed truncated as 121%.
 */
export const INCIDENT_DAY = 49;
export function burnDownConsumed(i: number): number {
  return (i + 1) / 128 + (i >= INCIDENT_DAY ? 0.5 : 0);
}

/** A flattened view of a Vega-Lite spec's layers, for reading the marks and data a builder made. */
export interface UnitLayer {
  mark: { type: string; [key: string]: unknown };
  data: Record<string, unknown>[];
  encoding: Record<string, Record<string, unknown>>;
  transform?: unknown[];
}

interface LooseSpec {
  mark?: string | { type: string };
  data?: { values?: Record<string, unknown>[] };
  encoding?: Record<string, Record<string, unknown>>;
  layer?: LooseSpec[];
  transform?: unknown[];
}

export function unitLayers(spec: unknown, inherited: Record<string, unknown>[] = []): UnitLayer[] {
  const s = spec as LooseSpec;
  const data = s.data?.values ?? inherited;
  if (s.layer !== undefined) return s.layer.flatMap((l) => unitLayers(l, data));
  if (s.mark === undefined) return [];
  const mark = typeof s.mark === 'string' ? { type: s.mark } : s.mark;
  return [
    {
      mark,
      data,
      encoding: s.encoding ?? {},
      ...(s.transform === undefined ? {} : { transform: s.transform }),
    },
  ];
}
