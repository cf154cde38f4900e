/**
 * An SLI around one incident (SPEC §9 `/incidents/<slug>/`): the error rate per bucket from a
 * while before the incident to a while after, with the window `[started, mitigated)` shaded and the
 * rate that would spend the error budget exactly (1 − objective) drawn for scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Calendar } from '../domain/calendar.ts';
import { complement, decimalFromNumber } from '../domain/decimal.ts';
import {
  formatCount,
  formatDateTime,
  formatDuration,
  formatMeasured,
  formatPercent,
  formatPercentUp,
  formatTime,
} from '../domain/format.ts';
import { DEFAULT_UNIT, type EventUnit } from '../domain/slo.ts';
import type { BuiltChart } from './chart.ts';
import {
  CHART_COLORS,
  DASH,
  MAIN_CHART,
  objectiveRule,
  percentAxisFormat,
  type ChartLayer,
} from './chart-style.ts';
import { timeField, timeX, wallClockOf } from './chart-time.ts';

export interface SliBucket {
  startMs: number;
  good: number;
  total: number;
  /** A threshold SLI's measured value for the bucket, e.g. its p99 in ms. */
  value?: number;
}

/** What a threshold SLI measures, for a column of its values in the table (issue 12 item 15). */
export interface SliMeasure {
  /** The column head, e.g. 'p99 (ms)'. */
  heading: string;
  /** Which way the value gets worse: a coarsened bucket shows its worst value, rounded toward worse. */
  worstIs: 'highest' | 'lowest';
}

export interface IncidentSliInput {
  /** What the SLI measures, e.g. the SLO's name 'Checkout requests succeed'. */
  sliName: string;
  incident: { title: string; startedMs: number; mitigatedMs: number | null };
  /** Buckets in any order, e.g. hourly from 24 h before `started` to 24 h after `mitigated`. */
  buckets: readonly SliBucket[];
  /** The span each bucket covers; the most common spacing of the buckets when omitted (1 h for one bucket). */
  stepMs?: number;
  /** With an objective, the error rate at which the budget burns exactly (burn rate 1) is drawn. */
  objective?: number;
  /** What one event is, for the table's column heads: 'Good minutes', 'All minutes'. Requests by default. */
  unit?: EventUnit;
  /** For a threshold SLI, what makes an event good, e.g. 'p99_ms ≤ 300', named in the caption. */
  condition?: string | null;
  /** For a threshold SLI, its values are listed in the table. */
  measure?: SliMeasure | null;
}

/**
 * 1 − objective from the decimal the objective was written as: in doubles 1 − 0.999 is
 * 0.0010000000000000009 and 1 − 99.9/100 is 0.00099999999999989, which truncates to '0.09%'.
 */
function budgetRate(objective: number): number {
  const allowed = complement(decimalFromNumber(objective));
  return Number(allowed.numerator) / Number(allowed.denominator);
}

const RATE_DECIMALS = 2;

/** 'hour' for an hourly export, '5 min' for a five-minute one. */
function stepNoun(stepMs: number): string {
  const named: Record<number, string> = { 60_000: 'minute', 3_600_000: 'hour', 86_400_000: 'day' };
  return named[stepMs] ?? formatDuration(stepMs);
}

/** The most common gap between consecutive bucket starts (SPEC §5's rule for the step). */
function inferStepMs(starts: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < starts.length; i++) {
    const gap = (starts[i] ?? 0) - (starts[i - 1] ?? 0);
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best = 3_600_000;
  let bestCount = 0;
  for (const [gap, n] of counts)
    if (n > bestCount || (n === bestCount && gap < best)) [best, bestCount] = [gap, n];
  return best;
}

/** At most this many buckets are drawn and listed; finer exports are summed into coarser ones. */
export const MAX_DISPLAY_BUCKETS = 200;
const DISPLAY_STEPS_MS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * 60_000);

/**
 * Two days of one-minute rows would be 2,880 points and table rows; the chart sums them into the
 * finest step from DISPLAY_STEPS_MS that keeps at most MAX_DISPLAY_BUCKETS, aligned to the site's
 * wall clock so that hours start on the hour. Counts are summed, so error rates stay exact.
 */
export function coarsenBuckets(
  buckets: readonly SliBucket[],
  stepMs: number,
  cal: Calendar,
  worstIs: SliMeasure['worstIs'] = 'highest',
): { buckets: SliBucket[]; stepMs: number } {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (first === undefined || last === undefined) return { buckets: [...buckets], stepMs };
  const spanMs = last.startMs + stepMs - first.startMs;
  if (spanMs / stepMs <= MAX_DISPLAY_BUCKETS) return { buckets: [...buckets], stepMs };
  const display = DISPLAY_STEPS_MS.find(
    (d) => d > stepMs && d % stepMs === 0 && spanMs / d <= MAX_DISPLAY_BUCKETS - 1,
  );
  if (display === undefined) return { buckets: [...buckets], stepMs };
  const groups = new Map<number, SliBucket>();
  for (const b of buckets) {
    const wall = wallClockOf(b.startMs, cal);
    const startMs = b.startMs - (wall - Math.floor(wall / display) * display);
    const g = groups.get(startMs);
    if (g === undefined)
      groups.set(startMs, {
        startMs,
        good: b.good,
        total: b.total,
        ...(b.value === undefined ? {} : { value: b.value }),
      });
    else {
      g.good += b.good;
      g.total += b.total;
      // A measured value cannot be summed: the coarse bucket shows its worst one.
      if (b.value !== undefined)
        g.value =
          g.value === undefined
            ? b.value
            : worstIs === 'highest'
              ? Math.max(g.value, b.value)
              : Math.min(g.value, b.value);
    }
  }
  return { buckets: [...groups.values()].sort((a, b) => a.startMs - b.startMs), stepMs: display };
}

export function buildIncidentSliChart(input: IncidentSliInput, cal: Calendar): BuiltChart {
  const sorted = [...input.buckets].sort((a, b) => a.startMs - b.startMs);
  const { buckets, stepMs } = coarsenBuckets(
    sorted,
    input.stepMs ?? inferStepMs(sorted.map((b) => b.startMs)),
    cal,
    input.measure?.worstIs,
  );
  const { startedMs, mitigatedMs } = input.incident;
  const measure = input.measure ?? null;
  const coarsened = stepMs !== (input.stepMs ?? inferStepMs(sorted.map((b) => b.startMs)));
  const lastEndMs = (buckets[buckets.length - 1]?.startMs ?? startedMs) + stepMs;
  const windowEndMs = mitigatedMs ?? Math.max(lastEndMs, startedMs);
  const wall = (ms: number): number => wallClockOf(ms, cal);
  const inWindow = (b: SliBucket): boolean => b.startMs < windowEndMs && b.startMs + stepMs > startedMs;
  const rate = (b: SliBucket): number | null => (b.total > 0 ? (b.total - b.good) / b.total : null);

  // A row covers [start, start + step): drawn as a step held to the bucket's end, with a break where
  // a bucket had no traffic or is missing.
  const points: { t: number; value: number; segment: number }[] = [];
  let segment = 0;
  let expectedStart: number | null = null;
  for (const b of buckets) {
    const r = rate(b);
    if (r === null || (expectedStart !== null && b.startMs !== expectedStart)) segment++;
    if (r !== null) {
      points.push({ t: wall(b.startMs), value: r, segment });
      points.push({ t: wall(b.startMs + stepMs), value: r, segment });
    }
    expectedStart = b.startMs + stepMs;
  }
  const fromMs = Math.min(buckets[0]?.startMs ?? startedMs, startedMs);
  const toMs = Math.max(lastEndMs, windowEndMs);
  const allowed = input.objective === undefined ? null : budgetRate(input.objective);
  const unit = input.unit ?? DEFAULT_UNIT;
  const windowLabel = mitigatedMs === null ? 'incident (not yet mitigated)' : 'incident';

  const layers: ChartLayer[] = [
    {
      data: { values: [{ from: wall(startedMs), to: wall(windowEndMs), label: windowLabel }] },
      layer: [
        {
          mark: { type: 'rect', fill: CHART_COLORS.bad, opacity: 0.15 },
          encoding: { x: timeField('from'), x2: { field: 'to' } },
        },
        {
          mark: { type: 'rule', stroke: CHART_COLORS.bad, strokeDash: [...DASH.marker] },
          encoding: { x: timeField('from') },
        },
        {
          mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 4 },
          encoding: { x: timeField('from'), y: { value: 0 }, text: { field: 'label' } },
        },
      ],
    },
  ];
  if (allowed !== null) {
    layers.push(objectiveRule(allowed, `budget rate ${formatPercent(allowed, RATE_DECIMALS)}`));
  }
  layers.push({
    data: { values: points },
    mark: { type: 'line', stroke: CHART_COLORS.line },
    encoding: {
      x: timeX('t', [wall(fromMs), wall(toMs)], '%-d %b %H:%M', 6),
      y: {
        field: 'value',
        type: 'quantitative',
        title: 'Error rate',
        // Flush: the 0% label sits above the axis end, clear of the first time label below it.
        axis: { format: percentAxisFormat(1), labelFlush: true },
        scale: { zero: true, nice: true },
      },
      detail: { field: 'segment', type: 'nominal' },
    },
  });

  const spec: TopLevelSpec = {
    ...MAIN_CHART,
    layer: layers,
  };

  return {
    kind: 'incident-sli',
    spec,
    title: `${input.sliName} around the incident "${input.incident.title}"`,
    description: describeSli(buckets, inWindow, rate, input, windowEndMs, stepMs, cal),
    table: {
      caption: `Error rate of ${input.sliName} per ${stepNoun(stepMs)}, from ${formatDateTime(fromMs, cal)} to ${formatDateTime(toMs, cal)}${input.condition ? `; each ${unit.singular} is good when ${input.condition}` : ''}`,
      columns: [
        'From',
        ...(measure ? [coarsened ? `${measure.heading}, worst` : measure.heading] : []),
        `Good ${unit.plural}`,
        `All ${unit.plural}`,
        'Error rate',
        'During the incident',
      ],
      numeric: [false, ...(measure ? [true] : []), true, true, true, false],
      rowHeader: 0,
      rows: buckets.map((b) => {
        const r = rate(b);
        return [
          formatDateTime(b.startMs, cal),
          ...(measure ? [b.value === undefined ? '—' : formatMeasured(b.value, measure.worstIs)] : []),
          formatCount(b.good),
          formatCount(b.total),
          r === null ? 'no traffic' : formatPercentUp(r, RATE_DECIMALS),
          inWindow(b) ? 'yes' : '',
        ];
      }),
    },
  };
}

function describeSli(
  buckets: readonly SliBucket[],
  inWindow: (b: SliBucket) => boolean,
  rate: (b: SliBucket) => number | null,
  input: IncidentSliInput,
  windowEndMs: number,
  stepMs: number,
  cal: Calendar,
): string {
  const { startedMs, mitigatedMs } = input.incident;
  const windowText =
    mitigatedMs === null
      ? `since ${formatDateTime(startedMs, cal)}, not yet mitigated`
      : `${formatDateTime(startedMs, cal)} to ${formatTime(windowEndMs, cal)}, ${formatDuration(windowEndMs - startedMs)}`;
  let peak: SliBucket | null = null;
  for (const b of buckets) {
    const r = rate(b);
    if (r !== null && (peak === null || r > (rate(peak) ?? 0))) peak = b;
  }
  if (peak === null) return `${input.sliName} had no traffic around the incident (${windowText}).`;
  const pooled = (list: readonly SliBucket[]): string | null => {
    const total = list.reduce((s, b) => s + b.total, 0);
    const bad = list.reduce((s, b) => s + b.total - b.good, 0);
    return total === 0 ? null : formatPercentUp(bad / total, RATE_DECIMALS);
  };
  const before = pooled(buckets.filter((b) => !inWindow(b) && b.startMs < startedMs));
  const after = pooled(buckets.filter((b) => !inWindow(b) && b.startMs >= windowEndMs));
  const where = inWindow(peak) ? 'inside the incident window' : 'outside the incident window';
  const peakText = `The error rate peaked at ${formatPercentUp(rate(peak) ?? 0, RATE_DECIMALS)} in the ${stepNoun(stepMs)} from ${formatDateTime(peak.startMs, cal)}, ${where} (${windowText}).`;
  const context = [
    before === null ? null : `${before} before the incident`,
    after === null ? null : `${after} after it`,
  ].filter((s) => s !== null);
  return context.length === 0
    ? peakText
    : `${peakText} It was ${context.join(' and ')}, over the rest of the chart.`;
}
