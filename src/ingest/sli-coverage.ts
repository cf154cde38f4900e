/**
 * Gaps in an SLO's rows (SPEC §5): `check`, `report` and `build` warn when the rows cover less
 * than the SLO's quarters, naming the SLO, its file, the coverage and the longest gap. A sparse
 * export (Upptime's downtime days: only the rows with failures) otherwise reads as a plausible
 * figure — 1.91% attainment — and nobody is told that most of the quarter has no data.
 */
import { firstStart, lastStart, startsOf } from '../domain/bucket.ts';
import type { Calendar } from '../domain/calendar.ts';
import { findRowGaps } from '../domain/coverage.ts';
import { formatDate, formatDateTime, formatDuration, formatPercent } from '../domain/format.ts';
import { quarterContaining } from '../domain/quarter.ts';
import { startOfLocalDay } from '../domain/zoned-time.ts';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import type { SliAggregate } from './sli/csv.ts';
import type { CatalogEntry } from './catalog/model.ts';

const STEP_NOUNS: Record<number, [string, string]> = {
  86_400_000: ['day', 'days'],
  3_600_000: ['hour', 'hours'],
  60_000: ['minute', 'minutes'],
};

function rowsOf(n: number, stepMs: number): string {
  const noun = STEP_NOUNS[stepMs];
  const count = n.toLocaleString('en-US');
  if (noun) return `${count} ${n === 1 ? noun[0] : noun[1]}`;
  return `${count} ${formatDuration(stepMs)} step${n === 1 ? '' : 's'}`;
}

/** A day when the instant is a local midnight, else the day and time. */
function when(ms: number, cal: Calendar): string {
  return startOfLocalDay(ms, cal.timezone) === ms ? formatDate(ms, cal) : formatDateTime(ms, cal);
}

/**
 * One warning per SLO whose rows leave steps empty between the start of the quarter of its first
 * row and the as-of time (the end of the latest row of the catalog).
 */
export function diagnoseCoverageGaps(
  read: {
    entries: readonly CatalogEntry[];
    sli: ReadonlyMap<string, SliAggregate>;
    /** The files each SLO's rows came from, by SLO id. */
    files: ReadonlyMap<string, readonly string[]>;
  },
  cal: Calendar,
): Diagnostic[] {
  const { entries, sli, files } = read;
  let asOfMs: number | null = null;
  for (const agg of sli.values()) {
    const last = lastStart(agg.buckets);
    if (last !== undefined && agg.stepMs !== null) asOfMs = Math.max(asOfMs ?? 0, last + agg.stepMs);
  }
  if (asOfMs === null) return [];
  const out: Diagnostic[] = [];
  for (const entry of entries) {
    const agg = sli.get(entry.slo.id);
    const first = agg && firstStart(agg.buckets);
    if (agg === undefined || first === undefined || agg.stepMs === null) continue;
    const fromMs = quarterContaining(first, cal).startMs;
    const r = findRowGaps(startsOf(agg.buckets), { stepMs: agg.stepMs, fromMs, toMs: asOfMs });
    if (r.covered >= r.expected || r.longestGap === null) continue;
    // The export when there is one; the SLO's definition when its rows come from several files.
    const shown = files.get(entry.slo.id) ?? [];
    const place =
      shown.length === 1 && shown[0] !== undefined
        ? { file: shown[0] }
        : { file: entry.file, line: entry.line, column: 1 };
    const source = shown.length === 1 ? '' : ` (sli.source ${entry.sli.source})`;
    const gap = r.longestGap;
    out.push(
      diagnose(
        'sli-coverage-gaps',
        place,
        `SLO ${entry.slo.id}${source}: the rows cover ${formatPercent(r.coverage, 1)} of its quarters so far (${r.covered.toLocaleString('en-US')} of ${rowsOf(r.expected, agg.stepMs)} from ${when(fromMs, cal)} to ${when(asOfMs, cal)}); the longest gap has no rows from ${when(gap.startMs, cal)} to ${when(gap.endMs, cal)} (${formatDuration(gap.endMs - gap.startMs)})`,
      ),
    );
  }
  return out;
}
