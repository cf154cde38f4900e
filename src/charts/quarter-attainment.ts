/**
 * Attainment of one SLO quarter by quarter (SPEC §9 `/services/<id>/`: "SLO trends"), each against
 * the objective in force that quarter. A quarter without enough data is a gap in the line and
 * "insufficient data" in the table (SPEC §6.5), never 100%.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatAttainment, formatObjective, objectiveDecimals } from '../domain/format.ts';
import type { BuiltChart } from './chart.ts';
import { CHART_COLORS, CHART_HEIGHT, DASH, MAIN_CHART, percentAxisFormat } from './chart-style.ts';

export interface QuarterAttainment {
  /** 'July–September 2026', or a shorter 'Jul–Sep 2026' on a narrow chart. */
  quarterLabel: string;
  attainment: number | null;
  objective: number;
  /** A quarter in progress is not yet met or missed (SPEC §6.2). */
  inProgress?: boolean;
}

type Result = 'met' | 'missed' | 'so far at or above' | 'so far below' | 'insufficient data';

// Worded for complete quarters and the one in progress alike; the table says met or missed.
const MET = 'At or above the objective';
const MISSED = 'Below the objective';

function resultOf(q: QuarterAttainment): Result {
  if (q.attainment === null) return 'insufficient data';
  const above = q.attainment >= q.objective;
  if (q.inProgress === true) return above ? 'so far at or above' : 'so far below';
  return above ? 'met' : 'missed';
}

/**
 * Quarters drawn by default: more labels than this overprint one another on the axis (issue 12
 * item 23: a service with 41 quarters); the table beside the chart keeps every quarter.
 */
export const CHART_QUARTERS = 8;

export function buildQuarterAttainmentChart(
  sloName: string,
  allQuarters: readonly QuarterAttainment[],
  options: { lastQuarters?: number } = {},
): BuiltChart {
  const shown = Math.max(1, options.lastQuarters ?? CHART_QUARTERS);
  const quarters = allQuarters.slice(-shown);
  const labels = quarters.map((q) => q.quarterLabel);
  const decimals = Math.max(0, ...quarters.map((q) => objectiveDecimals(q.objective))) + 1;
  let segment = 0;
  const points: { quarter: string; value: number; text: string; status: string; segment: number }[] = [];
  const gaps: { quarter: string }[] = [];
  for (const q of quarters) {
    if (q.attainment === null) {
      segment++;
      gaps.push({ quarter: q.quarterLabel });
      continue;
    }
    points.push({
      quarter: q.quarterLabel,
      value: q.attainment,
      text: formatAttainment(q.attainment, q.objective),
      status: q.attainment >= q.objective ? MET : MISSED,
      segment,
    });
  }
  const x = {
    field: 'quarter',
    type: 'ordinal' as const,
    title: null,
    scale: { domain: labels },
    // 'Jul–Sep 2026' on two lines, so that eight quarters' labels stay apart.
    axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')", labelOverlap: true as const },
  };
  const y = { field: 'value', type: 'quantitative' as const };

  const spec: TopLevelSpec = {
    ...MAIN_CHART,
    layer: [
      {
        data: { values: quarters.map((q) => ({ quarter: q.quarterLabel, value: q.objective })) },
        mark: {
          type: 'line',
          stroke: CHART_COLORS.objective,
          strokeDash: [...DASH.objective],
          strokeWidth: 1.5,
          interpolate: 'step',
        },
        encoding: { x, y },
      },
      {
        data: { values: points },
        layer: [
          {
            mark: { type: 'line', stroke: CHART_COLORS.line },
            encoding: { x, y, detail: { field: 'segment', type: 'nominal' } },
          },
          {
            mark: { type: 'point', filled: true, size: 70 },
            encoding: {
              x,
              y: {
                ...y,
                title: 'Attainment',
                axis: { format: percentAxisFormat(decimals) },
                // Room above and below the points for their labels.
                scale: { zero: false, nice: true, padding: 16 },
              },
              // Shape as well as colour, so that met and missed differ without colour (WCAG 1.4.1).
              shape: {
                field: 'status',
                type: 'nominal',
                title: null,
                scale: { domain: [MET, MISSED], range: ['circle', 'triangle-down'] },
              },
              color: {
                field: 'status',
                type: 'nominal',
                title: null,
                scale: { domain: [MET, MISSED], range: [CHART_COLORS.line, CHART_COLORS.bad] },
              },
            },
          },
          { mark: { type: 'text', dy: -12 }, encoding: { x, y, text: { field: 'text' } } },
        ],
      },
      {
        data: { values: gaps },
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontStyle: 'italic' },
        encoding: { x, y: { value: CHART_HEIGHT }, text: { value: 'insufficient data' } },
      },
    ],
  };

  return {
    kind: 'quarter-attainment',
    spec,
    title: `Attainment by quarter: ${sloName}${quarters.length < allQuarters.length ? `, the last ${quarters.length} of ${allQuarters.length} quarters` : ''}`,
    description:
      describeQuarters(allQuarters) +
      (quarters.length < allQuarters.length
        ? ` The chart shows the last ${quarters.length} of ${allQuarters.length} quarters; the table lists every quarter.`
        : ''),
    table: {
      caption: `Attainment of ${sloName} by quarter, against the objective of each quarter`,
      columns: ['Quarter', 'Attainment', 'Objective', 'Result'],
      numeric: [false, true, true, false],
      rowHeader: 0,
      rows: allQuarters.map((q) => [
        q.quarterLabel,
        formatAttainment(q.attainment, q.objective),
        formatObjective(q.objective),
        resultOf(q),
      ]),
    },
  };
}

function describeQuarters(quarters: readonly QuarterAttainment[]): string {
  if (quarters.length === 0) return 'There are no quarters to show.';
  const complete = quarters.filter((q) => q.inProgress !== true);
  const met = complete.filter((q) => resultOf(q) === 'met');
  const missed = complete.filter((q) => resultOf(q) === 'missed');
  const insufficient = quarters.filter((q) => q.attainment === null);
  const judged = met.length + missed.length;
  const sentences: string[] = [];
  if (judged > 0) {
    const missedList = missed.map(
      (q) =>
        `${q.quarterLabel} (${formatAttainment(q.attainment, q.objective)} against ${formatObjective(q.objective)})`,
    );
    sentences.push(
      missed.length === 0
        ? `Attainment met the objective in all ${judged} complete ${judged === 1 ? 'quarter' : 'quarters'} with data.`
        : `Attainment met the objective in ${met.length} of ${judged} complete ${judged === 1 ? 'quarter' : 'quarters'} with data; it missed in ${listOf(missedList)}.`,
    );
  }
  const latest = [...quarters].reverse().find((q) => q.attainment !== null);
  if (latest !== undefined) {
    sentences.push(
      `Latest: ${formatAttainment(latest.attainment, latest.objective)} in ${latest.quarterLabel}${latest.inProgress === true ? ' (in progress)' : ''}, against ${formatObjective(latest.objective)}.`,
    );
  }
  if (insufficient.length > 0) {
    sentences.push(`Insufficient data in ${listOf(insufficient.map((q) => q.quarterLabel))}.`);
  }
  return sentences.join(' ');
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
