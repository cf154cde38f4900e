/**
 * The quarter report built from real fixture files, with the figures worked out by hand in
 * tests/integration/build.test.ts's header (the same small ledger).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { buildLedgerReport, findQuarter } from '../../src/report/quarter-report.ts';

const ledger = (name: string) => fileURLToPath(new URL(`../fixtures/ledgers/${name}/`, import.meta.url));

async function load(name: string) {
  const root = ledger(name);
  const { ledger: inputs, diagnostics } = await loadLedger(
    ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
  );
  expect(diagnostics).toEqual([]);
  if (inputs === null) throw new Error('fixture did not load');
  return inputs;
}

describe('the quarter report of the small ledger', () => {
  it('takes as-of from the end of the latest row: 2026-07-14 + one day', async () => {
    const report = buildLedgerReport(await load('small'));
    expect(report.asOf).toBe('2026-07-15T00:00:00.000Z');
    expect(report.quarters.map((q) => [q.quarter, q.state])).toEqual([
      ['2026-Q2', 'complete'],
      ['2026-Q3', 'in-progress'],
    ]);
  });

  it('spends 100 of 91 allowed failures in 2026-Q2', async () => {
    const q2 = findQuarter(buildLedgerReport(await load('small')), '2026-q2');
    const shop = q2?.slos.find((s) => s.id === 'shop-availability');
    expect(shop).toMatchObject({ good: 90_900, total: 91_000, status: 'exhausted', met: false, coverage: 1 });
    expect(shop?.consumed).toBeCloseTo(100 / 91, 12);
    expect((shop?.consumed ?? 0) + (shop?.remaining ?? 0)).toBe(1);
  });

  it('lists only the public postmortem in a public build, with TTD 6 min and TTR 90 min', async () => {
    const q2 = findQuarter(buildLedgerReport(await load('small')), '2026-Q2');
    expect(q2?.incidents.map((i) => [i.id, i.ttdMinutes, i.ttrMinutes, i.resolveMinutes])).toEqual([
      ['2026-05-10-shop-outage', 6, 90, 240],
    ]);
  });

  it('attributes the day of the outage to it: all 100 bad events, 100/91 of the budget, none unattributed', async () => {
    // Daily rows: the 10 May row covers the whole day, which overlaps 08:00–09:30.
    const q2 = findQuarter(buildLedgerReport(await load('small')), '2026-Q2');
    expect(q2?.incidents[0]?.budgetConsumed['shop-availability']).toBeCloseTo(100 / 91, 12);
    expect(q2?.slos.find((s) => s.id === 'shop-availability')?.unattributedConsumed).toBe(0);
    // The internal vendor incident (2 June, 10:00–11:00) is not listed but still takes the
    // checkout's 10 errors of that day: nothing of shop-checkout's budget is unattributed.
    expect(q2?.slos.find((s) => s.id === 'shop-checkout')?.unattributedConsumed).toBe(0);
  });

  it('counts the internal incident in the figures without listing it (SPEC §13)', async () => {
    const q2 = findQuarter(buildLedgerReport(await load('small')), '2026-Q2');
    expect(q2?.incidentSummary).toEqual({
      incidents: 2,
      bySeverity: { SEV1: 0, SEV2: 1, SEV3: 1, SEV4: 0 },
      // TTRs 90 and 60 min: median 75; nearest-rank p90 of two values is the larger.
      ttrMedianMinutes: 75,
      ttrP90Minutes: 90,
      // TTDs 6 and 20 min.
      ttdMedianMinutes: 13,
      ttdP90Minutes: 20,
      // 91 days = 2,184 h, less 1.5 h + 1 h of impact, over 2 incidents: 1,090.75 h.
      mtbfHours: 1090.75,
    });
    expect(q2?.actionItems).toEqual({ opened: 1, done: 1, open: 0, overdue: 0 });
  });

  it('honours --as-of: at 2026-07-01T00:00Z the second quarter is complete and the third has not begun', async () => {
    const report = buildLedgerReport(await load('small'), { asOfMs: Date.UTC(2026, 6, 1) });
    expect(report.quarters.map((q) => [q.quarter, q.state])).toEqual([['2026-Q2', 'complete']]);
  });

  it('gives the same SLO figures when a CSV is split into two files, one newest-first', async () => {
    const whole = buildLedgerReport(await load('small'));
    const split = buildLedgerReport(await load('split-files'));
    expect(split.asOf).toBe(whole.asOf);
    expect(split.quarters.map((q) => q.slos)).toEqual(whole.quarters.map((q) => q.slos));
  });

  it('never writes NaN or Infinity into the JSON', async () => {
    const report = buildLedgerReport(await load('small'));
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/NaN|Infinity/);
    // JSON.stringify turns NaN and ±Infinity into null; a round trip would hide them, so compare.
    expect(JSON.parse(json)).toEqual(
      JSON.parse(
        JSON.stringify(report, (_k, v: unknown) =>
          typeof v === 'number' && !Number.isFinite(v) ? 'BAD' : v,
        ),
      ),
    );
  });
});
