/** Named figures for review components, on the small fixture ledger (figures in tests/integration/build.test.ts). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { formatMetric, metricDelta, resolveMetric } from '../../src/report/metric.ts';
import { buildLedgerReport, type LedgerReport } from '../../src/report/quarter-report.ts';

const root = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
const { ledger: inputs } = await loadLedger(
  ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
);
if (inputs === null) throw new Error('fixture did not load');
const report = buildLedgerReport(inputs);

describe('named figures', () => {
  it.each([
    // 90,900 / 91,000 = 0.998901…, one decimal more than 99.9%, truncated.
    ['shop-availability.attainment', '2026-Q2', '99.89%'],
    ['shop-availability.objective', '2026-Q2', '99.9%'],
    // 100 / 91 = 109.89% spent, rounded up to 110% (SPEC §9.2: spent never flatters), so 10% over;
    // 100 failures of the 91 allowed.
    [
      'shop-availability.remaining',
      '2026-Q2',
      '110% spent (10% over budget: 100 of 91 allowed failed requests)',
    ],
    ['shop-availability.consumed', '2026-Q2', '110%'],
    ['incidents', '2026-Q2', '2'],
    // Median of 90 and 60 minutes.
    ['ttr-median', '2026-Q2', '1 h 15 min'],
    ['slos-missed', '2026-q2', '1'],
  ])('%s in %s is written %s', (name, quarter, text) => {
    expect(formatMetric(resolveMetric(report, quarter, name))).toBe(text);
  });

  it('compares attainment with its objective in percentage points: 99.8901% is 0.01 pp worse than 99.9%', () => {
    expect(
      metricDelta(report, { quarter: '2026-Q2', metric: 'shop-availability.attainment', vs: 'objective' }),
    ).toMatchObject({
      text: '−0.01 pp',
      direction: 'worse',
      baseline: 'vs objective 99.9%',
    });
  });

  it('compares counts with the previous quarter as a relative change: 2 incidents to none is −100%, better', () => {
    expect(metricDelta(report, { quarter: '2026-Q3', metric: 'incidents', vs: 'previous' })).toMatchObject({
      text: '−100%',
      direction: 'better',
      baseline: 'vs April–June 2026',
    });
  });

  it('has no previous quarter for the first one', () => {
    expect(metricDelta(report, { quarter: '2026-Q2', metric: 'incidents', vs: 'previous' })).toBeNull();
  });

  it('refuses a name that does not resolve, listing what does', () => {
    expect(() =>
      resolveMetric(report, '2026-Q2', 'shop-availabilty.attainment'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: unknown metric "shop-availabilty.attainment" in 2026-Q2; use one of incidents, ttr-median, ttr-p90, ttd-median, ttd-p90, action-items-open, action-items-done, action-items-overdue, slos-met, slos-missed, deployments-per-week, change-fail-rate, or <slo>.<field> with a field among attainment, objective, consumed, remaining, burn-rate, coverage, nines, events, unattributed and an SLO among shop-availability, shop-checkout]`,
    );
    expect(() => resolveMetric(report, '2025-Q1', 'incidents')).toThrow(
      'no quarter "2025-Q1" in this ledger; quarters: 2026-Q2, 2026-Q3',
    );
  });

  describe('a printed change is the difference of the printed values (issue 12 item 14)', () => {
    const withAttainments = (q2: number, q3: number): LedgerReport => ({
      ...report,
      quarters: report.quarters.map((q, i) => ({
        ...q,
        slos: q.slos.map((s) => (s.id === 'shop-availability' ? { ...s, attainment: i === 0 ? q2 : q3 } : s)),
      })),
    });
    it('99.9699% → 99.9701% prints 99.96% → 99.97%: +0.01 pp, not "no change"', () => {
      const r = withAttainments(0.999699, 0.999701);
      expect(formatMetric(resolveMetric(r, '2026-Q2', 'shop-availability.attainment'))).toBe('99.96%');
      expect(formatMetric(resolveMetric(r, '2026-Q3', 'shop-availability.attainment'))).toBe('99.97%');
      expect(
        metricDelta(r, { quarter: '2026-Q3', metric: 'shop-availability.attainment', vs: 'previous' })?.text,
      ).toBe('+0.01 pp');
    });
    it('99.9600% → 99.9699% prints 99.96% twice: "no change", not +0.01 pp', () => {
      const r = withAttainments(0.9996, 0.999699);
      expect(
        metricDelta(r, { quarter: '2026-Q3', metric: 'shop-availability.attainment', vs: 'previous' }),
      ).toMatchObject({
        text: 'no change',
        direction: 'same',
      });
    });
  });
});
