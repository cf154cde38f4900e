/**
 * The generated headline sentences and figures of SPEC §9.1 on the small fixture ledger, whose
 * figures are worked out in tests/integration/build.test.ts: 2026-Q2 spent 100 of 91 allowed
 * failures of shop-availability; two incidents (the public SEV2 of 10 May, 90 min, and the internal
 * SEV3 of 2 June, 60 min); one action item, done. 2026-Q3 to 15 July: 4 failures of 14,000 requests
 * in 14 days, so the whole quarter's budget at that traffic is 0.001 × 14,000 × 92/14 = 92 (SPEC §6.2).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { headlineFigures, headlineSentences, reviewIndexLine } from '../../src/report/headlines.ts';
import { buildLedgerReport, findQuarter } from '../../src/report/quarter-report.ts';

const root = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
const { ledger: inputs } = await loadLedger(
  ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
);
if (inputs === null) throw new Error('fixture did not load');
const report = buildLedgerReport(inputs);
const q2 = findQuarter(report, '2026-Q2');
const q3 = findQuarter(report, '2026-Q3');
if (!q2 || !q3) throw new Error('quarters missing');

describe('headline sentences', () => {
  it('a complete quarter: objectives missed, the worst budget and where it went, the policy, the incidents', () => {
    expect(headlineSentences(q2, null)).toEqual([
      // 100/91 = 109.9%, rounded up to 110% (SPEC §9.2: spent never flatters), so 10% over; the
      // 10 May outage holds all of it.
      '1 of 2 SLOs missed their objective. “Shop pages load” spent 110% of its error budget (10% over budget: 100 of 91 allowed failed requests), most of it in “Shop pages failed after a cache eviction storm”.',
      '“Shop pages load” is over budget: feature launches pause.',
      // Median of 90 and 60 min is 75 min; the internal incident counts without being named.
      '2 incidents (1 SEV2); time to restore median 1 h 15 min. 1 of 1 action items done, 0 overdue.',
    ]);
  });

  it('a quarter in progress: over budget so far, burn outside any incident, no incidents yet', () => {
    expect(headlineSentences(q3, q2)).toEqual([
      // 4 of the quarter's whole budget of 92: 4.35%, rounded up to 5% (spent never flatters).
      '0 of 2 SLOs are over budget so far. “Shop pages load” spent 5% of its error budget (4 of 92 allowed failed requests), most of it outside any written-up incident.',
      'Every SLO is within budget: ship as planned.',
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
    expect(headlineSentences(many, null)[1]).toBe(
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

  it('counts an at-risk SLO as within budget, as the label says, and names it (issue 12 item 10)', () => {
    const atRisk = {
      ...report,
      quarters: report.quarters.map((q) =>
        q.quarter === '2026-Q3'
          ? { ...q, slos: q.slos.map((s, i) => (i === 0 ? { ...s, status: 'at-risk' as const } : s)) }
          : q,
      ),
    };
    const card = headlineFigures(atRisk, '2026-Q3').find((f) => f.name === 'objectives');
    expect(card).toMatchObject({ label: 'SLOs within budget', text: '2 of 2', detail: '1 at risk' });
  });

  it('does not compare a quarter in progress with a complete one on objectives met', () => {
    expect(byName['objectives']).toMatchObject({ text: '2 of 2', label: 'SLOs within budget', change: null });
  });

  it('has no time to restore without incidents', () => {
    expect(byName['ttr-median']).toMatchObject({ value: null, text: 'no incidents', change: null });
  });
});

const gapRoot = fileURLToPath(new URL('../fixtures/ledgers/empty-quarter/', import.meta.url));
const gap = await loadLedger(
  ledgerPaths({ data: `${gapRoot}data`, content: `${gapRoot}content`, cwd: gapRoot }),
);
if (gap.ledger === null) throw new Error('fixture did not load');
const gapReport = buildLedgerReport(gap.ledger);

/**
 * tests/fixtures/ledgers/empty-quarter: daily Upptime-style rows (minutes up of 1,440) and daily p99
 * latencies for 1–10 Jan and 1–15 Jul 2026, nothing in April–June; a SEV2 from 30 Jun 21:00 to
 * 1 Jul 03:00 UTC began in April–June and burned July–September's budget.
 */
describe('a quarter whose SLOs could not be judged (issue 12 item 4)', () => {
  const [jan, apr, jul] = gapReport.quarters;
  if (!jan || !apr || !jul) throw new Error('quarters missing');

  it('says how many SLOs could not be judged and why, and no verdict, no "ship as planned"', () => {
    expect(headlineSentences(apr, jan, gapReport.units)).toEqual([
      'No SLO had enough data to judge: 2 with no data.',
      'No error budget policy applies until an SLO has enough data to judge.',
      // 30 Jun 21:00 to 1 Jul 03:00 is 6 h; one of its two action items is done.
      '1 incident (1 SEV2); time to restore median 6 h. 1 of 2 action items done, 0 overdue.',
    ]);
  });

  it('the objectives card says none was judged rather than "0 of 2"', () => {
    const card = headlineFigures(gapReport, apr.quarter).find((f) => f.name === 'objectives');
    expect(card).toMatchObject({
      label: 'SLOs that met their objective',
      value: null,
      text: 'none judged',
      detail: 'no SLO had enough data to judge: 2 with no data',
      change: null,
    });
  });

  it("writes a budget in the SLO's own unit (issue 12 item 20)", () => {
    // January: 40 of 14,400 minutes down against 99.9%: 14.4 minutes allowed; 40 / 14.4 = 277.8%,
    // rounded up to 278%, 178% over; 14.4 allowed truncated to 14.
    expect(headlineSentences(jan, null, gapReport.units)[0]).toBe(
      '1 of 2 SLOs missed their objective. “Site is up” spent 278% of its error budget (178% over budget: 40 of 14 allowed failed minutes), most of it outside any written-up incident.',
    );
  });

  it('counts an incident where it began and says so where it is listed apart (issue 12 item 11)', () => {
    expect(headlineSentences(jul, apr, gapReport.units)[2]).toBe(
      "No incidents began in July–September 2026. An incident that began in April–June 2026 burned this quarter's budget; it is listed apart with its action items. No action items were opened.",
    );
    const incidents = headlineFigures(gapReport, jul.quarter).find((f) => f.name === 'incidents');
    expect(incidents).toMatchObject({
      label: 'Incidents begun in July–September 2026',
      text: '0',
      detail: '1 more began in April–June 2026',
    });
  });
});

describe('the review index line (issue 12 item 4)', () => {
  it.each([
    ['January–March: one of two missed', 0, '1 of 2 SLOs missed their objective'],
    ['April–June: no data, no verdict', 1, 'no SLO had enough data to judge: 2 with no data'],
    ['July–September in progress', 2, 'in progress, 1 of 2 SLOs over budget'],
  ])('%s', (_name, i, expected) => {
    const q = gapReport.quarters[i];
    if (!q) throw new Error('quarter missing');
    expect(reviewIndexLine(q)).toBe(expected);
  });
});
