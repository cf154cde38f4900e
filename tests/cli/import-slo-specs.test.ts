/**
 * `npm run import -- sloth|pyrra`: our own Sloth and Pyrra specs (tests/fixtures/slo-specs/, one
 * per kind of SLI) become SLO files with Prometheus queries; what cannot be mapped is listed per SLO.
 */
import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A ledger with no SLOs yet, and the tool's specs under specs/. */
async function ledgerWithSpecs(tool: 'sloth' | 'pyrra'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `ledger-import-${tool}-`));
  await mkdir(join(dir, 'data', 'slos'), { recursive: true });
  await cp(join(FIXTURES, 'prometheus', 'ledger.yaml'), join(dir, 'data', 'ledger.yaml'));
  await cp(join(FIXTURES, 'slo-specs', tool), join(dir, 'specs'), { recursive: true });
  return dir;
}

describe('npm run import -- sloth', { timeout: 30_000 }, () => {
  it('writes events SLIs as sli.prometheus, and lists the raw and plugin SLIs it left out', async () => {
    const dir = await ledgerWithSpecs('sloth');
    const run = await runCliProcess(['import', 'sloth', 'specs'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'not imported: checkout-payment-ratio (specs/checkout-events-raw-plugin.yml:24): a raw SLI (error_ratio_query) is a ratio, not counts',
    );
    expect(run.stdout).toContain(
      'not imported: checkout-apdex (specs/checkout-events-raw-plugin.yml:29): an SLI plugin (sloth-common/apdex) is computed inside Sloth',
    );
    expect(run.stderr).toContain('import: 2 SLOs in 2 files from 2 specs, 2 not imported');
    // objective 99.5 → "99.5%"; Sloth's id is <service>-<name>; its default window is 30d.
    expect(await readFile(join(dir, 'data', 'slos', 'checkout.yaml'), 'utf8'))
      .toBe(`# Imported by \`npm run import -- sloth\` from specs/checkout-events-raw-plugin.yml.
# What a person must still check:
# - checkout-requests-availability: alerting is not imported: the ledger reports budgets, it does not alert (keep generating the alerts with Sloth)
# - run npm run pull to write sli/checkout-requests-availability.csv from Prometheus (5m steps; set sli.step to change it)
service: checkout
owner: Pat Lee
team: payments
slos:
  - id: checkout-requests-availability
    name: requests-availability
    objective: 99.5%
    window: 30d
    description: Checkout requests answered without a 5xx.
    sli:
      source: sli/checkout-requests-availability.csv
      prometheus:
        bad: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
        total: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
`);
    // Sloth's OpenSLO v1alpha: target 0.995, timeWindows 28 Day → window 28d, good/total kept.
    const search = await readFile(join(dir, 'data', 'slos', 'search.yaml'), 'utf8');
    expect(search).toContain('objective: 99.5%\n    window: 28d');
    expect(search).toContain('good: sum(rate(search_requests_total{code!~"5.."}[{{.window}}]))');
    expect(search).toContain('owner: unassigned');

    // What it wrote is read by check: only the missing CSVs (pull writes them) are errors, and the
    // unassigned owner is a warning.
    const check = await runCliProcess(['check'], { cwd: dir });
    const errors = check.stderr.split('\n').filter((l) => l.includes(': error: '));
    expect(errors.every((l) => l.includes('[sli-source-missing]'))).toBe(true);
    expect(errors).toHaveLength(2);
    expect(check.stderr).toContain('hint: its SLI names Prometheus queries: npm run pull writes the file');
    expect(check.stderr).toContain(
      'data/slos/search.yaml:7:8: warning: owner is "unassigned": the service has no accountable person yet [slo-owner-missing]',
    );
  });

  it('is named by check when a Sloth spec is put in data/slos/ as it is', async () => {
    const dir = await ledgerWithSpecs('sloth');
    await cp(join(dir, 'specs', 'checkout-events-raw-plugin.yml'), join(dir, 'data', 'slos', 'checkout.yml'));
    const check = await runCliProcess(['check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      'data/slos/checkout.yml:3:1: error: this is a Sloth spec (version: prometheus/v1), not an SLO file the ledger reads [foreign-slo-format]\n  hint: move it out of data/slos/ (e.g. to slo-specs/) and convert it: npm run import -- sloth slo-specs/checkout.yml writes data/slos/<service>.yaml; then npm run pull',
    );
    expect(check.stderr).not.toContain('unknown key');
  });
});

describe('npm run import -- pyrra', { timeout: 30_000 }, () => {
  it('writes ratio and latency SLOs as OpenSLO with a Prometheus source, and lists bool_gauge as left out', async () => {
    const dir = await ledgerWithSpecs('pyrra');
    const run = await runCliProcess(['import', 'pyrra', 'specs', '--format', 'openslo'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'not imported: queue-up (specs/queue-bool-gauge.yaml:11): a bool_gauge indicator is a 0/1 gauge, not counted events',
    );
    expect(run.stdout).toContain(
      'needs a human: checkout-errors: grouping by route is not kept: the ledger pulls one series summed over them',
    );
    expect(run.stdout).toContain(
      'needs a human: checkout-latency: Pyrra names no service: "shop" (the namespace) was used',
    );
    const checkout = await readFile(join(dir, 'data', 'slos', 'checkout.openslo.yaml'), 'utf8');
    // target '99.0' → 0.99; the service label, owner and team labels → the Service's annotations.
    expect(checkout).toContain('    ledger/owner: Pat Lee\n    ledger/team: payments');
    expect(checkout).toContain('  objectives:\n    - target: 0.99\n');
    expect(checkout).toContain('    - duration: 4w\n      isRolling: true');
    expect(checkout).toContain(
      '        bad:\n          metricSource:\n            type: Prometheus\n            spec:\n              query: http_requests_total{job="checkout",code=~"5.."}',
    );
    // latency: the le="0.3" bucket is the good events, the _count the total; target "99.9" → 0.999.
    const shop = await readFile(join(dir, 'data', 'slos', 'shop.openslo.yaml'), 'utf8');
    expect(shop).toContain('query: http_request_duration_seconds_bucket{job="checkout",le="0.3"}');
    expect(shop).toContain('    - target: 0.999');

    const check = await runCliProcess(['check'], { cwd: dir });
    const errors = check.stderr.split('\n').filter((l) => l.includes(': error: '));
    expect(errors.every((l) => l.includes('[sli-source-missing]'))).toBe(true);
    expect(errors).toHaveLength(2);
  });

  it('points at the other importer when given a Sloth file', async () => {
    const dir = await ledgerWithSpecs('pyrra');
    await cp(join(FIXTURES, 'slo-specs', 'sloth', 'checkout-events-raw-plugin.yml'), join(dir, 'sloth.yml'));
    const run = await runCliProcess(['import', 'pyrra', 'sloth.yml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'sloth.yml:3: skipped: not a Pyrra ServiceLevelObjective (apiVersion: pyrra.dev/v1alpha1) (try npm run import -- sloth)',
    );
  });
});
