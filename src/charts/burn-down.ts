/**
 * The burn-down of an SLO's error budget over a quarter (SPEC §6.2 series, §9.1): cumulative
 * budget consumed at the end of each local day against the ideal straight line from 0 at the
 * quarter's start to 100% at its end, a rule at 100% (budget exhausted) and a marker where each
 * linked incident started.
 */
import { compareText } from '../domain/compare-text.ts';
import type { TopLevelSpec } from 'vega-lite';
import type { Calendar } from '../domain/calendar.ts';
import { formatDate, formatPercent, formatPercentUp } from '../domain/format.ts';
import type { DailyPoint } from '../domain/series.ts';
import type { BuiltChart } from './chart.ts';
import { CHART_COLORS, DASH, MAIN_CHART, percentAxisFormat } from './chart-style.ts';
import { quarterSpan, timeField, timeX, wallClockOf, type QuarterLike } from './chart-time.ts';

export interface BurnDownSlo {
  name: string;
  series: { daily: readonly DailyPoint[] };
}

export interface IncidentMarker {
  id: string;
  title: string;
  startedMs: number;
}

const CONSUMED = 'Budget consumed';
const IDEAL = 'Ideal';

/** The incidents of a quarter report linked to one SLO, as burn-down markers. */
export function incidentMarkersFor(
  sloId: string,
  incidents: readonly { id: string; title: string; slos: readonly string[]; started: string }[],
): IncidentMarker[] {
  return incidents
    .filter((i) => i.slos.includes(sloId))
    .map((i) => ({ id: i.id, title: i.title, startedMs: Date.parse(i.started) }));
}

/**
 * The instant a daily point stands for. A point holds the budget consumed by the end of its day,
 * or by as-of on the last day of a quarter in progress; `idealConsumed` was computed at exactly
 * that instant, so it is read back from it.
 */
export function pointInstantMs(p: DailyPoint, startMs: number, endMs: number): number {
  return Math.round(startMs + p.idealConsumed * (endMs - startMs));
}

export function buildBurnDownChart(
  slo: BurnDownSlo,
  quarter: QuarterLike,
  options: { cal: Calendar; incidents?: readonly IncidentMarker[] },
): BuiltChart {
  const { cal, incidents = [] } = options;
  const q = quarterSpan(quarter);
  const daily = slo.series.daily;
  const known = daily.filter(
    (p): p is DailyPoint & { consumedCumulative: number } => p.consumedCumulative !== null,
  );
  const markers = [...incidents]
    .filter((i) => i.startedMs >= q.startMs && i.startedMs < q.endMs)
    .sort((a, b) => a.startedMs - b.startedMs || compareText(a.id, b.id))
    .map((i, index) => ({ ...i, number: index + 1 }));

  const wall = (ms: number): number => wallClockOf(ms, cal);
  const consumedPoints =
    known.length === 0
      ? []
      : [
          { t: wall(q.startMs), value: 0, series: CONSUMED },
          ...known.map((p) => ({
            t: wall(pointInstantMs(p, q.startMs, q.endMs)),
            value: p.consumedCumulative,
            series: CONSUMED,
          })),
        ];
  const idealPoints = [
    { t: wall(q.startMs), value: 0, series: IDEAL },
    { t: wall(q.endMs), value: 1, series: IDEAL },
  ];

  const maxConsumed = Math.max(1, ...known.map((p) => p.consumedCumulative));
  const spec: TopLevelSpec = {
    ...MAIN_CHART,
    layer: [
      {
        data: { values: [{ y: 1, label: '100%: budget exhausted' }] },
        layer: [
          {
            mark: { type: 'rule', stroke: CHART_COLORS.bad, strokeWidth: 1.5 },
            encoding: { y: { field: 'y', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -2 },
            encoding: { y: { field: 'y', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } },
          },
        ],
      },
      {
        data: { values: markers.map((m) => ({ t: wall(m.startedMs), label: String(m.number) })) },
        mark: { type: 'rule', stroke: CHART_COLORS.marker, strokeDash: [...DASH.marker] },
        encoding: { x: timeField('t') },
      },
      // The numbers, one text layer per row: incidents a day apart, or a number under the
      // "budget exhausted" label, go a row down rather than overprint (issue 15).
      ...[...markerRows(markers, q, wall, maxConsumed).entries()].flatMap(([r, row]) =>
        row === undefined
          ? []
          : [
              {
                data: { values: row.map((m) => ({ t: wall(m.startedMs), label: String(m.number) })) },
                mark: {
                  type: 'text' as const,
                  baseline: 'top' as const,
                  dy: 2,
                  dx: 3,
                  align: 'left' as const,
                  fontWeight: 'bold' as const,
                },
                encoding: { x: timeField('t'), y: { value: r * MARKER_ROW_PX }, text: { field: 'label' } },
              },
            ],
      ),
      {
        data: { values: [...idealPoints, ...consumedPoints] },
        mark: { type: 'line', interpolate: 'linear' },
        encoding: {
          x: timeX('t', [wall(q.startMs), wall(q.endMs)], '%-d %b'),
          y: {
            field: 'value',
            type: 'quantitative',
            title: 'Error budget consumed',
            axis: { format: percentAxisFormat(0) },
            scale: { zero: true, nice: true },
          },
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: [CONSUMED, IDEAL], range: [CHART_COLORS.line, CHART_COLORS.ideal] },
          },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: [CONSUMED, IDEAL], range: [[...DASH.solid], [...DASH.ideal]] },
          },
        },
      },
    ],
  };

  const startedOn = new Map<string, string[]>();
  for (const m of markers) {
    const day = dailyDateOf(daily, m.startedMs);
    if (day !== null) startedOn.set(day, [...(startedOn.get(day) ?? []), `${m.number}: ${m.title}`]);
  }
  const table = {
    caption: `Error budget of ${slo.name} consumed by the end of each day, ${q.label}`,
    columns: ['Day', 'Budget consumed', 'Ideal', 'Incidents started'],
    numeric: [false, true, true, false],
    rowHeader: 0,
    rows: daily.map((p) => [
      formatDate(p.dayStartMs, cal),
      p.consumedCumulative === null ? 'insufficient data' : formatPercentUp(p.consumedCumulative),
      formatPercent(p.idealConsumed),
      (startedOn.get(p.date) ?? []).join('; '),
    ]),
  };

  return {
    kind: 'burn-down',
    spec,
    title: `Error budget burn-down: ${slo.name}, ${q.label}`,
    description: describeBurnDown(known, markers.length, q.label, cal),
    table,
    ...(known.length === 0
      ? {}
      : {
          lastValue: (known[known.length - 1] as DailyPoint & { consumedCumulative: number })
            .consumedCumulative,
        }),
  };
}

/** Pixels between rows of incident numbers: an 11 px bold digit is about 13 px tall. */
const MARKER_ROW_PX = 13;
/** Width of "100%: budget exhausted" in 11 px text, from its left edge at 4 px, and a margin. */
const BUDGET_LABEL_PX = 150;

/**
 * Incident numbers split into rows, top down: each number goes into the first row where it
 * clears the number before it (7 px a digit and a margin) and, near the left edge, the "100%:
 * budget exhausted" label above the budget rule. The rule sits at `height · (1 − 1/max)` from the
 * top, `max` the largest value plotted (the scale is zero-based); its label takes the 15 px above it.
 */
function markerRows<T extends { startedMs: number; number: number }>(
  markers: readonly T[],
  q: { startMs: number; endMs: number },
  wall: (ms: number) => number,
  maxConsumed: number,
): T[][] {
  const x0 = wall(q.startMs);
  const span = wall(q.endMs) - x0;
  const ruleY = MAIN_CHART.height * (1 - 1 / maxConsumed);
  // The nice scale may end up to a tick above the data: allow 10 px either way.
  const labelTop = ruleY - 2 - 15 - 10;
  const labelBottom = ruleY + 10;
  const rows: T[][] = [];
  const ends: number[] = [];
  for (const m of markers) {
    const x = (MAIN_CHART.width * (wall(m.startedMs) - x0)) / span;
    const width = 3 + 7 * String(m.number).length + 3;
    let r = 0;
    for (; r < 8; r++) {
      const top = r * MARKER_ROW_PX;
      const underLabel = x < BUDGET_LABEL_PX && top < labelBottom && top + MARKER_ROW_PX + 2 > labelTop;
      if (!underLabel && (ends[r] ?? -Infinity) <= x) break;
    }
    ends[r] = x + width;
    (rows[r] ??= []).push(m);
  }
  return rows;
}

function dailyDateOf(daily: readonly DailyPoint[], ms: number): string | null {
  let found: string | null = null;
  for (const p of daily) if (p.dayStartMs <= ms) found = p.date;
  return found;
}

function describeBurnDown(
  known: readonly (DailyPoint & { consumedCumulative: number })[],
  markers: number,
  label: string,
  cal: Calendar,
): string {
  const last = known[known.length - 1];
  if (last === undefined) return `There is not enough data to chart the error budget in ${label}.`;
  const final = formatPercentUp(last.consumedCumulative);
  const by = formatDate(last.dayStartMs, cal);
  // The exact value decides, as it does for the status: 0.9999 prints as 100% (spent is rounded up)
  // and has not crossed.
  const crossing = known.find((p) => p.consumedCumulative >= 1);
  const risen = last.consumedCumulative > 0 ? `rose to ${final}` : `stayed at ${final}`;
  const passed =
    crossing === undefined
      ? final === '100%'
        ? 'just short of running out'
        : 'staying under 100%'
      : `passing 100% on ${formatDate(crossing.dayStartMs, cal)}`;
  const ideal =
    last.idealConsumed >= 1
      ? 'the ideal line reaches 100% at quarter end'
      : `the ideal line stands at ${formatPercent(last.idealConsumed)} on that day and reaches 100% at quarter end`;
  const incidents =
    markers === 0
      ? ''
      : ` ${markers === 1 ? 'One incident is' : `${markers} incidents are`} marked where ${markers === 1 ? 'it' : 'they'} started.`;
  return `Budget consumed ${risen} by ${by}, ${passed}; ${ideal}.${incidents}`;
}
