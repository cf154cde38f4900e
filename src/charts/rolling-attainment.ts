/**
 * The rolling 28-day attainment of an SLO through a quarter (SPEC §6.2 series, §9 "trend")
 * against its objective: the trend line a reader watches between reviews.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Calendar } from '../domain/calendar.ts';
import { formatAttainment, formatDate, formatObjective, objectiveDecimals } from '../domain/format.ts';
import { ROLLING_DAYS, type DailyPoint } from '../domain/series.ts';
import type { BuiltChart } from './chart.ts';
import { pointInstantMs } from './burn-down.ts';
import { CHART_COLORS, MAIN_CHART, objectiveRule, percentAxisFormat } from './chart-style.ts';
import { quarterSpan, timeX, wallClockOf, type QuarterLike } from './chart-time.ts';

export interface RollingAttainmentSlo {
  name: string;
  objective: number;
  series: { daily: readonly DailyPoint[] };
}

type KnownPoint = DailyPoint & { rolling28Attainment: number };

export function buildRollingAttainmentChart(
  slo: RollingAttainmentSlo,
  quarter: QuarterLike,
  cal: Calendar,
): BuiltChart {
  const q = quarterSpan(quarter);
  const daily = slo.series.daily;
  const wall = (ms: number): number => wallClockOf(ms, cal);
  // A day without enough data breaks the line rather than joining its neighbours across the gap.
  let segment = 0;
  const points: { t: number; value: number; segment: number }[] = [];
  for (const p of daily) {
    if (p.rolling28Attainment === null) segment++;
    else
      points.push({ t: wall(pointInstantMs(p, q.startMs, q.endMs)), value: p.rolling28Attainment, segment });
  }
  const objectiveText = formatObjective(slo.objective);

  const spec: TopLevelSpec = {
    ...MAIN_CHART,
    layer: [
      objectiveRule(slo.objective, `objective ${objectiveText}`, 1.5),
      {
        data: { values: points },
        mark: { type: 'line', stroke: CHART_COLORS.line },
        encoding: {
          x: timeX('t', [wall(q.startMs), wall(q.endMs)], '%-d %b'),
          y: {
            field: 'value',
            type: 'quantitative',
            title: `Attainment, last ${ROLLING_DAYS} days`,
            axis: { format: percentAxisFormat(objectiveDecimals(slo.objective) + 1) },
            scale: { zero: false, nice: true },
          },
          detail: { field: 'segment', type: 'nominal' },
        },
      },
    ],
  };

  const known = daily.filter((p): p is KnownPoint => p.rolling28Attainment !== null);
  return {
    kind: 'rolling-attainment',
    spec,
    title: `Rolling ${ROLLING_DAYS}-day attainment: ${slo.name}, ${q.label}`,
    description: describeRolling(known, slo.objective, q.label, cal),
    table: {
      caption: `Attainment of ${slo.name} over the ${ROLLING_DAYS} days ending each day, ${q.label}, against the objective ${objectiveText}`,
      columns: ['Day', `Attainment, last ${ROLLING_DAYS} days`, 'Against the objective'],
      numeric: [false, true, false],
      rowHeader: 0,
      rows: daily.map((p) => [
        formatDate(p.dayStartMs, cal),
        formatAttainment(p.rolling28Attainment, slo.objective),
        p.rolling28Attainment === null
          ? ''
          : p.rolling28Attainment >= slo.objective
            ? 'at or above'
            : 'below',
      ]),
    },
  };
}

function describeRolling(
  known: readonly KnownPoint[],
  objective: number,
  label: string,
  cal: Calendar,
): string {
  const last = known[known.length - 1];
  if (last === undefined)
    return `There is not enough data for a rolling ${ROLLING_DAYS}-day attainment in ${label}.`;
  const value = (p: KnownPoint): string => formatAttainment(p.rolling28Attainment, objective);
  const day = (p: KnownPoint): string => formatDate(p.dayStartMs, cal);
  const objectiveText = formatObjective(objective);
  let lowest = last;
  for (const p of known) if (p.rolling28Attainment < lowest.rolling28Attainment) lowest = p;
  const below = known.filter((p) => p.rolling28Attainment < objective).length;
  const lowestClause = `lowest ${value(lowest)} on ${day(lowest)}`;
  if (last.rolling28Attainment >= objective) {
    const history =
      below === 0
        ? `it stayed at or above the objective every day`
        : `it was below the objective on ${below} ${below === 1 ? 'day' : 'days'}, ${lowestClause}`;
    return `Rolling ${ROLLING_DAYS}-day attainment ended at ${value(last)} on ${day(last)}, at or above the ${objectiveText} objective; ${history}.`;
  }
  // The start of the run below the objective that the quarter ends in.
  let since = last;
  for (let i = known.length - 1; i >= 0; i--) {
    const p = known[i];
    if (p === undefined || p.rolling28Attainment >= objective) break;
    since = p;
  }
  return `Rolling ${ROLLING_DAYS}-day attainment ended at ${value(last)} on ${day(last)}, below the ${objectiveText} objective since ${day(since)}; ${lowestClause}.`;
}
