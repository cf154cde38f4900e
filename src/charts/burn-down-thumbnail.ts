/**
 * A burn-down as a small multiple (issue 15: "other SLOs" in a review at any size): the budget
 * consumed and the ideal line, the 100% rule, no axes and no words inside. The figure in words sits
 * beside it on the page, and the thumbnail links to the full chart on the SLO's own page.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Calendar } from '../domain/calendar.ts';
import { formatPercentUp } from '../domain/format.ts';
import type { DailyPoint } from '../domain/series.ts';
import { pointInstantMs, type BurnDownSlo } from './burn-down.ts';
import type { BuiltChart } from './chart.ts';
import { CHART_COLORS, CHART_CONFIG, DASH } from './chart-style.ts';
import { quarterSpan, wallClockOf, type QuarterLike } from './chart-time.ts';

export const THUMBNAIL_WIDTH = 200;
export const THUMBNAIL_HEIGHT = 70;

export function buildBurnDownThumbnail(slo: BurnDownSlo, quarter: QuarterLike, cal: Calendar): BuiltChart {
  const q = quarterSpan(quarter);
  const wall = (ms: number): number => wallClockOf(ms, cal);
  const known = slo.series.daily.filter(
    (p): p is DailyPoint & { consumedCumulative: number } => p.consumedCumulative !== null,
  );
  const consumed = [
    ...(known.length === 0 ? [] : [{ t: wall(q.startMs), value: 0 }]),
    ...known.map((p) => ({ t: wall(pointInstantMs(p, q.startMs, q.endMs)), value: p.consumedCumulative })),
  ];
  const x = {
    field: 't',
    type: 'temporal' as const,
    axis: null,
    scale: { type: 'utc' as const, domain: [wall(q.startMs), wall(q.endMs)] },
  };
  const y = { field: 'value', type: 'quantitative' as const, axis: null, scale: { zero: true, nice: false } };
  const spec: TopLevelSpec = {
    config: { ...CHART_CONFIG, padding: 2 },
    width: THUMBNAIL_WIDTH,
    height: THUMBNAIL_HEIGHT,
    layer: [
      {
        data: { values: [{ value: 1 }] },
        mark: { type: 'rule', stroke: CHART_COLORS.bad, strokeWidth: 1 },
        encoding: { y },
      },
      {
        data: {
          values: [
            { t: wall(q.startMs), value: 0 },
            { t: wall(q.endMs), value: 1 },
          ],
        },
        mark: { type: 'line', stroke: CHART_COLORS.ideal, strokeDash: [...DASH.ideal], strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values: consumed },
        mark: { type: 'line', stroke: CHART_COLORS.line, strokeWidth: 1.5 },
        encoding: { x, y },
      },
    ],
  };
  const last = known[known.length - 1];
  return {
    kind: 'burn-down',
    spec,
    title: `Error budget burn-down: ${slo.name}, ${q.label}`,
    description:
      last === undefined
        ? `There is not enough data to chart the error budget in ${q.label}.`
        : `${formatPercentUp(last.consumedCumulative)} of the budget consumed by the last day with data, against the ideal straight line to 100% at quarter end.`,
    table: { caption: '', columns: [], numeric: [], rowHeader: 0, rows: [] },
    ...(last === undefined ? {} : { lastValue: last.consumedCumulative }),
  };
}
