import { describe, expect, it } from 'vitest';
import { metricNames, planQuery, promDuration } from '../../src/ingest/prometheus/promql-plan.ts';

const M5 = 300_000;

describe('planning a pulled query', () => {
  it("turns Sloth's {{.window}} rate into a count: window = step, × 300 s", () => {
    expect(planQuery('sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))', 'bad', M5)).toEqual({
      ok: true,
      plan: {
        expr: 'sum(rate(http_requests_total{code=~"5.."}[5m]))',
        scale: 300,
        metrics: ['http_requests_total'],
      },
    });
  });

  it("wraps a counter selector (Pyrra's errors/total metrics) in sum(increase(…[step]))", () => {
    expect(planQuery('http_requests_total{job="api", code=~"5.."}', 'bad', 3_600_000)).toEqual({
      ok: true,
      plan: {
        expr: 'sum(increase(http_requests_total{job="api", code=~"5.."}[1h]))',
        scale: 1,
        metrics: ['http_requests_total'],
      },
    });
  });

  it('reads a value query as it is, with the window set but no multiplying', () => {
    const r = planQuery(
      'histogram_quantile(0.99, sum by (le) (rate(latency_bucket[{{.window}}])))',
      'value',
      M5,
    );
    expect(r).toEqual({
      ok: true,
      plan: {
        expr: 'histogram_quantile(0.99, sum by (le) (rate(latency_bucket[5m])))',
        scale: 1,
        metrics: ['latency_bucket'],
      },
    });
  });

  it('refuses a rate without {{.window}}: it could not be turned into a count per step', () => {
    const r = planQuery('sum(rate(http_requests_total[5m]))', 'total', M5);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('neither a counter selector');
  });

  it.each([
    [60_000, '1m'],
    [300_000, '5m'],
    [3_600_000, '1h'],
    [86_400_000, '1d'],
    [90_000, '90s'],
  ])('a step of %s ms is written %s', (ms, text) => {
    expect(promDuration(ms)).toBe(text);
  });

  it('finds the metrics of a query, not its functions, labels or durations', () => {
    expect(
      metricNames('sum by (code) (rate(a_total{x="y{z}"}[5m])) / ignoring(code) sum(rate(b_total[5m])) + c'),
    ).toEqual(['a_total', 'b_total', 'c']);
  });
});

describe('a {{.window}} query that already counts', () => {
  it("is not multiplied: Sloth's home-wifi style sum_over_time counts over the window", () => {
    const r = planQuery(
      'sum_over_time((count(wifi_ratio < 0.75))[{{.window}}:]) OR on() vector(0)',
      'bad',
      M5,
    );
    expect(r.ok && r.plan.scale).toBe(1);
    expect(r.ok && r.plan.expr).toBe('sum_over_time((count(wifi_ratio < 0.75))[5m:]) OR on() vector(0)');
  });
  it('is not multiplied when it is an increase()', () => {
    const r = planQuery('sum(increase(http_requests_total[{{.window}}]))', 'total', M5);
    expect(r.ok && r.plan.scale).toBe(1);
  });
});
