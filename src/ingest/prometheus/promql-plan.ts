/**
 * From the PromQL an SLO names to the expression the puller evaluates, so that each evaluation
 * at t + step is the count of [t, t + step). Two forms, as the SLO tools write them:
 *
 * - Sloth's `{{.window}}` queries return a per-second rate over the window: the window becomes
 *   the step and the rate is multiplied by the step in seconds. A `{{.window}}` query with no
 *   rate() in it (increase(), sum_over_time()) already counts over the window and is not.
 * - Anything else must be a counter selector (a metric with label matchers, as Pyrra writes it):
 *   the count is `sum(increase(<selector>[<step>]))`.
 *
 * A threshold SLI's `value` query is a gauge or a quantile, read as it is (with `{{.window}}`
 * set to the step, but not multiplied).
 */

export type QueryRole = 'good' | 'bad' | 'total' | 'value';

export interface PlannedQuery {
  /** The expression sent to the API. */
  expr: string;
  /** What each sample is multiplied by: the step in seconds for a rate, else 1. */
  scale: number;
  /** Metric names the query reads, for the "unknown metric" check. */
  metrics: string[];
}

export type PlanResult = { ok: true; plan: PlannedQuery } | { ok: false; message: string };

const WINDOW = /\{\{\s*\.window\s*\}\}/g;
/** A metric name with optional label matchers, and nothing else (no function, no range). */
const SELECTOR = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(\{(?:[^{}"]|"(?:[^"\\]|\\.)*")*\})?\s*$/;
const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'and',
  'or',
  'unless',
  // Aggregation operators, which may be followed by `by (…)` rather than `(`.
  ...['sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk'],
  ...['quantile', 'limitk', 'limit_ratio'],
]);

/** The step as PromQL writes a duration: whole seconds in the largest unit that divides them. */
export function promDuration(stepMs: number): string {
  const s = Math.round(stepMs / 1000);
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    if (s % size === 0) return `${s / size}${unit}`;
  }
  return `${s}s`;
}

export function planQuery(query: string, role: QueryRole, stepMs: number): PlanResult {
  const window = promDuration(stepMs);
  const trimmed = query.trim();
  if (trimmed === '') return { ok: false, message: 'the query is empty' };
  if (WINDOW.test(trimmed)) {
    WINDOW.lastIndex = 0;
    const expr = trimmed.replace(WINDOW, window);
    // Sloth's queries are rates (per second); one that is already a count over the window
    // (increase(), sum_over_time(), count_over_time()) is taken as it is.
    const isRate = role !== 'value' && /(^|[^a-z_])rate\s*\(/.test(expr);
    return { ok: true, plan: { expr, scale: isRate ? stepMs / 1000 : 1, metrics: metricNames(expr) } };
  }
  if (role === 'value') return { ok: true, plan: { expr: trimmed, scale: 1, metrics: metricNames(trimmed) } };
  const m = SELECTOR.exec(trimmed);
  if (m === null || (m[1] === undefined && m[2] === undefined)) {
    return {
      ok: false,
      message: `"${trimmed}" is neither a counter selector (a metric with label matchers, e.g. http_requests_total{code=~"5.."}) nor a query with {{.window}} (e.g. sum(rate(http_requests_total[{{.window}}])))`,
    };
  }
  return {
    ok: true,
    plan: {
      expr: `sum(increase(${trimmed}[${window}]))`,
      scale: 1,
      metrics: m[1] !== undefined ? [m[1]] : nameMatcher(m[2] ?? ''),
    },
  };
}

/** Names of the metrics a query reads: identifiers followed by a `{` or a `[`, and bare names. */
export function metricNames(expr: string): string[] {
  const names = new Set<string>();
  const noStrings = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const noLabels = noStrings.replace(/\{[^{}]*\}/g, (braces) => {
    for (const n of nameMatcher(braces)) names.add(n);
    return '{}';
  });
  for (const m of noLabels.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\(|\{|\[)?/g)) {
    const name = m[1] ?? '';
    if (m[2] === '(' || PROMQL_WORDS.has(name)) continue;
    // A duration inside [] or a number is not a metric.
    const before = noLabels.slice(0, m.index);
    if (/\[[^\]]*$/.test(before) || /\(\s*(by|without|on|ignoring|group_left|group_right)\s*\($/.test(before))
      continue;
    if (/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*$/.test(before)) continue;
    names.add(name);
  }
  return [...names];
}

function nameMatcher(braces: string): string[] {
  const m = /__name__\s*=\s*"([^"]+)"/.exec(braces);
  return m?.[1] !== undefined ? [m[1]] : [];
}
