/**
 * "How these figures are computed" (issue 15) on the small fixture ledger, whose figures are worked
 * out in tests/integration/build.test.ts: in 2026-Q2 shop-availability (99.9%, occurrences) had
 * 91,000 events of which 100 failed, so a budget of 0.1% × 91,000 = 91 and 100/91 = 109.9% spent.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { buildLedgerReport } from '../../src/report/quarter-report.ts';
import { buildMethodPage, methodAnchor } from '../../src/site/method-page.ts';

const root = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
const { ledger: inputs } = await loadLedger(
  ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
);
if (inputs === null) throw new Error('fixture did not load');
const report = buildLedgerReport(inputs);
const page = buildMethodPage({
  report,
  settings: inputs.settings,
  catalog: inputs.catalog,
  exclusionCount: inputs.exclusions.length,
  closed: new Map(),
});
const byId = (id: string) => page.sections.find((s) => s.id === id);

describe('the method page', () => {
  it('explains only the budgeting methods in use, each with a worked example from the site’s figures', () => {
    expect(byId(methodAnchor('occurrences'))?.example).toEqual({
      caption: 'Shop pages load (shop-availability), April–June 2026',
      steps: [
        '90,900 good events of 91,000, so 100 bad.',
        'Attainment = 90,900 ÷ 91,000 = 99.89% against an objective of 99.9%.',
        'Error budget = (1 − 99.9%) × 91,000 = 91 bad events allowed.',
        // 100/91 = 109.9%, and 9 failures over budget; percentages as the scorecard writes them.
        // 100 / 91 = 109.89%, rounded up (spent never flatters).
        'Consumed = 100 ÷ 91 = 110% spent, rounded up; remaining = 1 − consumed: 110% spent (10% over budget: 100 of 91 allowed failed requests).',
      ],
    });
    expect(byId(methodAnchor('timeslices'))).toBeUndefined();
    expect(byId(methodAnchor('ratio-timeslices'))).toBeUndefined();
  });

  it('states the policy thresholds and texts from the settings, and the as-of time of the data', () => {
    const policy = byId(methodAnchor('policy'));
    expect(policy?.paragraphs[0]).toContain('at risk when 25% of its budget or less is left');
    expect(policy?.items[0]).toBe('Healthy: Within budget: ship as planned.');
    expect(byId(methodAnchor('as-of'))?.paragraphs[0]).toContain('as of 15 Jul 2026 00:00 UTC');
    expect(byId(methodAnchor('closed-quarters'))?.paragraphs[1]).toBe('No quarter is closed yet.');
  });

  it('gives each low-traffic threshold with the SLOs it applies to: 1 ÷ (1 − objective) by default', () => {
    expect(byId(methodAnchor('insufficient-data'))?.items).toEqual([
      'fewer than 100 events: Checkout requests succeed',
      'fewer than 1,000 events: Shop pages load',
    ]);
  });
});
