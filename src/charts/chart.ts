/**
 * What every chart builder returns and what a page renders: the Vega-Lite spec with the words that
 * make it accessible (SPEC §9: an accessible name, a description and a data table beside it).
 */
import type { TopLevelSpec } from 'vega-lite';

export type ChartKind =
  | 'burn-down'
  | 'rolling-attainment'
  | 'quarter-attainment'
  | 'incident-timeline'
  | 'incident-sli'
  | 'sparkline';

/** The data behind a chart, already formatted as SPEC §9.2 writes numbers. */
export interface ChartTable {
  caption: string;
  columns: string[];
  /** Per column: true when its cells are numbers, which are right-aligned (`td.num`). */
  numeric: boolean[];
  /** The column whose cell names its row (`<th scope="row">`), usually the day or the quarter. */
  rowHeader: number;
  rows: string[][];
}

export interface BuiltChart {
  kind: ChartKind;
  spec: TopLevelSpec;
  /** The accessible name: what the chart shows, e.g. 'Error budget burn-down: Checkout, July–September 2026'. */
  title: string;
  /** One or two sentences from the data that a reader who cannot see the chart can act on. */
  description: string;
  table: ChartTable;
  /**
   * The value of the main line's last point, taken from the chart's own data: what a reader
   * compares with the figure printed beside the chart. The page exposes it as `data-last-value`
   * so that a test can check the two agree (issue 12 item 9). Absent for charts without one line.
   */
  lastValue?: number;
}

export interface RenderedChart {
  kind: ChartKind;
  /** Inline SVG markup, named by its own `<title>` and `<desc>`. */
  svg: string;
  title: string;
  description: string;
  table: ChartTable;
  lastValue?: number;
}
