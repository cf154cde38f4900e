/**
 * Binding an SLO's `sli` mapping to a CSV header (SPEC §5). Long layout: one row per series and
 * step, the series named in a column (`timestamp,series,good,total`). Wide layout: one column per
 * series, as Grafana's "series joined by time" download (`Time,checkout_ok,checkout_all`); the SLO
 * then names its series' columns in `good`/`bad`/`total` or `value`, and reads every row.
 */
import { diagnose, type Diagnostic } from '../diagnostic.ts';
import type { SliMapping, ThresholdOp } from '../catalog/model.ts';
import type { TimeFormat } from './timestamp.ts';

export interface SliConsumer {
  sloId: string;
  mapping: SliMapping;
  /** The site's zone: where a date alone (`2025-04-05`) is placed when `sli.timezone` is not given. */
  siteZone?: string | null;
}

/** Plain data, so that it can be posted to a worker thread. */
export interface ConsumerBinding {
  sloId: string;
  tsIndex: number;
  /** -1: every row belongs to the SLO (wide layout, or no `series:`). */
  seriesIndex: number;
  series: string | null;
  goodIndex: number;
  badIndex: number;
  totalIndex: number;
  valueIndex: number;
  /** Header names as written, for messages. */
  names: { good: string; bad: string; total: string; value: string; timestamp: string };
  threshold: { op: ThresholdOp; value: number } | null;
  timezone: string | null;
  /** Zone of a date alone: `sli.timezone`, else the site's. */
  dayZone: string | null;
  timeFormat: TimeFormat;
}

/**
 * Finds a column: the exact name, else the one header name equal to it ignoring case (Grafana
 * writes `Time`, Prometheus converters `time`). The default timestamp column also answers to `time`.
 */
function findColumn(header: readonly string[], name: string, alsoTime: boolean): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = alsoTime ? [name.toLowerCase(), 'time'] : [name.toLowerCase()];
  for (const w of wanted) {
    const hits = header.flatMap((h, i) => (h.trim().toLowerCase() === w ? [i] : []));
    if (hits.length === 1 && hits[0] !== undefined) return hits[0];
  }
  return -1;
}

export function bindHeader(
  header: readonly string[],
  consumers: readonly SliConsumer[],
  file: string,
  line: number,
): { bindings: (ConsumerBinding | null)[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const columns = header.map((h) => `"${h}"`).join(', ');
  const bindings = consumers.map((consumer): ConsumerBinding | null => {
    const m = consumer.mapping;
    let ok = true;
    const find = (name: string | null, role: string, hint?: string): number => {
      if (name === null) return -1;
      const i = findColumn(header, name, role === 'the timestamp' && name === 'timestamp');
      if (i < 0) {
        ok = false;
        diagnostics.push(
          diagnose(
            'csv-missing-column',
            { file, line, column: 1 },
            `SLO ${consumer.sloId} reads ${role} from column "${name}", which the header does not have (columns: ${columns})`,
            hint,
          ),
        );
      }
      return i;
    };
    const wideHint =
      'if this export has one column per series (wide layout, as Grafana\'s "series joined by time"), remove sli.series and name the series\' columns in good/total or value';
    const tsIndex = find(
      m.timestampColumn,
      'the timestamp',
      m.timestampColumn === 'timestamp'
        ? 'name the time column with sli.timestampColumn, e.g. timestampColumn: Time'
        : undefined,
    );
    const seriesIndex =
      m.series === null
        ? -1
        : find(m.seriesColumn, 'the series name', m.layout === 'long' ? undefined : wideHint);
    const binding: ConsumerBinding = {
      sloId: consumer.sloId,
      tsIndex,
      seriesIndex,
      series: m.series,
      goodIndex: find(m.good, 'good events'),
      badIndex: find(m.bad, 'bad events'),
      totalIndex: find(m.total, 'total events'),
      valueIndex: find(m.value, 'the measured value'),
      names: {
        good: m.good ?? '',
        bad: m.bad ?? '',
        total: m.total ?? '',
        value: m.value ?? '',
        timestamp: m.timestampColumn,
      },
      threshold: m.threshold,
      timezone: m.timezone,
      dayZone: m.timezone ?? consumer.siteZone ?? null,
      timeFormat: m.timeFormat,
    };
    return ok ? binding : null;
  });
  return { bindings, diagnostics };
}
