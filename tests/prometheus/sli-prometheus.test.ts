/** `sli.prometheus` and OpenSLO's Prometheus source, as the catalog reads them (SPEC §4). */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostic.ts';
import { parseSloCatalog } from '../../src/ingest/catalog/read.ts';

async function catalogOf(...names: string[]) {
  const files = await Promise.all(
    names.map(async (n) => ({
      file: `data/slos/${n.split('/').pop()}`,
      text: await readFile(new URL(`../fixtures/prometheus/${n}`, import.meta.url), 'utf8'),
    })),
  );
  return parseSloCatalog(files);
}

describe('sli.prometheus', () => {
  it('names the columns pull writes after the queries when the SLO names none', async () => {
    const { catalog, diagnostics } = await catalogOf('slos/counter-selectors.yaml');
    expect(diagnostics).toEqual([]);
    const [errors, good] = catalog.entries;
    expect(errors?.sli).toMatchObject({
      source: 'sli/checkout-errors.csv',
      bad: 'bad',
      total: 'total',
      stepMs: 300_000,
      prometheus: {
        bad: 'http_requests_total{job="checkout",code=~"5.."}',
        total: 'http_requests_total{job="checkout"}',
      },
    });
    // Named columns are kept: pull writes ok and requests.
    expect(good?.sli).toMatchObject({ good: 'ok', total: 'requests', series: 'good' });
  });

  it('reads OpenSLO metricSource type Prometheus into the same mapping, source from the SLI name', async () => {
    const { catalog, diagnostics } = await catalogOf('slos/openslo-prometheus.yaml');
    expect(diagnostics).toEqual([]);
    expect(catalog.entries[0]?.sli).toMatchObject({
      source: 'sli/checkout-openslo.csv',
      bad: 'bad',
      total: 'total',
      stepMs: 300_000,
      prometheus: {
        bad: 'http_requests_total{job="checkout",code=~"5.."}',
        total: 'http_requests_total{job="checkout"}',
      },
    });
  });

  it.each([
    [
      'invalid/good-and-bad-queries.yaml',
      'data/slos/good-and-bad-queries.yaml:12:9: error: slos[0].sli.prometheus: give exactly one of good or bad, with total [schema]',
    ],
    [
      'invalid/bad-query-good-column.yaml',
      'data/slos/bad-query-good-column.yaml:14:9: error: slos[0].sli.prometheus: the query and the column must both be good, or both be bad [schema]',
    ],
  ])('%s is refused at its line', async (name, message) => {
    const { diagnostics } = await catalogOf(name);
    // One problem, at the line of the key: no follow-on complaints about the columns.
    expect(diagnostics.map((d) => formatDiagnostic(d).split('\n')[0])).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('refuses, before any pull, a query that cannot be counted per step', async () => {
    const { diagnostics } = await catalogOf('invalid/rate-with-a-fixed-window.yaml');
    expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      `data/slos/rate-with-a-fixed-window.yaml:6:1: error: SLO checkout-errors: the bad query "sum(rate(http_requests_total{code=~"5.."}[5m]))" is neither a counter selector (a metric with label matchers, e.g. http_requests_total{code=~"5.."}) nor a query with {{.window}} (e.g. sum(rate(http_requests_total[{{.window}}]))) [prometheus-query-unpullable]
  hint: write the counter selector alone (pull counts sum(increase(<selector>[step]))), or a rate over [{{.window}}] as Sloth does`,
    ]);
  });

  it('names a misspelt query key of an OpenSLO Prometheus source at its line', async () => {
    const { diagnostics } = await catalogOf('invalid/openslo-prometheus-without-query.yaml');
    expect(diagnostics.map((d) => formatDiagnostic(d).split('\n')[0])).toEqual([
      'data/slos/openslo-prometheus-without-query.yaml:22:15: error: spec.indicator.spec.ratioMetric.bad.metricSource.spec.query: is required (string) [schema]',
      'data/slos/openslo-prometheus-without-query.yaml:22:15: error: unknown key "queryy" in spec.indicator.spec.ratioMetric.bad.metricSource.spec [unknown-key]',
    ]);
  });
});
