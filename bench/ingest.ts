/**
 * One run of the project's ingest over the bench file: parse, validate and aggregate each of the
 * ten series (one SLO each) into buckets, then roll them up to 5-minute slices and UTC days.
 * Prints one JSON line: { rows, ms, maxRssMb, cached, good, total, slices, days }.
 * argv: <csv> <cache dir>
 */
import type { CompactBuckets } from '../src/ingest/sli/columns.ts';
import { createSliAccumulator, finishSliPacked, readSliCsv } from '../src/ingest/sli/csv.ts';
import type { SliMapping } from '../src/ingest/catalog/model.ts';
import { SERIES } from './generate.ts';

const [path = '', cacheDir = ''] = process.argv.slice(2);
const mapping = (series: string): SliMapping => ({
  source: 'bench.csv',
  timestampColumn: 'timestamp',
  seriesColumn: 'series',
  series,
  good: 'good',
  bad: null,
  total: 'total',
  value: null,
  threshold: null,
  timezone: null,
  stepMs: 60_000,
  duplicates: 'error',
  layout: null,
  timeFormat: 'auto',
});

const SLICE_MS = 300_000;
const DAY_MS = 86_400_000;
const t0 = performance.now();
const accs = SERIES.map((s) => createSliAccumulator({ sloId: s, mapping: mapping(s) }));
const result = await readSliCsv(path, 'bench.csv', accs, { cacheDir });
if (result.diagnostics.length > 0)
  throw new Error(`unexpected diagnostics: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
let good = 0;
let total = 0;
let slices = 0;
let days = 0;
for (const acc of accs) {
  const r = rollUp(finishSliPacked(acc).buckets);
  good += r.good;
  total += r.total;
  slices += r.slices;
  days += r.days;
}
const ms = performance.now() - t0;
console.log(
  JSON.stringify({
    rows: result.rows,
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cached: result.cached,
    good,
    total,
    slices,
    days,
  }),
);

/**
 * Roll-up in one pass over the sorted runs: a slice or day closes when a bucket starts at or
 * after its end, so each bucket costs a comparison, not a division.
 */
function rollUp(buckets: CompactBuckets): { good: number; total: number; slices: number; days: number } {
  let good = 0;
  let total = 0;
  let slices = 0;
  let days = 0;
  let sliceEnd = -Infinity;
  let dayEnd = -Infinity;
  let k = 0;
  const { runs, good: goods, total: totals } = buckets;
  for (let r = 0; r < runs.length; r += 3) {
    const first = runs[r] ?? 0;
    const step = runs[r + 1] ?? 0;
    const n = runs[r + 2] ?? 0;
    for (let j = 0; j < n; j++, k++) {
      const s = first + j * step;
      good += goods[k] ?? 0;
      total += totals[k] ?? 0;
      if (s >= sliceEnd) {
        sliceEnd = (Math.floor(s / SLICE_MS) + 1) * SLICE_MS;
        slices++;
      }
      if (s >= dayEnd) {
        dayEnd = (Math.floor(s / DAY_MS) + 1) * DAY_MS;
        days++;
      }
    }
  }
  return { good, total, slices, days };
}
