/**
 * The charts of the site (SPEC §9): pure builders turn report values into a Vega-Lite spec with
 * its title, description and data table; `renderChart` draws it to inline SVG for
 * src/components/Chart.astro.
 *
 *   const chart = await renderChart(
 *     buildBurnDownChart(slo, q, { cal: report.calendar, incidents: incidentMarkersFor(slo.id, q.incidents) }),
 *   );
 *   <Chart chart={chart} />
 */
import type { BuiltChart, RenderedChart } from './chart.ts';
import { renderChartSvg, type RenderChartSvg } from './render-svg.ts';

export type { BuiltChart, ChartKind, ChartTable, RenderedChart } from './chart.ts';
export {
  buildBurnDownChart,
  incidentMarkersFor,
  type BurnDownSlo,
  type IncidentMarker,
} from './burn-down.ts';
export { buildBurnDownThumbnail, THUMBNAIL_WIDTH } from './burn-down-thumbnail.ts';
export { buildRollingAttainmentChart, type RollingAttainmentSlo } from './rolling-attainment.ts';
export { buildQuarterAttainmentChart, type QuarterAttainment } from './quarter-attainment.ts';
export {
  buildIncidentTimelineChart,
  type IncidentTimelineOptions,
  type TimelineIncident,
} from './incident-timeline.ts';
export { buildIncidentSliChart, type IncidentSliInput, type SliBucket } from './incident-sli.ts';
export { buildSparkline, type SparklineKind, type SparklineOptions, type SparklineSlo } from './sparkline.ts';
export { quarterSpan, type QuarterLike, type QuarterSpan } from './chart-time.ts';
export {
  createChartRenderer,
  renderChartSvg,
  type ChartA11y,
  type ChartRendererOptions,
  type RenderChartSvg,
} from './render-svg.ts';

/** Draws a built chart; `render` is replaced in tests or to use a renderer with its own cache. */
export async function renderChart(
  built: BuiltChart,
  render: RenderChartSvg = renderChartSvg,
): Promise<RenderedChart> {
  const svg = await render(built.spec, { title: built.title, description: built.description });
  return {
    kind: built.kind,
    svg,
    title: built.title,
    description: built.description,
    table: built.table,
    ...(built.lastValue === undefined ? {} : { lastValue: built.lastValue }),
  };
}
