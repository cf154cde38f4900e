/**
 * The look shared by every chart. Nothing here is a colour value: text and axes draw in
 * `currentColor` and marks in CSS variables (set in src/components/Chart.astro), so one inline SVG
 * follows the page through light, dark and print. Each variable carries `currentColor` as its
 * fallback, so an SVG used outside the component still draws.
 */
import type { Config, TopLevelSpec } from 'vega-lite';

const cssVar = (name: string): string => `var(--chart-${name}, currentColor)`;

export const CHART_COLORS = {
  /** The measured series: budget consumed, attainment, error rate. */
  line: cssVar('line'),
  /** The ideal burn-down line. */
  ideal: cssVar('ideal'),
  /** Budget exhausted, objective missed, incident windows. */
  bad: cssVar('bad'),
  /** The objective or the rate that spends the budget exactly. */
  objective: cssVar('objective'),
  /** Incident markers on a time axis. */
  marker: cssVar('marker'),
} as const;

/** Colours for severities in the order settings list them, most severe first; the rest share the last. */
export const SEVERITY_COLORS = [cssVar('sev1'), cssVar('sev2'), cssVar('sev3'), cssVar('sev4')] as const;

/** Shapes for the same severities, so that severity is never told by colour alone. */
export const SEVERITY_SHAPES = ['triangle-up', 'diamond', 'square', 'circle'] as const;

/** Dash patterns: a reader tells the lines apart in greyscale print and without colour vision. */
export const DASH = {
  solid: [1, 0],
  ideal: [6, 4],
  objective: [2, 3],
  marker: [3, 3],
} as const;

/** The drawing size of the main charts; the SVG scales to its container (viewBox kept). */
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 220;

const TEXT = 'currentColor';

export const CHART_CONFIG: Config = {
  aria: false,
  background: 'transparent',
  font: 'inherit',
  padding: 4,
  view: { stroke: null },
  axis: {
    labelColor: TEXT,
    titleColor: TEXT,
    domainColor: TEXT,
    tickColor: TEXT,
    gridColor: TEXT,
    gridOpacity: 0.15,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
  },
  legend: {
    labelColor: TEXT,
    titleColor: TEXT,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    orient: 'bottom',
    symbolStrokeWidth: 2,
    // Vega estimates text at 0.8 em a character without a canvas, so the default limit cuts short labels.
    labelLimit: 400,
  },
  title: { color: TEXT },
  text: { fill: TEXT, fontSize: 11 },
  mark: { color: CHART_COLORS.line },
  rule: { stroke: TEXT },
  line: { strokeWidth: 2 },
};

/** The y-axis format for fractions shown as percentages with `decimals` places. */
export function percentAxisFormat(decimals: number): string {
  return `.${decimals}%`;
}

/** One layer of a layered chart. */
export type ChartLayer = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];

/** The frame of a main chart (burn-down, attainment, SLI): its config and drawing size. */
export const MAIN_CHART = { config: CHART_CONFIG, width: CHART_WIDTH, height: CHART_HEIGHT } as const;

/**
 * The dashed rule of an objective (or the rate it allows) across the chart at `y`, labelled at
 * its right end, above the line.
 */
export function objectiveRule(y: number, label: string, strokeWidth?: number): ChartLayer {
  return {
    data: { values: [{ y, label }] },
    layer: [
      {
        mark: {
          type: 'rule',
          stroke: CHART_COLORS.objective,
          strokeDash: [...DASH.objective],
          ...(strokeWidth === undefined ? {} : { strokeWidth }),
        },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -2 },
        encoding: {
          y: { field: 'y', type: 'quantitative' },
          x: { value: CHART_WIDTH },
          text: { field: 'label' },
        },
      },
    ],
  };
}
