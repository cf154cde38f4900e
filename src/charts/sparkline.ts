/**
 * A sparkline for the status board (SPEC §9 `/`, §9.4 `<Figure>`): error budget remaining, or
 * rolling attainment, by day through the quarter — no axes, one reference line, the last value
 * dotted. Small as it is, it is named and described like any chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Calendar } from '../domain/calendar.ts';
import { formatAttainment, formatDate, formatLeft, formatObjective, formatSpent } from '../domain/format.ts';
import { ROLLING_DAYS, type DailyPoint } from '../domain/series.ts';
import type { BuiltChart } from './chart.ts';
import { CHART_COLORS, CHART_CONFIG, DASH } from './chart-style.ts';
import { wallClockOfDate } from './chart-time.ts';

export type SparklineKind = 'budget-remaining' | 'attainment';

export interface SparklineSlo {
  name: string;
  objective: number;
  series: { daily: readonly DailyPoint[] };
}

export interface SparklineOptions {
  kind?: SparklineKind;
  /** 'July–September 2026', named in the title when given. */
  quarterLabel?: string;
}

// Large enough to read on the status board, with the last value written at the line's end.
export const SPARKLINE_WIDTH = 160;
export const SPARKLINE_HEIGHT = 40;

interface SparkPoint {
  day: DailyPoint;
  value: number;
}

export function buildSparkline(slo: SparklineSlo, cal: Calendar, options: SparklineOptions = {}): BuiltChart {
  const kind = options.kind ?? 'budget-remaining';
  const valueOf = (p: DailyPoint): number | null =>
    kind === 'attainment'
      ? p.rolling28Attainment
      : p.consumedCumulative === null
        ? null
        : 1 - p.consumedCumulative;
  const points: SparkPoint[] = [];
  for (const day of slo.series.daily) {
    const value = valueOf(day);
    if (value !== null) points.push({ day, value });
  }
  // Days are evenly spaced whatever their length in hours, so the x value is the local date.
  const values = points.map((p) => ({ t: wallClockOfDate(p.day.date, 1), value: p.value }));
  const reference = kind === 'attainment' ? slo.objective : 0;
  const shownValue = (v: number): string =>
    kind === 'attainment' ? formatAttainment(v, slo.objective) : remainingText(v);
  // Without the parenthesis: "2174% spent (2074% over budget)" after the line widened the SVG to
  // twice its 160 px, and the status board's cell then shrank all of it to unreadable (issue 15).
  // The row's budget cell, the description and the table keep the whole words.
  const last = values.slice(-1).map((p) => ({ ...p, label: shownValue(p.value).replace(/ \(.*\)$/, '') }));
  const y = { field: 'value', type: 'quantitative' as const, axis: null, scale: { zero: false } };
  const x = { field: 't', type: 'temporal' as const, axis: null, scale: { type: 'utc' as const } };

  const spec: TopLevelSpec = {
    config: { ...CHART_CONFIG, padding: 2 },
    width: SPARKLINE_WIDTH,
    height: SPARKLINE_HEIGHT,
    layer: [
      {
        data: { values: [{ value: reference }] },
        mark: {
          type: 'rule',
          stroke: kind === 'attainment' ? CHART_COLORS.objective : CHART_COLORS.bad,
          strokeDash: [...DASH.objective],
          strokeWidth: 1,
        },
        encoding: { y },
      },
      {
        data: { values },
        mark: { type: 'line', stroke: CHART_COLORS.line, strokeWidth: 1.5 },
        encoding: { x, y },
      },
      {
        data: { values: last },
        mark: { type: 'point', filled: true, size: 16, fill: CHART_COLORS.line },
        encoding: { x, y },
      },
      {
        // The last value in words after the line's end: the sparkline reads without the table.
        data: { values: last },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, fontSize: 11 },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  };

  const what = kind === 'attainment' ? `Rolling ${ROLLING_DAYS}-day attainment` : 'Error budget remaining';
  const shown = (v: number): string =>
    kind === 'attainment' ? formatAttainment(v, slo.objective) : remainingText(v);
  return {
    kind: 'sparkline',
    spec,
    title: `${what}: ${slo.name}${options.quarterLabel === undefined ? '' : `, ${options.quarterLabel}`}`,
    description: describeSparkline(points, kind, slo.objective, shown, cal),
    table: {
      caption: `${what} of ${slo.name} by day`,
      columns: ['Day', what],
      numeric: [false, true],
      rowHeader: 0,
      rows: slo.series.daily.map((d) => {
        const v = valueOf(d);
        return [formatDate(d.dayStartMs, cal), v === null ? 'insufficient data' : shown(v)];
      }),
    },
    ...(points.length === 0 ? {} : { lastValue: (points[points.length - 1] as SparkPoint).value }),
  };
}

/** Remaining as SPEC §9.2 words it: '38% left' (truncated), '112% spent (12% over budget)' (rounded up). */
function remainingText(remaining: number): string {
  return remaining < 0 ? formatSpent(1 - remaining) : formatLeft(remaining);
}

function describeSparkline(
  points: readonly SparkPoint[],
  kind: SparklineKind,
  objective: number,
  shown: (v: number) => string,
  cal: Calendar,
): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return 'Insufficient data.';
  const at = (p: SparkPoint): string => `${shown(p.value)} on ${formatDate(p.day.dayStartMs, cal)}`;
  const from = first === last ? '' : `, from ${at(first)}`;
  if (kind === 'attainment') {
    const side = last.value >= objective ? 'at or above' : 'below';
    return `${at(last)}${from}; ${side} the ${formatObjective(objective)} objective.`;
  }
  // Exhausted at R ≤ 0, as the status has it (SPEC §6.2).
  const spent = points.find((p) => p.value <= 0);
  const ranOut =
    spent === undefined ? '' : `; the budget ran out on ${formatDate(spent.day.dayStartMs, cal)}`;
  return `${at(last)}${from}${ranOut}.`;
}
