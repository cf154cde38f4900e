import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostic.ts';
import {
  createSliAccumulator,
  diagnoseSliAccumulator,
  finishSliAccumulator,
  readSliCsv,
  type ReadSliOptions,
} from '../../src/ingest/sli/csv.ts';
import type { SliMapping } from '../../src/ingest/catalog/model.ts';
import { bucketList } from '../../src/domain/bucket.ts';

/**
 * The aggregate with its columns as a list of buckets, to compare with hand-written rows; without
 * the digest, which names the rows for this process only when read without a cache.
 */
function listed<T extends { buckets: Parameters<typeof bucketList>[0]; digest: string }>(a: T) {
  const { digest: _digest, ...rest } = a;
  return { ...rest, buckets: bucketList(a.buckets) };
}
import { sliMapping } from '../support/sli-mapping.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 6, 1); // 2026-07-01T00:00:00Z

async function read(name: string, over: Partial<SliMapping> = {}, options: ReadSliOptions = {}) {
  const acc = createSliAccumulator({ sloId: 'api-availability', mapping: sliMapping(over) });
  const result = await readSliCsv(fixture(name), `data/sli/${name}`, [acc], options);
  return {
    ...result,
    aggregates: [listed(finishSliAccumulator(acc))],
    text: result.diagnostics.map(formatDiagnostic).join('\n'),
  };
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
    // Each step keeps the value it measured, so that pages can show it (issue 12 item 15).
    expect(r.aggregates[0]?.buckets).toEqual([
      { startMs: T0 - 2 * HOUR, good: 1, total: 1, value: 250 },
      { startMs: T0 - HOUR, good: 1, total: 1, value: 300 },
      { startMs: T0, good: 0, total: 1, value: 301 },
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

  it('a count written in hexadecimal, which Number() would read as 100', async () => {
    expect((await read('hexadecimal-count.csv')).text).toMatchInlineSnapshot(`
      "data/sli/hexadecimal-count.csv:2:4: error: total is "0x64", not a number [csv-bad-number]
        hint: counts are decimal numbers ≥ 0, e.g. 1203; use an empty field, null or NaN for a missing value"
    `);
  });

  it('a count that is not a number', async () => {
    expect((await read('not-a-number.csv')).text).toMatchInlineSnapshot(`
      "data/sli/not-a-number.csv:2:3: error: good is "ninety", not a number [csv-bad-number]
        hint: counts are decimal numbers ≥ 0, e.g. 1203; use an empty field, null or NaN for a missing value"
    `);
  });

  it('the same series and timestamp twice, naming both lines', async () => {
    expect((await read('duplicate-timestamp.csv')).text).toMatchInlineSnapshot(`
      "data/sli/duplicate-timestamp.csv:4:1: error: timestamp 2026-07-01T00:00:00Z of series api appears twice: lines 2 and 4 [csv-duplicate-row]
        hint: remove the repeated rows, or set sli.duplicates: sum | last in the SLO api-availability"
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

describe('the shapes monitoring tools export', () => {
  it('reads a wide export (Grafana "series joined by time"): quoted epoch seconds, ;, CRLF, null, no final newline', async () => {
    // No series column: each series is a column. The default timestamp column also answers to `Time`.
    const counts = await read('wide-grafana-series-joined-by-time.csv', {
      series: null,
      layout: 'wide',
      good: 'checkout_ok',
      total: 'checkout_all',
    });
    expect(counts.diagnostics).toEqual([]);
    // 1782864000 s is 2026-07-01T00:00:00Z; the 01:00 row has good = null, so that hour has no data.
    expect(counts.aggregates[0]?.buckets).toEqual([
      { startMs: T0, good: 90, total: 100 },
      { startMs: T0 + 2 * HOUR, good: 99, total: 100 },
    ]);
    expect(counts.notes).toMatchInlineSnapshot(`
      [
        "SLO api-availability: timestamps read as Unix epoch seconds, told apart by their magnitude (timeFormat: epoch-s states it)",
      ]
    `);
    const latency = await read('wide-grafana-series-joined-by-time.csv', {
      series: null,
      good: null,
      total: null,
      value: 'search_p99',
      threshold: { op: 'lte', value: 300 },
      timeFormat: 'epoch-s',
    });
    // 250 ≤ 300 is good, null is missing, 320 > 300 is bad.
    expect(latency.aggregates[0]?.buckets).toEqual([
      { startMs: T0, good: 1, total: 1, value: 250 },
      { startMs: T0 + 2 * HOUR, good: 0, total: 1, value: 320 },
    ]);
    expect(latency.notes).toEqual([]);
  });

  it('explains an epoch time too small to tell seconds from milliseconds, and reads it when told', async () => {
    const over = {
      seriesColumn: 'name',
      series: 'a',
      good: null,
      total: null,
      value: 'value',
      threshold: { op: 'gte', value: 1 },
    } as const;
    expect((await read('epoch-too-small-grafana-inspect.csv', over)).text).toMatchInlineSnapshot(`
      "data/sli/epoch-too-small-grafana-inspect.csv:2:1: error: timestamp "100" is too small to be Unix epoch seconds (9–10 digits) or milliseconds (12–13 digits) [csv-bad-timestamp]
        hint: if it is an epoch time, say which unit with sli.timeFormat: epoch-s or epoch-ms in the SLO api-availability"
    `);
    const told = await read('epoch-too-small-grafana-inspect.csv', { ...over, timeFormat: 'epoch-ms' });
    expect(told.diagnostics).toEqual([]);
    expect(told.aggregates[0]?.buckets).toEqual([{ startMs: 100, good: 1, total: 1, value: 1 }]);
  });

  it('reads quoted fields holding the delimiter or a line break, and numbers lines as an editor does', async () => {
    const r = await read('quoted-fields-with-delimiter-and-newline.csv', { series: 'api, eu' });
    expect(r.diagnostics).toEqual([]);
    expect(r.aggregates[0]?.buckets).toEqual([
      { startMs: T0, good: 90, total: 100 },
      { startMs: T0 + 2 * HOUR, good: 97, total: 100 },
    ]);
    // The third record spans lines 3 and 4, so the last one is on line 5.
    const bad = await read('quoted-fields-with-delimiter-and-newline.csv', {
      series: 'api, eu',
      total: 'good',
      good: 'total',
    });
    expect(bad.diagnostics.map((d) => d.line)).toEqual([2, 5]);
  });

  it('reads fields with spaces around them, quoted or not', async () => {
    const r = await read('spaces-around-fields.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.aggregates[0]?.buckets).toEqual([
      { startMs: T0, good: 90, total: 100 },
      { startMs: T0 + HOUR, good: 95, total: 100 },
    ]);
  });

  it('infers the most common spacing as the step, despite a gap', async () => {
    const r = await read('five-minute-rows-with-a-gap.csv');
    // Gaps 5, 5, 5, 20, 5, 5 minutes: five minutes wins.
    expect(r.aggregates[0]?.stepMs).toBe(5 * 60_000);
    expect((await read('five-minute-rows-with-a-gap.csv', { stepMs: 60_000 })).aggregates[0]).toMatchObject({
      stepMs: 60_000,
      stepInferred: false,
    });
  });

  it('gives the same buckets and the same lines when two threads read the two halves of a file', async () => {
    const one = await read('problems-in-both-halves.csv', {}, { parallelAbove: Infinity });
    const two = await read('problems-in-both-halves.csv', {}, { parallelAbove: 0 });
    expect(two.aggregates).toEqual(one.aggregates);
    expect(two.text).toBe(one.text);
    // Row i (from 0) is on line i + 2; rows 3 and 150 say "x", row 180 says -1, the last line repeats row 9.
    expect(one.text).toMatchInlineSnapshot(`
      "data/sli/problems-in-both-halves.csv:5:3: error: good is "x", not a number [csv-bad-number]
        hint: counts are decimal numbers ≥ 0, e.g. 1203; use an empty field, null or NaN for a missing value
      data/sli/problems-in-both-halves.csv:152:3: error: good is "x", not a number [csv-bad-number]
        hint: counts are decimal numbers ≥ 0, e.g. 1203; use an empty field, null or NaN for a missing value
      data/sli/problems-in-both-halves.csv:182:3: error: good is -1; counts cannot be negative [csv-negative]
        hint: counts cannot be negative; fix the export
      data/sli/problems-in-both-halves.csv:202:1: error: timestamp 2026-07-01T00:09:00Z of series api appears twice: lines 11 and 202 [csv-duplicate-row]
        hint: remove the repeated rows, or set sli.duplicates: sum | last in the SLO api-availability"
    `);
    // 200 minutes, 3 of them refused: 197 buckets.
    expect(one.aggregates[0]?.buckets).toHaveLength(197);
  });

  it('gives the same buckets and lines when five threads read five ranges of a file', async () => {
    const one = await read('problems-in-both-halves.csv', {}, { parallelAbove: Infinity });
    const five = await read('problems-in-both-halves.csv', {}, { parallelAbove: 0, threads: 5 });
    expect(five.aggregates).toEqual(one.aggregates);
    expect(five.text).toBe(one.text);
    // Starting four workers on a busy machine takes seconds.
  }, 60_000);

  it('reads a file again in one piece when its middle falls inside a quoted field', async () => {
    // Row 20 (from 0) is a quoted series spanning 61 lines across the byte midpoint.
    const one = await read('quoted-field-across-the-middle.csv', {}, { parallelAbove: Infinity });
    const two = await read('quoted-field-across-the-middle.csv', {}, { parallelAbove: 0 });
    expect(two.aggregates).toEqual(one.aggregates);
    expect(two.diagnostics.map((d) => d.line)).toEqual([7, 92]);
    expect(one.diagnostics.map((d) => d.line)).toEqual([7, 92]);
    // 40 rows; row 20 is another series and rows 5 and 30 say "x".
    expect(one.aggregates[0]?.buckets).toHaveLength(37);
  });
});

describe('problems with the file itself', () => {
  it('a line with more or fewer fields than the header', async () => {
    expect((await read('wrong-field-count.csv')).text).toMatchInlineSnapshot(`
      "data/sli/wrong-field-count.csv:3:1: error: this line has 3 fields but the header has 4 [csv-syntax]
        hint: check the delimiter (",") and quoting: a field containing the delimiter must be quoted
      data/sli/wrong-field-count.csv:4:1: error: this line has 1 field but the header has 4 [csv-syntax]
        hint: check the delimiter (",") and quoting: a field containing the delimiter must be quoted"
    `);
  });

  it('a quote that is never closed', async () => {
    expect((await read('unclosed-quote.csv')).text).toMatchInlineSnapshot(`
      "data/sli/unclosed-quote.csv:2:1: error: a quoted field opened on this line is never closed [csv-syntax]
        hint: close the quote, or double a quote inside a field ("")"
    `);
  });

  it('timestamps without a zone on every row: reported once, with a count', async () => {
    expect((await read('zoneless-every-row.csv')).text).toMatchInlineSnapshot(`
      "data/sli/zoneless-every-row.csv:2:1: error: timestamp "2026-07-01 00:00:00" has no time zone, nor have the 2 rows after it [csv-bad-timestamp]
        hint: add an offset in the export (e.g. 2026-07-01T00:00:00Z), or say which zone it is in with sli.timezone in the SLO api-availability (e.g. timezone: UTC)"
    `);
  });

  it('a JSON file where a CSV export was expected', async () => {
    expect((await read('prometheus-range-query.json')).text).toMatchInlineSnapshot(`
      "data/sli/prometheus-range-query.json:1:1: error: data/sli/prometheus-range-query.json looks like JSON, not a CSV export [csv-syntax]
        hint: convert it to CSV first, e.g. a Prometheus range query to timestamp,series,value with one row per [timestamp, value] pair of each series"
    `);
  });

  it('an empty file', async () => {
    expect((await read('empty.csv')).text).toMatchInlineSnapshot(`
      "data/sli/empty.csv: error: data/sli/empty.csv is empty: an export needs a header line and rows [csv-empty]
        hint: export again: the file needs a header line (e.g. timestamp,series,good,total) and at least one row"
    `);
  });

  it('bad events greater than total', async () => {
    expect((await read('bad-greater-than-total.csv', { good: null, bad: 'errors', total: 'requests' })).text)
      .toMatchInlineSnapshot(`
      "data/sli/bad-greater-than-total.csv:3:3: error: errors (101) is greater than requests (100) [csv-good-greater-than-total]
        hint: check the column mapping of SLO api-availability, or fix the export"
    `);
  });

  it('lists the first twenty problems of a file and counts the rest', async () => {
    const r = await read('twenty-five-non-numbers.csv');
    expect(r.diagnostics).toHaveLength(21);
    expect(r.text.split('\n').slice(-4).join('\n')).toMatchInlineSnapshot(`
      "data/sli/twenty-five-non-numbers.csv:21:3: error: good is "n/a?", not a number [csv-bad-number]
        hint: counts are decimal numbers ≥ 0, e.g. 1203; use an empty field, null or NaN for a missing value
      data/sli/twenty-five-non-numbers.csv: error: 5 more problems in this file are not listed [csv-too-many-problems]
        hint: fix the ones above first: they usually share one cause"
    `);
  });
});

describe('an SLO reading several files', () => {
  it('names both files of a timestamp repeated across them', async () => {
    const acc = createSliAccumulator({
      sloId: 'api-availability',
      mapping: sliMapping({ source: 'sli/split-duplicate/*.csv' }),
    });
    for (const part of ['part-1.csv', 'part-2.csv']) {
      const r = await readSliCsv(fixture(`split-duplicate/${part}`), `data/sli/split-duplicate/${part}`, [
        acc,
      ]);
      expect(r.diagnostics).toEqual([]);
    }
    expect((await diagnoseSliAccumulator(acc)).map(formatDiagnostic).join('\n')).toMatchInlineSnapshot(`
      "data/sli/split-duplicate/part-2.csv:3:1: error: timestamp 2026-07-01T01:00:00Z of series api appears twice: data/sli/split-duplicate/part-1.csv:3 and line 3 [csv-duplicate-row]
        hint: remove one of the rows, or set sli.duplicates: sum | last in the SLO api-availability"
    `);
    // The first row of 01:00 is kept; 00:00, 01:00, 02:00 remain.
    expect(listed(finishSliAccumulator(acc)).buckets.map((b) => b.good)).toEqual([90, 95, 97]);
  });

  it('says when no file has the series', async () => {
    const acc = createSliAccumulator({
      sloId: 'api-availability',
      mapping: sliMapping({ source: 'sli/split-duplicate/*.csv', series: 'web' }),
    });
    for (const part of ['part-1.csv', 'part-2.csv'])
      await readSliCsv(fixture(`split-duplicate/${part}`), `data/sli/split-duplicate/${part}`, [acc]);
    expect((await diagnoseSliAccumulator(acc)).map(formatDiagnostic).join('\n')).toMatchInlineSnapshot(`
      "data/sli/split-duplicate/part-1.csv: error: none of the 2 files matching sli/split-duplicate/*.csv has a row with series = "web" (SLO api-availability) [csv-no-series]
        hint: check sli.series against the values of the series column"
    `);
  });
});

describe('the aggregate cache', () => {
  it('serves an unchanged file without parsing it, with the same buckets and problems; a new mapping is a miss', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'ledger-cache-test-'));
    try {
      const first = await read('problems-in-both-halves.csv', {}, { cacheDir });
      const second = await read('problems-in-both-halves.csv', {}, { cacheDir });
      expect([first.cached, second.cached]).toEqual([false, true]);
      expect(second.aggregates).toEqual(first.aggregates);
      expect(second.text).toBe(first.text);
      expect(second.rows).toBe(first.rows);
      const summed = await read('problems-in-both-halves.csv', { duplicates: 'sum' }, { cacheDir });
      expect(summed.cached).toBe(false);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('a threshold SLI keeps the value each step measured (issue 12 item 15)', () => {
  const p99 = {
    series: null,
    good: null,
    total: null,
    value: 'p99_ms',
    threshold: { op: 'lte', value: 300 },
  } as const;
  // p99-per-hour-newest-first.csv, sorted: 198.25 ≤ 300 good, 305 bad, 02:00 empty (missing),
  // 212 good, 480.5 bad.
  const expected = [
    { startMs: T0, good: 1, total: 1, value: 198.25 },
    { startMs: T0 + HOUR, good: 0, total: 1, value: 305 },
    { startMs: T0 + 3 * HOUR, good: 1, total: 1, value: 212 },
    { startMs: T0 + 4 * HOUR, good: 0, total: 1, value: 480.5 },
  ];

  it('through the sort of rows written newest first, by one thread or several', async () => {
    const one = await read('p99-per-hour-newest-first.csv', p99, { parallelAbove: Infinity });
    expect(one.diagnostics).toEqual([]);
    expect(one.aggregates[0]?.buckets).toEqual(expected);
    const three = await read('p99-per-hour-newest-first.csv', p99, { parallelAbove: 0, threads: 3 });
    expect(three.aggregates[0]?.buckets).toEqual(expected);
  });

  it('through the aggregate cache', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'ledger-cache-test-'));
    try {
      const first = await read('p99-per-hour-newest-first.csv', p99, { cacheDir });
      const second = await read('p99-per-hour-newest-first.csv', p99, { cacheDir });
      expect([first.cached, second.cached]).toEqual([false, true]);
      expect(second.aggregates[0]?.buckets).toEqual(expected);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('a count SLI has no value', async () => {
    const r = await read('newest-first-two-series.csv');
    expect(r.aggregates[0]?.buckets.every((b) => !('value' in b))).toBe(true);
  });
});

describe('daily exports: a date alone', () => {
  const daily = sliMapping({
    timestampColumn: 'day',
    series: null,
    good: null,
    bad: 'minutes_down',
    total: 'minutes',
  });
  async function readDaily(over: Partial<SliMapping>, siteZone: string | null) {
    const acc = createSliAccumulator({ sloId: 'site-uptime', mapping: { ...daily, ...over }, siteZone });
    const name = 'daily-downtime-minutes-date-only.csv';
    const result = await readSliCsv(fixture(name), `data/sli/${name}`, [acc]);
    return { ...result, aggregate: listed(finishSliAccumulator(acc)) };
  }

  it('is the start of that day in the site zone, with a daily step', async () => {
    const r = await readDaily({}, 'Europe/London');
    expect(r.diagnostics).toEqual([]);
    // 1 April 2025 is summer time in London (BST, UTC+1 since 30 March): its midnight is 23:00Z on 31 March.
    expect(r.aggregate.buckets[0]).toEqual({ startMs: Date.UTC(2025, 2, 31, 23), good: 1440, total: 1440 });
    // 5 April: 12 minutes down of 1,440.
    expect(r.aggregate.buckets[4]).toEqual({ startMs: Date.UTC(2025, 3, 4, 23), good: 1428, total: 1440 });
    expect(r.aggregate.buckets).toHaveLength(30);
    expect(r.aggregate.stepMs).toBe(86_400_000);
    expect(r.notes).toEqual([
      'SLO site-uptime: timestamps are dates alone, read as the start of each day in Europe/London (the site zone; sli.timezone names another), each row covering one day',
    ]);
  });

  it("is the start of the day in the SLO's own zone when sli.timezone names one", async () => {
    const r = await readDaily({ timezone: 'America/New_York' }, 'Europe/London');
    // Midnight EDT (UTC−4) on 1 April 2025 is 04:00Z.
    expect(r.aggregate.buckets[0]?.startMs).toBe(Date.UTC(2025, 3, 1, 4));
  });

  it('keeps a declared step', async () => {
    const r = await readDaily({ stepMs: 3_600_000 }, 'UTC');
    expect(r.aggregate.stepMs).toBe(3_600_000);
  });
});

describe('one message per defect when two SLOs read one export', () => {
  it('names both SLOs in one time-zone error', async () => {
    const accs = ['api', 'web'].map((series) =>
      createSliAccumulator({ sloId: `${series}-availability`, mapping: sliMapping({ series }) }),
    );
    const name = 'zoneless-read-by-two-slos.csv';
    const r = await readSliCsv(fixture(name), `data/sli/${name}`, accs);
    expect(r.diagnostics.map(formatDiagnostic).join('\n')).toMatchInlineSnapshot(`
      "data/sli/zoneless-read-by-two-slos.csv:2:1: error: timestamp "2026-07-01 00:00:00" has no time zone, nor have the 5 rows after it [csv-bad-timestamp]
        hint: add an offset in the export (e.g. 2026-07-01T00:00:00Z), or say which zone it is in with sli.timezone in the SLOs api-availability, web-availability (e.g. timezone: UTC)"
    `);
  });

  it('reports a bad count in a column both read once', async () => {
    const accs = ['api', 'web'].map((s) =>
      createSliAccumulator({
        sloId: `${s}-availability`,
        mapping: sliMapping({ timestampColumn: 'Time', series: null, good: `${s}_ok`, total: 'requests' }),
      }),
    );
    const name = 'shared-total-column-not-a-number.csv';
    const r = await readSliCsv(fixture(name), `data/sli/${name}`, accs);
    expect(r.diagnostics.map(formatDiagnostic).join('\n')).toMatchInlineSnapshot(`
      "data/sli/shared-total-column-not-a-number.csv:3:4: error: requests is "n/a?", not a number [csv-bad-number]
        hint: counts are decimal numbers ≥ 0, e.g. 1203; use an empty field, null or NaN for a missing value"
    `);
  });
});
