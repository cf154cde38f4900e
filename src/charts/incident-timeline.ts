/**
 * A quarter's incidents on its time axis (SPEC §9.1 "incidents"): one bar per incident from
 * `started` to `mitigated`, its severity told by colour, shape and a written label.
 */
import { compareText } from '../domain/compare-text.ts';
import type { TopLevelSpec } from 'vega-lite';
import type { Calendar } from '../domain/calendar.ts';
import { formatDateTime, formatDuration } from '../domain/format.ts';
import type { BuiltChart } from './chart.ts';
import { CHART_CONFIG, CHART_WIDTH, SEVERITY_COLORS, SEVERITY_SHAPES } from './chart-style.ts';
import { quarterSpan, timeField, timeX, wallClockOf, type QuarterLike } from './chart-time.ts';

/** The fields of an IncidentReport the timeline reads. */
export interface TimelineIncident {
  id: string;
  title: string;
  severity: string;
  /** ISO 8601 */
  started: string;
  /** ISO 8601; null while impact goes on (a draft in an internal build). */
  mitigated: string | null;
}

export interface IncidentTimelineOptions {
  /** The site's calendar: bars and axis in its wall-clock time. */
  cal: Calendar;
  /** The site's severities, most severe first (SPEC §3); they fix the order of colours and shapes. */
  severities?: readonly string[];
  /** Where an incident without `mitigated` ends on the chart; the quarter's end when omitted. */
  asOfMs?: number;
}

/** The default severities of SPEC §3. */
const DEFAULT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
const ROW_HEIGHT = 26;
const TITLE_CHARS = 36;

/** A title cut to `max` characters at a word where it can be; the table keeps the whole title. */
function shortTitle(title: string, max = TITLE_CHARS): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function buildIncidentTimelineChart(
  incidents: readonly TimelineIncident[],
  quarter: QuarterLike,
  options: IncidentTimelineOptions,
): BuiltChart {
  const { cal } = options;
  const q = quarterSpan(quarter);
  const wall = (ms: number): number => wallClockOf(ms, cal);
  const sorted = [...incidents].sort(
    (a, b) => Date.parse(a.started) - Date.parse(b.started) || compareText(a.id, b.id),
  );
  const severities = orderedSeverities(options.severities ?? DEFAULT_SEVERITIES, sorted);
  const openEndMs = Math.min(options.asOfMs ?? q.endMs, q.endMs);

  const rows = sorted.map((i, index) => {
    const startedMs = Date.parse(i.started);
    const mitigatedMs = i.mitigated === null ? null : Date.parse(i.mitigated);
    const endMs = mitigatedMs ?? Math.max(openEndMs, startedMs);
    const duration = mitigatedMs === null ? 'ongoing' : formatDuration(mitigatedMs - startedMs);
    // An incident across a quarter boundary is drawn up to the boundary; the table has its times.
    const fromMs = Math.max(startedMs, q.startMs);
    const toMs = Math.min(endMs, q.endMs);
    const label = `${i.severity} · ${duration} · ${shortTitle(i.title)}`;
    const place = placeLabel(label, { fromMs, toMs }, { startMs: q.startMs, endMs: q.endMs });
    return {
      // Rows are numbered, as in the table, so that two incidents with one title keep two rows.
      row: String(index + 1),
      title: i.title,
      from: wall(fromMs),
      to: wall(toMs),
      labelAt: wall(place.atMs),
      labelAlign: place.align,
      severity: i.severity,
      label,
      startedMs,
      mitigatedMs,
      duration,
    };
  });
  const rowNames = rows.map((r) => r.row);
  const y = {
    field: 'row',
    type: 'nominal' as const,
    title: null,
    sort: rowNames,
    axis: { ticks: false, domain: false },
  };
  const severityScale = {
    domain: severities,
    range: severities.map(
      (_, i) => SEVERITY_COLORS[Math.min(i, SEVERITY_COLORS.length - 1)] ?? SEVERITY_COLORS[0],
    ),
  };
  const shapeScale = {
    domain: severities,
    range: severities.map(
      (_, i) => SEVERITY_SHAPES[Math.min(i, SEVERITY_SHAPES.length - 1)] ?? SEVERITY_SHAPES[0],
    ),
  };

  const spec: TopLevelSpec = {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: Math.max(1, rows.length) * ROW_HEIGHT,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', height: 10, cornerRadius: 1 },
        encoding: {
          // The axis and its domain sit on the point layer: Vega-Lite 6 reads an explicit temporal
          // domain twice when the same layer has x2, and warns about the conflict.
          x: timeField('from'),
          x2: { field: 'to' },
          y,
          color: {
            field: 'severity',
            type: 'nominal',
            title: 'Severity',
            scale: severityScale,
            legend: null,
          },
        },
      },
      {
        // A marker at the start, so an incident of minutes is visible on a quarter's axis.
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x: timeX('from', [wall(q.startMs), wall(q.endMs)], '%-d %b'),
          y,
          color: { field: 'severity', type: 'nominal', scale: severityScale, legend: null },
          shape: { field: 'severity', type: 'nominal', scale: shapeScale, legend: null },
        },
      },
      {
        transform: [{ filter: "datum.labelAlign === 'left'" }],
        mark: { type: 'text', align: 'left', dx: 8 },
        encoding: { x: timeField('labelAt'), y, text: { field: 'label' } },
      },
      {
        transform: [{ filter: "datum.labelAlign === 'right'" }],
        mark: { type: 'text', align: 'right', dx: -8 },
        encoding: { x: timeField('labelAt'), y, text: { field: 'label' } },
      },
      {
        // Neither side of the bar has room: the label sits above it, inside the plot, clear of
        // the row numbers on the axis and of the rows above and below.
        transform: [{ filter: "datum.labelAlign === 'above'" }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dy: -12 },
        encoding: { x: timeField('labelAt'), y, text: { field: 'label' } },
      },
    ],
  };

  return {
    kind: 'incident-timeline',
    spec,
    title: `Incidents with impact in ${q.label}`,
    description: describeTimeline(rows, severities, q.label, cal),
    table: {
      caption: `Incidents with impact in ${q.label}, in order of start`,
      columns: ['No.', 'Incident', 'Severity', 'Started', 'Mitigated', 'Time to restore'],
      numeric: [true, false, false, false, false, true],
      rowHeader: 1,
      rows: rows.map((r) => [
        r.row,
        r.title,
        r.severity,
        formatDateTime(r.startedMs, cal),
        r.mitigatedMs === null ? 'not yet' : formatDateTime(r.mitigatedMs, cal),
        r.duration,
      ]),
    },
  };
}

/** Width of a label in px at the chart's 11 px text, a little generous so that labels never touch. */
const CHAR_PX = 6.3;
const LABEL_GAP = 8;

/**
 * Where a bar's label fits inside the plot: after the bar, else before it, else above it at the
 * bar's start (moved left as far as it must to end inside the plot). Never over the row numbers.
 */
export function placeLabel(
  label: string,
  bar: { fromMs: number; toMs: number },
  axis: { startMs: number; endMs: number; width?: number },
): { atMs: number; align: 'left' | 'right' | 'above' } {
  const { fromMs, toMs } = bar;
  const { startMs, endMs, width = CHART_WIDTH } = axis;
  const px = (ms: number): number => ((ms - startMs) / (endMs - startMs)) * width;
  const need = label.length * CHAR_PX + LABEL_GAP;
  if (px(toMs) + need <= width) return { atMs: toMs, align: 'left' };
  if (px(fromMs) - need >= 0) return { atMs: fromMs, align: 'right' };
  const x = Math.max(0, Math.min(px(fromMs), width - need + LABEL_GAP));
  return { atMs: startMs + (x / width) * (endMs - startMs), align: 'above' };
}

/** The configured severities first, in their order; any other severity after them, sorted. */
function orderedSeverities(configured: readonly string[], incidents: readonly TimelineIncident[]): string[] {
  const extra = [...new Set(incidents.map((i) => i.severity))].filter((s) => !configured.includes(s)).sort();
  return [...configured, ...extra];
}

function describeTimeline(
  rows: readonly {
    title: string;
    severity: string;
    startedMs: number;
    mitigatedMs: number | null;
    duration: string;
  }[],
  severities: readonly string[],
  label: string,
  cal: Calendar,
): string {
  if (rows.length === 0) return `There were no incidents with impact in ${label}.`;
  const counts = severities
    .map((s) => ({ s, n: rows.filter((r) => r.severity === s).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${c.n} ${c.s}`);
  // "with impact in": an incident that began in the previous quarter and burned this one's budget is
  // drawn here, but counted where it began (issue 12 item 11).
  const head = `${rows.length} ${rows.length === 1 ? 'incident' : 'incidents'} with impact in ${label}: ${counts.join(', ')}.`;
  const restored = rows.filter((r): r is typeof r & { mitigatedMs: number } => r.mitigatedMs !== null);
  let longest = restored[0];
  for (const r of restored)
    if (longest !== undefined && r.mitigatedMs - r.startedMs > longest.mitigatedMs - longest.startedMs)
      longest = r;
  const open = rows.length - restored.length;
  const parts = [head];
  if (longest !== undefined) {
    parts.push(
      `The longest, ${longest.title} (${longest.severity}), lasted ${longest.duration} from ${formatDateTime(longest.startedMs, cal)}.`,
    );
  }
  if (open > 0) parts.push(`${open} ${open === 1 ? 'is' : 'are'} not yet mitigated.`);
  return parts.join(' ');
}
