/**
 * The as-of time (SPEC §6.1): the end of the latest SLI data across the catalog — the largest
 * `timestamp + step` of any row — never the wall clock, so the same inputs give the same site on
 * any day.
 */
import { firstStart, lastStart } from '../domain/bucket.ts';
import type { Calendar } from '../domain/calendar.ts';
import { formatLocalDate } from '../domain/series.ts';
import { localParts } from '../domain/zoned-time.ts';
import type { SliAggregate } from '../ingest/sli/csv.ts';

export function asOfFromData(aggregates: Iterable<SliAggregate>): number | null {
  let asOf: number | null = null;
  for (const agg of aggregates) {
    const last = lastStart(agg.buckets);
    if (last === undefined) continue;
    const end = last + (agg.stepMs ?? 0);
    if (asOf === null || end > asOf) asOf = end;
  }
  return asOf;
}

export function firstDataMs(aggregates: Iterable<SliAggregate>): number | null {
  let first: number | null = null;
  for (const agg of aggregates) {
    const start = firstStart(agg.buckets);
    if (start !== undefined && (first === null || start < first)) first = start;
  }
  return first;
}

/**
 * The as-of date in the site's zone (YYYY-MM-DD): an action item is overdue when due before it.
 * In Asia/Tokyo, as-of 2026-07-14T15:00Z is already 15 July.
 */
export function asOfLocalDay(asOfMs: number, cal: Calendar): string {
  return formatLocalDate(localParts(asOfMs, cal.timezone));
}
