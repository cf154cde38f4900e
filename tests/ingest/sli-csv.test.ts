import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostic.ts';
import { createSliAccumulator, finishSliAccumulator, readSliCsv } from '../../src/ingest/sli-csv.ts';
import type { SliMapping } from '../../src/ingest/slo-catalog.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 6, 1); // 2026-07-01T00:00:00Z

function mapping(over: Partial<SliMapping> = {}): SliMapping {
  return {
    source: 'x.csv',
    timestampColumn: 'timestamp',
    seriesColumn: 'series',
    series: 'api',
    good: 'good',
    bad: null,
    total: 'total',
    value: null,
    threshold: null,
    timezone: null,
    stepMs: null,
    duplicates: 'error',
    layout: null,
    timeFormat: 'auto',
    ...over,
  };
}

async function read(name: string, over: Partial<SliMapping> = {}) {
  const acc = createSliAccumulator({ sloId: 'api-availability', mapping: mapping(over) });
  const result = await readSliCsv(fixture(name), `data/sli/${name}`, [acc]);
  return { ...result, aggregates: [finishSliAccumulator(acc)], text: result.diagnostics.map(formatDiagnostic).join('\n') };
}

describe('reading SLI exports', () => {
  it('reads rows in any order, keeps only the mapped series, and infers the step', async () => {
    const r = await read('newest-first-two-series.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.aggregates[0]?.buckets).toEqual([
      { startMs: T0, good: 90, total: 100 },
      { startMs: T0 + HOUR, good: 98, total: 100 },
      { startMs: T0 + 2 * HOUR, good: 99, total: 100 },
    ]);
    expect(r.aggregates[0]?.stepMs).toBe(HOUR);
    expect(r.aggregates[0]?.stepInferred).toBe(true);
  });

  it('reads a semicolon export with a BOM, quoted header, CRLF, null and a trailing blank line', async () => {
    const r = await read('semicolon-bom-crlf.csv');
    expect(r.diagnostics).toEqual([]);
    // The 01:00 row has good = null: a missing value, so that hour has no data.
    expect(r.aggregates[0]?.buckets.map((b) => b.startMs)).toEqual([T0, T0 + 2 * HOUR]);
  });

  it('skips an Excel sep= line and reads epoch milliseconds', async () => {
    const r = await read('excel-sep-line-epoch-ms.csv');
    expect(r.diagnostics).toEqual([]);
    // 1782864000000 ms is 2026-07-01T00:00:00Z (checked with Python's datetime).
    expect(r.aggregates[0]?.buckets[0]).toEqual({ startMs: T0, good: 90, total: 100 });
  });

  it('turns a value column into good and total with a threshold, honouring offsets', async () => {
    const r = await read('latency-with-offset.csv', {
      series: null,
      good: null,
      total: null,
      value: 'p99_ms',
      threshold: { op: 'lte', value: 300 },
    });
    expect(r.diagnostics).toEqual([]);
    // 00:00+02:00 is 22:00Z the day before; 250 and 300 pass "lte 300", 301 fails, empty is missing.
    expect(r.aggregates[0]?.buckets).toEqual([
      { startMs: T0 - 2 * HOUR, good: 1, total: 1 },
      { startMs: T0 - HOUR, good: 1, total: 1 },
      { startMs: T0, good: 0, total: 1 },
    ]);
  });

  it('sums or keeps the last of duplicate rows when told to', async () => {
    const sum = await read('duplicate-timestamp.csv', { duplicates: 'sum' });
    expect(sum.aggregates[0]?.buckets[0]).toEqual({ startMs: T0, good: 170, total: 200 });
    const last = await read('duplicate-timestamp.csv', { duplicates: 'last' });
    expect(last.aggregates[0]?.buckets[0]).toEqual({ startMs: T0, good: 80, total: 100 });
  });
});

describe('bad SLI rows become diagnostics with file, line, column and a hint', () => {
  it('good greater than total', async () => {
    expect((await read('good-greater-than-total.csv')).text).toMatchInlineSnapshot(`
      "data/sli/good-greater-than-total.csv:3:3: error: good (1203) is greater than total (1200) [csv-good-greater-than-total]
        hint: swap the columns in the SLO api-availability, or fix the export"
    `);
  });

  it('a negative count', async () => {
    expect((await read('negative-count.csv')).text).toMatchInlineSnapshot(`
      "data/sli/negative-count.csv:3:3: error: good is -5; counts cannot be negative [csv-negative]
        hint: counts cannot be negative; fix the export"
    `);
  });

  it('a count that is not a number', async () => {
    expect((await read('not-a-number.csv')).text).toMatchInlineSnapshot(`
      "data/sli/not-a-number.csv:2:3: error: good is "ninety", not a number [csv-bad-number]
        hint: counts must be whole numbers ≥ 0; use an empty field, null or NaN for a missing value"
    `);
  });

  it('the same series and timestamp twice, naming both lines', async () => {
    expect((await read('duplicate-timestamp.csv')).text).toMatchInlineSnapshot(`
      "data/sli/duplicate-timestamp.csv:4:1: error: timestamp 2026-07-01T00:00:00Z of series api appears twice: lines 2 and 4 [csv-duplicate-row]
        hint: remove one of the rows, or set sli.duplicates: sum | last in the SLO api-availability"
    `);
  });

  it('a timestamp without a zone, unless the SLO names one', async () => {
    expect((await read('zoneless-timestamp.csv')).text).toMatchInlineSnapshot(`
      "data/sli/zoneless-timestamp.csv:2:1: error: timestamp "2026-07-01 00:00:00" has no time zone [csv-bad-timestamp]
        hint: add an offset in the export (e.g. 2026-07-01T00:00:00Z), or say which zone it is in with sli.timezone in the SLO api-availability (e.g. timezone: UTC)"
    `);
    // In Europe/Berlin (CEST, UTC+2) local midnight of 1 July is 22:00Z on 30 June.
    const berlin = await read('zoneless-timestamp.csv', { timezone: 'Europe/Berlin' });
    expect(berlin.diagnostics).toEqual([]);
    expect(berlin.aggregates[0]?.buckets[0]?.startMs).toBe(T0 - 2 * HOUR);
  });

  it('a column the header does not have', async () => {
    expect((await read('negative-count.csv', { total: 'requests' })).text).toMatchInlineSnapshot(`
      "data/sli/negative-count.csv:1:1: error: SLO api-availability reads total events from column "requests", which the header does not have (columns: "timestamp", "series", "good", "total") [csv-missing-column]
        hint: map the SLO to a column that exists in the header"
    `);
  });

  it('a file that does not exist', async () => {
    expect((await read('no-such-file.csv')).text).toMatchInlineSnapshot(`
      "data/sli/no-such-file.csv: error: data/sli/no-such-file.csv does not exist, but SLO api-availability reads from it [sli-source-missing]
        hint: sli.source is relative to the data directory, e.g. sli/checkout.csv"
    `);
  });
});
