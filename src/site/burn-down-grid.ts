/**
 * The model of the review's "other SLOs" (issue 15): one small burn-down per SLO with the figure
 * in words, linking to the full chart on the SLO's page, so that 150 SLOs take a grid, not 150
 * full-size charts.
 */
import { buildBurnDownThumbnail, renderChart, type RenderedChart } from '../charts/index.ts';
import { chartAnchor } from '../report/anchors.ts';
import { budgetText, unitOf } from '../report/budget-text.ts';
import type { LedgerReport, QuarterReport, SloReport } from '../report/quarter-report.ts';

export interface BurnDownThumb {
  id: string;
  anchor: string;
  name: string;
  status: SloReport['status'];
  /** "76% left", "121% spent" (SPEC §9.2, see thumbnailWords). */
  words: string;
  chart: RenderedChart;
  /** The SLO page's section for this quarter. */
  href: string;
}

/**
 * The figure of a thumbnail: the scorecard's budget words without their parenthesis, "76% left" or
 * "121% spent" (the events or minutes are on the SLO's page). A separate "spent" figure, rounded
 * another way, once read "120% of the budget spent · 121% spent"; the parenthesis made each
 * thumbnail five lines deep and the grid of 150 SLOs 6,000 px tall.
 */
export function thumbnailWords(words: string): string {
  const paren = words.indexOf(' (');
  return paren === -1 ? words : words.slice(0, paren);
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
      words: thumbnailWords(budgetText(s, unitOf(report, s.id))),
      chart: await renderChart(buildBurnDownThumbnail(s, q, report.calendar)),
      href: `${base}/slos/${s.id}/#q-${q.slug}`,
    })),
  );
}
