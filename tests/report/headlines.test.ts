/**
 * The generated headline sentences and figures of SPEC §9.1 on the small fixture ledger, whose
 * figures are worked out in tests/integration/build.test.ts: 2026-Q2 spent 100 of 91 allowed
 * failures of shop-availability; two incidents (the public SEV2 of 10 May, 90 min, and the internal
 * SEV3 of 2 June, 60 min); one action item, done. 2026-Q3 to 15 July: 4 of 14 allowed failures.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLedgerInputs } from '../../src/ingest/ledger-inputs.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { headlineFigures, headlineSentences } from '../../src/report/headlines.ts';
import { buildLedgerReport, findQuarter } from '../../src/report/quarter-report.ts';

const root = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
const { inputs } = await readLedgerInputs(
  ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
);
if (inputs === null) throw new Error('fixture did not load');
const report = buildLedgerReport(inputs);
const q2 = findQuarter(report, '2026-Q2');
const q3 = findQuarter(report, '2026-Q3');
if (!q2 || !q3) throw new Error('quarters missing');

describe('headline sentences', () => {
  it('a complete quarter: objectives missed, the worst budget and where it went, the policy, the incidents', () => {
    expect(headlineSentences(q2, null, null)).toEqual([
      // 100/91 = 109.9% truncated; the 10 May outage holds all of it.
      '1 of 2 SLOs missed their objective. “Shop pages load” spent 109% of its error budget (100 of 91 allowed failed requests), most of it in “Shop pages failed after a cache eviction storm”.',
      '“Shop pages load” is over budget: feature launches pause.',
      // Median of 90 and 60 min is 75 min; the internal incident counts without being named.
      '2 incidents (1 SEV2); time to restore median 1 h 15 min. 1 of 1 action items done, 0 overdue.',
    ]);
  });

  it('a quarter in progress: over budget so far, burn outside any incident, no incidents yet', () => {
    expect(headlineSentences(q3, q2, q2.label)).toEqual([
      // 4/14 = 28.57% truncated to 28%.
      '0 of 2 SLOs are over budget so far. “Shop pages load” spent 28% of its error budget (4 of 14 allowed failed requests), most of it outside any written-up incident.',
      'Every SLO with enough data is within budget: ship as planned.',
      'No incidents were written up in July–September 2026. No action items were opened.',
    ]);
  });
});

describe('headline sentences at many SLOs', () => {
  // The 2026-Q2 shop-availability row (exhausted, 100 of 91) nine times, each spending a little
  // more: "Shop 9" spent most, then 8 and 7; and three at-risk copies of shop-checkout.
  const over = Array.from({ length: 9 }, (_, i) => ({
    ...q2.slos[0]!,
    id: `shop-${i + 1}`,
    name: `Shop ${i + 1}`,
    status: 'exhausted' as const,
    consumed: 1.1 + i / 100,
  }));
  const risky = Array.from({ length: 3 }, (_, i) => ({
    ...q2.slos[1]!,
    id: `risk-${i + 1}`,
    name: `Risk ${i + 1}`,
    status: 'at-risk' as const,
    consumed: 0.8 + i / 100,
  }));
  const many = { ...q2, slos: [...over, ...risky] };

  it('counts the over-budget SLOs, led by the three that spent most, and the at-risk ones in one sentence', () => {
    expect(headlineSentences(many, null, null)[1]).toBe(
      '9 SLOs are over budget, led by “Shop 9”, “Shop 8” and “Shop 7”: feature launches pause. ' +
        '3 SLOs are at risk, led by “Risk 3” with 82% of its budget spent.',
    );
  });
});

describe('headline figures against the previous quarter', () => {
  const figures = headlineFigures(report, '2026-Q3');
  const byName = Object.fromEntries(figures.map((f) => [f.name, f]));

  it('two incidents to none is −100%, and fewer incidents is better', () => {
    expect(byName['incidents']?.change).toEqual({
      text: '−100%',
      direction: 'better',
      baseline: 'vs April–June 2026',
    });
  });

  it('does not compare a quarter in progress with a complete one on objectives met', () => {
    expect(byName['objectives']).toMatchObject({ text: '2 of 2', label: 'SLOs within budget', change: null });
  });

  it('has no time to restore without incidents', () => {
    expect(byName['ttr-median']).toMatchObject({ value: null, text: 'no incidents', change: null });
  });
});
