/**
 * The model of the review's "other SLOs" (issue 15): one small burn-down per SLO with the figure
 * in words, linking to the full chart on the SLO's page, so that 150 SLOs take a grid, not 150
 * full-size charts.
 */
import { buildBurnDownThumbnail, renderChart, type RenderedChart } from '../charts/index.ts';
import { formatPercent } from '../domain/format.ts';
import { chartAnchor } from '../report/anchors.ts';
import { budgetText } from '../report/budget-text.ts';
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

/** The thumbnails of the SLOs of `q` named in `sloIds`, in the quarter's order; `base` prefixes links. */
export async function buildBurnDownGrid(
  report: LedgerReport,
  q: QuarterReport,
  grid: { sloIds: readonly string[]; base: string },
): Promise<BurnDownThumb[]> {
  const { sloIds, base } = grid;
  return Promise.all(
    q.slos
      .filter((s) => sloIds.includes(s.id))
      .map(async (s) => ({
        id: s.id,
        anchor: chartAnchor('burn-down', s.id),
        name: s.name,
        status: s.status,
        words: `${formatPercent(s.consumed ?? 0)} of the budget spent · ${budgetText(s)}`,
        chart: await renderChart(buildBurnDownThumbnail(s, q, report.calendar)),
        href: `${base}/slos/${s.id}/#q-${q.slug}`,
      })),
  );
}
