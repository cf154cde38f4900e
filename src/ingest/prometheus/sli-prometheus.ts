/**
 * `sli.prometheus` in the native format and `metricSource: { type: Prometheus, spec: { query } }`
 * in OpenSLO: the PromQL `npm run pull` evaluates to write the SLI's CSV. The CSV stays what
 * the engine reads; these queries only say how to produce it.
 */
import { z } from 'zod';

/** PromQL per column, e.g. { bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' }. */
export interface PrometheusQueries {
  good?: string | undefined;
  bad?: string | undefined;
  total?: string | undefined;
  value?: string | undefined;
}

const promql = z.string().trim().min(1, 'write a PromQL query');

export const prometheusQueriesSchema = z.strictObject({
  /** Good events, e.g. http_requests_total{code!~"5.."} or sum(rate(…[{{.window}}])). */
  good: promql.optional(),
  /** Bad events (instead of good), e.g. http_requests_total{code=~"5.."}. */
  bad: promql.optional(),
  /** All events, e.g. http_requests_total. */
  total: promql.optional(),
  /** A measured value for threshold SLIs, e.g. a p99 latency in ms. */
  value: promql.optional(),
});

/**
 * The column each pulled query writes: the column the SLO names, or the query's own name
 * (`good`, `bad`, `total`, `value`) when it names none.
 */
export function columnsWithPrometheus<
  T extends {
    good?: string | undefined;
    bad?: string | undefined;
    total?: string | undefined;
    value?: string | undefined;
  },
>(sli: T & { prometheus?: PrometheusQueries | undefined }): T {
  const q = sli.prometheus;
  if (q === undefined) return sli;
  return {
    ...sli,
    ...(q.good !== undefined && sli.good === undefined ? { good: 'good' } : {}),
    ...(q.bad !== undefined && sli.bad === undefined ? { bad: 'bad' } : {}),
    ...(q.total !== undefined && sli.total === undefined ? { total: 'total' } : {}),
    ...(q.value !== undefined && sli.value === undefined ? { value: 'value' } : {}),
  };
}

/** Queries that do not match the SLO's columns: a query for good when the SLO reads bad, etc. */
export function prometheusMismatch(
  sli: { good?: string | undefined; bad?: string | undefined; value?: string | undefined },
  q: PrometheusQueries,
): string | null {
  if (q.value !== undefined) {
    return q.good !== undefined || q.bad !== undefined || q.total !== undefined
      ? 'give either value, or good/bad with total, not both'
      : null;
  }
  if (q.total === undefined) return 'needs total, the query of all events';
  if ((q.good === undefined) === (q.bad === undefined)) return 'give exactly one of good or bad, with total';
  if ((q.good !== undefined && sli.bad !== undefined) || (q.bad !== undefined && sli.good !== undefined))
    return 'the query and the column must both be good, or both be bad';
  return null;
}

/**
 * OpenSLO's `metricSource: { type: Prometheus, spec: { query } }`, plus where the pulled CSV goes
 * (`source`, default `sli/<sli name>.csv`) and the step of its rows.
 */
export function openSloPrometheusSpecSchema(csvReading: z.ZodRawShape, sliName: string) {
  return z
    .strictObject({
      ...csvReading,
      /** The PromQL, e.g. sum(rate(http_requests_total{code=~"5.."}[{{.window}}])). */
      query: promql,
      /** Where `npm run pull` writes the rows, relative to data/, e.g. sli/checkout.csv. */
      source: z.string().min(1).default(`sli/${sliName}.csv`),
    })
    .transform(({ query, ...reading }) => ({ query, reading }));
}
