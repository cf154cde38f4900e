/**
 * An SLO has a life (SPEC §4 `since`, §6.1; issue 12 item 5), on tests/fixtures/ledgers/slo-life:
 * - shop-availability has rows from 1 April 2026 and no `since`: it starts with 2026-Q2;
 * - shop-search has rows from 1 April too, but `since: 2026-07-01`: it is not part of 2026-Q2;
 * - one incident on 20 November 2025, before any SLO: 2025-Q4 gets a review for it, while
 *   2026-Q1 (no SLO yet, no incident) gets none.
 * Data runs to 14 July 2026, so as-of is 15 July and 2026-Q3 is in progress.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { buildLedgerReport, findQuarter } from '../../src/report/quarter-report.ts';

const root = fileURLToPath(new URL('../fixtures/ledgers/slo-life/', import.meta.url));
const { ledger: inputs } = await loadLedger(
  ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
);
if (inputs === null) throw new Error('fixture did not load');
const report = buildLedgerReport(inputs);

describe('which quarters exist', () => {
  it('a quarter before every SLO exists only for its incident; an empty one does not exist', () => {
    expect(report.quarters.map((q) => q.quarter)).toEqual(['2025-Q4', '2026-Q2', '2026-Q3']);
    expect(findQuarter(report, '2026-Q1')).toBeUndefined();
  });

  it('the incident quarter has the incident and no SLO', () => {
    const q4 = findQuarter(report, '2025-Q4');
    expect(q4?.slos).toEqual([]);
    expect(q4?.incidents.map((i) => i.id)).toEqual(['2025-11-20-shop-outage']);
  });

  it('the first SLO quarter names the incident quarter as the one before it', () => {
    expect(findQuarter(report, '2026-Q2')?.previousQuarter).toBe('2025-Q4');
  });

  it('reportingSince 2026-01-01 drops the incident quarter too', () => {
    const later = buildLedgerReport({
      ...inputs,
      settings: { ...inputs.settings, reportingSince: '2026-01-01' },
    });
    expect(later.quarters.map((q) => q.quarter)).toEqual(['2026-Q2', '2026-Q3']);
    expect(findQuarter(later, '2026-Q2')?.previousQuarter).toBeNull();
  });
});

describe('which SLOs a quarter holds', () => {
  it('before its `since` an SLO is not part of the quarter, not "insufficient data"', () => {
    expect(findQuarter(report, '2026-Q2')?.slos.map((s) => s.id)).toEqual(['shop-availability']);
  });

  it('from its `since` it is, with the quarter its rows give it: 14 days of 99 of 100', () => {
    const search = findQuarter(report, '2026-Q3')?.slos.find((s) => s.id === 'shop-search');
    expect(search).toMatchObject({ good: 1386, total: 1400, attainment: 0.99 });
  });

  it('reportingSince is a floor: 2026-08-01 keeps 2026-Q3 and leaves every SLO in it', () => {
    const later = buildLedgerReport({
      ...inputs,
      settings: { ...inputs.settings, reportingSince: '2026-08-01' },
    });
    expect(later.quarters.map((q) => q.quarter)).toEqual(['2026-Q3']);
    expect(later.quarters[0]?.slos.map((s) => s.id)).toEqual(['shop-availability', 'shop-search']);
  });
});

describe('an occurrence SLO in progress (SPEC §6.2)', () => {
  it("its JSON budget is the whole quarter's at the traffic so far: 0.001 × 14,000 × 92/14 = 92", () => {
    const shop = findQuarter(report, '2026-Q3')?.slos.find((s) => s.id === 'shop-availability');
    expect(shop?.budget).toBe(92);
    expect(shop?.consumed).toBe(0);
  });
});
