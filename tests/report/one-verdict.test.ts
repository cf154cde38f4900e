/**
 * One verdict (SPEC §6.2, issue 12 item 6) on a real-shaped sparse export: a timeslice SLO whose
 * hourly readings cover 611 of 2026-Q2's 2,184 hours (91 days × 24), 27.98% — "28%".
 * tests/fixtures/ledgers/sparse-timeslice/data/sli/sensor.csv: the first 11 hours have 50 of 60
 * readings on time (83% < the 95% slice target: bad), the other 600 hours 60 of 60 (good).
 *
 * Worked by hand, objective 99%:
 *   A = 600 / 611 = 98.199% < 99%: missed.
 *   Budget over the time the data covers: 0.01 × 611 h = 6.11 h = 366.6 min (M = 1,573 h missing).
 *   C = 11 h / 6.11 h = 1.8003: exhausted, which agrees with "missed".
 *   The rule before gave 0.01 × 2,184 h = 21.84 h = 1,310.4 min and C = 11/21.84 = 0.5037:
 *   "healthy · objective missed · ship as planned".
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { buildLedgerReport, findQuarter } from '../../src/report/quarter-report.ts';

const root = fileURLToPath(new URL('../fixtures/ledgers/sparse-timeslice/', import.meta.url));
const { ledger: inputs } = await loadLedger(
  ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
);
if (inputs === null) throw new Error('fixture did not load');
const q2 = findQuarter(buildLedgerReport(inputs), '2026-Q2');
const sensor = q2?.slos.find((s) => s.id === 'sensor-readings');

describe('a timeslice SLO at 28% coverage', () => {
  it('covers 611 of 2,184 hours', () => {
    expect(q2?.state).toBe('complete');
    expect(sensor?.coverage).toBeCloseTo(611 / 2184, 12);
    expect([sensor?.goodSlices, sensor?.badSlices, sensor?.missingSlices]).toEqual([600, 11, 1573]);
  });

  it('is budgeted over the 611 hours its data covers: 366.6 minutes, not 1,310.4', () => {
    expect(sensor?.budgetMinutes).toBeCloseTo(366.6, 9);
    expect(sensor?.consumed).toBeCloseTo(11 / 6.11, 12);
  });

  it('no longer shows "healthy · objective missed": missed and exhausted, with the exhausted policy', () => {
    expect(sensor?.attainment).toBe(600 / 611);
    expect(sensor?.met).toBe(false);
    expect(sensor?.status).toBe('exhausted');
    expect(sensor?.policyText).not.toContain('ship as planned');
  });
});
