/**
 * The model of the review's "other SLOs" (issue 15): one small burn-down per SLO with the figure
 * in words, linking to the full chart on the SLO's page, so that 150 SLOs take a grid, not 150
 * full-size charts.
 */
import { buildBurnDownThumbnail, renderChart, type RenderedChart } from '../charts/index.ts';
import { formatPercentUp } from '../domain/format.ts';
import { chartAnchor } from '../report/anchors.ts';
import { budgetText, unitOf } from '../report/budget-text.ts';
import type { LedgerReport, QuarterReport, SloReport } from '../report/quarter-report.ts';

export interface BurnDownThumb {
  id: string;
  anchor: string;
  name: string;
  status: SloReport['status'];
  /** "23% of the budget spent · 76% left (…)" */
  words: string;
  chart: RenderedChart;
  /** The SLO page's section for this quarter. */
  href: string;
}

export async function buildBurnDownGrid(
  report: LedgerReport,
  q: QuarterReport,
  slos: readonly SloReport[],
  base: string,
): Promise<BurnDownThumb[]> {
  return Promise.all(
    slos.map(async (s) => ({
      id: s.id,
      anchor: chartAnchor('burn-down', s.id),
      name: s.name,
      status: s.status,
      // Spent rounded up, left truncated (issue 12 item 8): the two add up to 100%.
      words: `${formatPercentUp(s.consumed ?? 0)} of the budget spent · ${budgetText(s, unitOf(report, s.id))}`,
      chart: await renderChart(buildBurnDownThumbnail(s, q, report.calendar)),
      href: `${base}/slos/${s.id}/#q-${q.slug}`,
    })),
  );
}
