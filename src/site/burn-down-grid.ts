/**
 * The model of the review's "other SLOs" (issue 15): one small burn-down per SLO with the figure
 * in words, linking to the full chart on the SLO's page, so that 150 SLOs take a grid, not 150
 * full-size charts.
 */
import { buildBurnDownThumbnail, renderChart, type RenderedChart } from '../charts/index.ts';
import { formatPercentUp } from '../domain/format.ts';
import { chartAnchor } from '../report/anchors.ts';
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
 * The figure of a thumbnail, the one its line ends at: "24% spent", rounded up as every share
 * spent is (SPEC §9.2). The scorecard above has the rest; a thumbnail once read "120% of the
 * budget spent · 121% spent (21% over budget: …)", five lines deep, and the grid of 150 SLOs was
 * 6,000 px tall.
 */
export function thumbnailWords(consumed: number | null): string {
  return `${formatPercentUp(consumed ?? 0)} spent`;
}

/** The thumbnails of the SLOs of `q` named in `sloIds`, in that order; `base` prefixes links. */
export async function buildBurnDownGrid(
  report: LedgerReport,
  q: QuarterReport,
  grid: { sloIds: readonly string[]; base: string },
): Promise<BurnDownThumb[]> {
  const { sloIds, base } = grid;
  return Promise.all(
    sloIds
      .flatMap((id) => q.slos.filter((s) => s.id === id))
      .map(async (s) => ({
        id: s.id,
        anchor: chartAnchor('burn-down', s.id),
        name: s.name,
        status: s.status,
        words: thumbnailWords(s.consumed),
        chart: await renderChart(buildBurnDownThumbnail(s, q, report.calendar)),
        href: `${base}/slos/${s.id}/#q-${q.slug}`,
      })),
  );
}
