/**
 * What a threshold SLI measured, in words (issue 12 item 15): "p99 per hour: median 193 ms, worst
 * 1240 ms; 6 of 2,208 hours missed p99 ≤ 300 ms". Values are rounded toward worse (formatMeasured).
 */
import { formatCount, formatDuration, formatMeasured } from '../domain/format.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../domain/units.ts';
import type { LedgerReport, MeasuredReport } from './quarter-report.ts';

/** Unit suffixes of a value column's name, as monitoring exports spell them: p99_ms → p99, ms. */
const SUFFIX_UNITS: Record<string, string> = {
  ms: 'ms',
  milliseconds: 'ms',
  s: 's',
  seconds: 's',
  us: 'µs',
  microseconds: 'µs',
  pct: '%',
  percent: '%',
};

/** The measure and its unit from the column's name: 'p99_ms' → { name: 'p99', unit: 'ms' }. */
export function measureName(column: string): { name: string; unit: string } {
  const m = /^(.+?)[_\s.-]+([a-z]+)$/i.exec(column.trim());
  const unit = m ? SUFFIX_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  return m && unit !== undefined ? { name: m[1] ?? column, unit } : { name: column, unit: '' };
}

/** 'hour' / 'hours' for a one-hour step; '5 min step' / '5 min steps' for others. */
function stepWords(stepMs: number): { one: string; many: string } {
  if (stepMs === DAY_MS) return { one: 'day', many: 'days' };
  if (stepMs === HOUR_MS) return { one: 'hour', many: 'hours' };
  if (stepMs === MINUTE_MS) return { one: 'minute', many: 'minutes' };
  const span = formatDuration(stepMs);
  return { one: `${span} step`, many: `${span} steps` };
}

/** "193 ms", "99.5%", "12.3" (no unit known). */
function withUnit(text: string, unit: string): string {
  return unit === '' ? text : unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** "p99 per hour: median 193 ms, worst 1240 ms". */
export function measuredSummary(m: MeasuredReport): string {
  const { name, unit } = measureName(m.column);
  return `${name} per ${stepWords(m.stepMs).one}: median ${withUnit(formatMeasured(m.median, m.worstIs), unit)}, worst ${withUnit(formatMeasured(m.worst, m.worstIs), unit)}`;
}

/** "6 of 2,208 hours missed p99 ≤ 300 ms". */
export function measuredBreaches(m: MeasuredReport): string {
  const { name, unit } = measureName(m.column);
  const steps = stepWords(m.stepMs);
  return `${formatCount(m.breached)} of ${formatCount(m.steps)} ${m.steps === 1 ? steps.one : steps.many} missed ${name} ${m.op} ${withUnit(String(m.threshold), unit)}`;
}

/** Both, as one sentence. */
export function measuredText(m: MeasuredReport): string {
  return `${measuredSummary(m)}; ${measuredBreaches(m)}`;
}

/** The words for an SLO in a quarter, or null for a count SLI or a quarter without values. */
export function measuredTextOf(
  report: Pick<LedgerReport, 'measured'>,
  quarter: string,
  sloId: string,
): string | null {
  const m = report.measured[quarter]?.[sloId];
  return m === undefined ? null : measuredText(m);
}
