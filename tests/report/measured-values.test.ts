/**
 * What a threshold SLI measured, per quarter, from tests/fixtures/ledgers/threshold-latency-split-files
 * (issue 12 item 15): p99_ms ≤ 300, hourly, in two files across the end of June, the July file
 * newest first. Worked by hand:
 * - 2026-Q2: 120, 310, 150 → sorted 120, 150, 310: median 150, worst 310, 1 of 3 hours over 300;
 * - 2026-Q3 (to the as-of time 04:00 on 1 July): 200, 450.5, 180, 299 → sorted 180, 200, 299, 450.5:
 *   the middle pair is 200 and 299 and the worse is 299; worst 450.5, printed 451 (rounded up);
 *   1 of 4 hours over 300.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { buildLedgerReport, findQuarter } from '../../src/report/quarter-report.ts';
import { measuredTextOf } from '../../src/report/measured-text.ts';
import { reviewJson } from '../../src/report/review-json.ts';

const root = fileURLToPath(new URL('../fixtures/ledgers/threshold-latency-split-files/', import.meta.url));

async function report() {
  const { ledger, diagnostics } = await loadLedger(
    ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
  );
  // Three hours of a quarter are a coverage warning, not an error.
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (ledger === null) throw new Error('fixture did not load');
  return buildLedgerReport(ledger);
}

const common = {
  column: 'p99_ms',
  condition: 'p99_ms ≤ 300',
  op: '≤',
  threshold: 300,
  worstIs: 'highest',
  stepMs: 3_600_000,
};

describe('the measured values of a threshold SLI, per quarter', () => {
  it('fold the rows of each quarter, read from two files, one newest first', async () => {
    const r = await report();
    expect(r.asOf).toBe('2026-07-01T04:00:00.000Z');
    expect(r.measured).toEqual({
      '2026-Q2': { 'search-latency': { ...common, steps: 3, breached: 1, median: 150, worst: 310 } },
      '2026-Q3': { 'search-latency': { ...common, steps: 4, breached: 1, median: 299, worst: 450.5 } },
    });
  });

  it('are said in words, rounded toward worse', async () => {
    const r = await report();
    expect(measuredTextOf(r, '2026-Q3', 'search-latency')).toBe(
      'p99 per hour: median 299 ms, worst 451 ms; 1 of 4 hours missed p99 ≤ 300 ms',
    );
    expect(measuredTextOf(r, '2026-Q3', 'no-such-slo')).toBeNull();
  });

  it('reach the review JSON as slos[].measured, beside the figures a closed quarter publishes', async () => {
    const r = await report();
    const q2 = findQuarter(r, '2026-Q2');
    if (q2 === undefined) throw new Error('no 2026-Q2');
    expect('measured' in (q2.slos[0] ?? {})).toBe(false);
    const json = reviewJson(r, q2) as { slos: { measured: unknown }[] };
    expect(json.slos[0]?.measured).toMatchObject({ median: 150, worst: 310 });
  });
});
