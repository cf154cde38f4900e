/**
 * The SLO catalog in both formats (SPEC §4): native files and OpenSLO v1 documents become the
 * same catalog entries, and every rule broken is reported at its line in the spec's own words.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostic.ts';
import { parseSloCatalog } from '../../src/ingest/catalog/read.ts';

const fixture = (dir: 'openslo' | 'slos', name: string) => ({
  file: `data/slos/${name}`,
  text: readFileSync(fileURLToPath(new URL(`../fixtures/${dir}/${name}`, import.meta.url)), 'utf8'),
});
const openslo = (...names: string[]) => parseSloCatalog(names.map((n) => fixture('openslo', n)));
const text = (r: ReturnType<typeof parseSloCatalog>) => r.diagnostics.map(formatDiagnostic).join('\n');

describe('OpenSLO v1 documents', () => {
  it('read Service, SLI and SLO kinds across documents, indicatorRef and inline indicators, one SLO per objective', () => {
    const { catalog, diagnostics } = openslo('services-slis-slos-across-documents.yaml');
    expect(diagnostics).toEqual([]);
    expect(catalog.services).toEqual([{ id: 'checkout-api', owner: 'Dana Ruiz', team: 'payments' }]);
    expect(catalog.entries.map((e) => e.slo.id)).toEqual([
      'checkout-availability',
      'checkout-minutes-1',
      'checkout-minutes-2',
      'checkout-latency',
    ]);
    const [occurrences, internal, contract, latency] = catalog.entries;
    // targetPercent 99.9 is the fraction 0.999.
    expect(occurrences?.slo).toMatchObject({
      name: 'Checkout requests succeed',
      objective: 0.999,
      budgeting: 'occurrences',
      owner: 'Dana Ruiz',
      team: 'payments',
    });
    expect(occurrences?.sli).toMatchObject({
      source: 'sli/checkout.csv',
      series: 'checkout',
      good: 'good',
      total: 'total',
      threshold: null,
    });
    expect(occurrences?.timeWindow).toEqual({ duration: '28d', isRolling: true });
    // Two objectives: two SLOs, named after each objective; a bare 5 is five minutes.
    expect(internal?.slo).toMatchObject({
      name: 'Checkout minutes are good (Internal)',
      objective: 0.995,
      budgeting: 'timeslices',
      timeslice: { windowMs: 60_000, target: 0.95 },
    });
    expect(contract?.slo).toMatchObject({
      name: 'Checkout minutes are good (Contract)',
      objective: 0.99,
      timeslice: { windowMs: 300_000, target: 0.9 },
    });
    expect(internal?.timeWindow).toEqual({
      duration: '1Q',
      isRolling: false,
      calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Europe/London' },
    });
    // The objective's op and value become the threshold of the value column.
    expect(latency?.slo).toMatchObject({
      name: 'checkout-latency',
      budgeting: 'ratio-timeslices',
      timeslice: { windowMs: 3_600_000 },
    });
    expect(latency?.sli).toMatchObject({
      value: 'p99_ms',
      threshold: { op: 'lte', value: 300 },
      timezone: 'Europe/Berlin',
      stepMs: 300_000,
    });
    expect(latency?.line).toBe(85); // the line of its objective
  });

  it('read a YAML list of objects (the Go SDK style), bad over total, owner from annotations and team from labels', () => {
    const { catalog, diagnostics } = openslo('go-sdk-style-list-with-bad-total.yaml');
    expect(diagnostics).toEqual([]);
    expect(catalog.entries[0]?.slo).toMatchObject({
      id: 'search-availability',
      owner: 'Lee Wong',
      team: 'search, web',
      objective: 0.999,
    });
    expect(catalog.entries[0]?.sli).toMatchObject({ good: null, bad: 'errors', total: 'requests' });
  });

  it('refuse op on a ratio metric', () => {
    expect(text(openslo('op-on-ratio-metric.yaml'))).toMatchInlineSnapshot(`
      "data/slos/op-on-ratio-metric.yaml:19:11: error: op is refused on a ratioMetric: OpenSLO's op is "Only needed when using a thresholdMetric" [openslo-rule]
        hint: remove op (and value) from the objective: a ratio objective is its target alone"
    `);
  });

  it('require timeSliceTarget for Timeslices', () => {
    expect(text(openslo('timeslices-without-timeslicetarget.yaml'))).toMatchInlineSnapshot(`
      "data/slos/timeslices-without-timeslicetarget.yaml:18:7: error: this objective needs timeSliceTarget: OpenSLO requires it "when budgetingMethod is set to TimeSlices", as it is here [openslo-rule]
        hint: e.g. timeSliceTarget: 0.95 — a slice is good when at least 95% of its events are"
    `);
  });

  it('warn that 1m is one minute, not one month', () => {
    const r = openslo('time-window-of-one-minute.yaml');
    expect(text(r)).toMatchInlineSnapshot(`
      "data/slos/time-window-of-one-minute.yaml:20:17: warning: timeWindow duration "1m" is 1 minute: in OpenSLO "m" is minutes and "M" is months [openslo-minutes-window]
        hint: write 1M for 1 month; a window of minutes is too short to review"
    `);
    expect(r.catalog.entries[0]?.timeWindow?.duration).toBe('1m');
  });

  it('refuse a slice window in months', () => {
    expect(text(openslo('slice-window-in-months.yaml'))).toMatchInlineSnapshot(`
      "data/slos/slice-window-in-months.yaml:20:24: error: timeSliceWindow "1M" is 1 month (in OpenSLO "M" is months and "m" minutes); a slice must have a fixed length [openslo-rule]
        hint: use m, h, d or w, e.g. 1m for 1 minute"
    `);
  });

  it('enforce the name rule', () => {
    expect(text(openslo('name-breaks-the-rule.yaml'))).toMatchInlineSnapshot(`
      "data/slos/name-breaks-the-rule.yaml:4:9: error: metadata.name "Web_Availability" breaks the name rule: OpenSLO names "are up to 63 characters in length, contain lowercase alphanumeric characters or \`-\`, start with an alphanumeric character, end with an alphanumeric character" [openslo-rule]
        hint: e.g. web-availability"
    `);
  });

  it('explain how to map a metric source that is not a CSV export', () => {
    expect(text(openslo('datadog-metric-source.yaml'))).toMatchInlineSnapshot(`
      "data/slos/datadog-metric-source.yaml:10:15: error: SLI web-requests reads a metric source of type "Datadog"; the ledger reads SLIs from CSV exports, or pulls them from Prometheus [openslo-unsupported-source]
        hint: export the metric to CSV (e.g. Grafana's "Download CSV") and write metricSource: { type: csv, spec: { source: sli/web-requests.csv, column: <column> } }"
    `);
  });

  it('still check the objective against the indicator when its source is not a CSV export', () => {
    expect(text(openslo('op-on-ratio-metric-of-datadog.yaml'))).toMatchInlineSnapshot(`
      "data/slos/op-on-ratio-metric-of-datadog.yaml:16:19: error: SLI web-requests reads a metric source of type "Datadog"; the ledger reads SLIs from CSV exports, or pulls them from Prometheus [openslo-unsupported-source]
        hint: export the metric to CSV (e.g. Grafana's "Download CSV") and write metricSource: { type: csv, spec: { source: sli/web-requests.csv, column: <column> } }
      data/slos/op-on-ratio-metric-of-datadog.yaml:25:11: error: op is refused on a ratioMetric: OpenSLO's op is "Only needed when using a thresholdMetric" [openslo-rule]
        hint: remove op (and value) from the objective: a ratio objective is its target alone"
    `);
  });

  it('name the SLIs that exist when indicatorRef names none', () => {
    const r = parseSloCatalog([
      fixture('openslo', 'indicator-ref-to-nothing.yaml'),
      fixture('openslo', 'go-sdk-style-list-with-bad-total.yaml'),
    ]);
    expect(text(r)).toMatchInlineSnapshot(`
      "data/slos/indicator-ref-to-nothing.yaml:7:17: error: indicatorRef "web-requets" names no SLI (SLIs: search-errors) [openslo-unresolved-ref]
        hint: define the object (kind SLI or Service) in a file under data/slos/, or fix the name"
    `);
  });

  it('refuse target with targetPercent, and a target written as a percentage', () => {
    expect(text(openslo('target-and-target-percent.yaml'))).toMatchInlineSnapshot(`
      "data/slos/target-and-target-percent.yaml:19:22: error: target and targetPercent are both given: target "can't be used with targetPercent" [openslo-rule]
        hint: keep one of them, e.g. target: 0.995
      data/slos/target-and-target-percent.yaml:21:15: error: target 99.9 is outside [0.0, 1.0): a target is a fraction, e.g. 0.999 [openslo-rule]
        hint: for a percentage write targetPercent: 99.9"
    `);
  });

  it('warn, not fail, when no one owns the SLO', () => {
    const r = openslo('service-without-owner.yaml');
    expect(text(r)).toMatchInlineSnapshot(`
      "data/slos/service-without-owner.yaml:11:9: warning: SLO web-availability has no accountable owner: neither the Service "web-shop" nor the SLO has a ledger/owner annotation [slo-owner-missing]
        hint: add to the metadata of the Service "web-shop" (or of this SLO): annotations: { ledger/owner: <person>, ledger/team: <team> }"
    `);
    expect(r.catalog.entries[0]?.slo).toMatchObject({ owner: 'unassigned', team: 'unassigned' });
  });

  it('refuse good and total from different exports', () => {
    expect(text(openslo('good-and-total-from-different-files.yaml'))).toMatchInlineSnapshot(`
      "data/slos/good-and-total-from-different-files.yaml:15:44: error: SLI web-requests: good and total must come from the same CSV rows, but their spec differs in source [openslo-rule]
        hint: give good and total the same source, series and reading options; only column differs"
    `);
  });
});

describe('since: when an SLO starts (SPEC §4)', () => {
  it("native: the service's since applies to its SLOs, and an SLO's own wins", () => {
    const { catalog, diagnostics } = parseSloCatalog([
      fixture('slos', 'native-since-per-slo-and-service.yaml'),
    ]);
    expect(diagnostics).toEqual([]);
    expect(catalog.entries.map((e) => [e.slo.id, e.slo.since])).toEqual([
      ['checkout-availability', '2025-04-01'],
      ['checkout-latency', '2025-10-01'],
    ]);
  });

  it('native: a since that is no real day is refused at its line', () => {
    const r = parseSloCatalog([fixture('slos', 'native-since-not-a-date.yaml')]);
    expect(text(r)).toContain('data/slos/native-since-not-a-date.yaml:9:');
    expect(text(r)).toContain('write a real date as YYYY-MM-DD');
  });

  it('OpenSLO: the ledger/since annotation on a Service or an SLO', () => {
    const { catalog, diagnostics } = openslo('since-annotation-on-service-and-slo.yaml');
    expect(diagnostics).toEqual([]);
    expect(catalog.entries.map((e) => [e.slo.id, e.slo.since])).toEqual([
      ['search-availability', '2025-04-01'],
      ['search-latency', '2025-10-01'],
    ]);
  });
});

describe('the native format', () => {
  it('maps a wide export: no series, the series columns named as good and total', () => {
    const { catalog, diagnostics } = parseSloCatalog([fixture('slos', 'native-wide-layout.yaml')]);
    expect(diagnostics).toEqual([]);
    expect(catalog.entries[0]?.sli).toMatchObject({
      layout: 'wide',
      series: null,
      timestampColumn: 'Time',
      timeFormat: 'epoch-s',
      good: 'checkout_ok',
      total: 'checkout_all',
    });
  });

  it('refuses series: in a wide layout', () => {
    expect(text(parseSloCatalog([fixture('slos', 'wide-layout-with-series.yaml')]))).toMatchInlineSnapshot(`
      "data/slos/wide-layout-with-series.yaml:11:15: error: slos[0].sli.series: a wide export has one column per series: remove \`series:\` and name the series' columns in good/total or value [schema]
        hint: see the field reference in README.md"
    `);
  });

  it('mixes with OpenSLO files in one catalog, ids unique across both', () => {
    const r = parseSloCatalog([
      fixture('slos', 'native-checkout.yaml'),
      fixture('openslo', 'go-sdk-style-list-with-bad-total.yaml'),
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.catalog.entries.map((e) => `${e.slo.service}/${e.slo.id}`)).toEqual([
      'checkout-api/checkout-availability',
      'search-api/search-availability',
    ]);
    const clash = parseSloCatalog([
      fixture('slos', 'native-checkout.yaml'),
      fixture('openslo', 'services-slis-slos-across-documents.yaml'),
    ]);
    expect(text(clash)).toMatchInlineSnapshot(`
      "data/slos/services-slis-slos-across-documents.yaml:5:9: error: service "checkout-api" is also defined in the native format [openslo-rule]
        hint: define each service once: keep either the native file or the OpenSLO Service
      data/slos/services-slis-slos-across-documents.yaml:42:1: error: SLO id "checkout-availability" is already defined at data/slos/native-checkout.yaml:6 [duplicate-slo-id]
        hint: SLO ids are unique across data/slos/; rename one of them"
    `);
  });
});

describe('the unit of an SLO (issue 12 item 20)', () => {
  const gap = (name: string) => ({
    file: `data/slos/${name}`,
    text: readFileSync(
      fileURLToPath(new URL(`../fixtures/ledgers/empty-quarter/data/slos/${name}`, import.meta.url)),
      'utf8',
    ),
  });

  it('reads unit: [singular, plural] and leaves it out when the file does not say', () => {
    const { catalog, diagnostics } = parseSloCatalog([
      gap('status-page.yaml'),
      fixture('slos', 'native-wide-layout.yaml'),
    ]);
    expect(diagnostics).toEqual([]);
    const units = catalog.entries.map((e) => [e.slo.id, e.slo.unit]);
    expect(units.slice(0, 2)).toEqual([
      ['site-uptime', { singular: 'minute', plural: 'minutes' }],
      ['site-latency', { singular: 'day', plural: 'days' }],
    ]);
    expect(units.slice(2).every(([, u]) => u === undefined)).toBe(true);
  });

  it('refuses a unit that is not two words, at its line', () => {
    const r = parseSloCatalog([
      {
        file: 'data/slos/bad-unit.yaml',
        text: 'service: s\nowner: o\nteam: t\nslos:\n  - id: a\n    name: A\n    objective: 99%\n    unit: minutes\n    sli: { source: sli/a.csv, good: ok, total: all }\n',
      },
    ]);
    expect(text(r)).toContain('data/slos/bad-unit.yaml:8:');
    expect(r.catalog.entries).toEqual([]);
  });
});

describe('the unit of an OpenSLO SLO (issue 12 item 20)', () => {
  it('reads the ledger/unit annotation, and refuses one that is not a singular and a plural', () => {
    const r = openslo('downtime-minutes-unit.yaml');
    expect(r.catalog.entries.find((e) => e.slo.id === 'site-uptime')?.slo.unit).toEqual({
      singular: 'minute',
      plural: 'minutes',
    });
    expect(text(r)).toContain('data/slos/downtime-minutes-unit.yaml:34:');
    expect(text(r)).toContain('ledger/unit "days" of SLO site-latency is not a singular and a plural');
  });
});
