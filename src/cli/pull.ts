/**
 * `npm run pull`: for every SLO whose SLI names a Prometheus query, fetch whole steps from a
 * Prometheus-compatible API and append them to the SLO's CSV (src/ingest/prometheus/).
 */
import { join } from 'node:path';
import { quarterContaining } from '../domain/quarter.ts';
import { hasErrors } from '../ingest/diagnostic.ts';
import { displayPath } from '../ingest/ledger-paths.ts';
import { prometheusSettingsFromEnv, PROMETHEUS_ENV } from '../ingest/prometheus/prometheus-client.ts';
import { isoUtc, pullSlo, pullStepMs, PullError } from '../ingest/prometheus/pull-slo.ts';
import { readSettings } from '../ingest/settings.ts';
import { readSloCatalog } from '../ingest/catalog/read.ts';
import { EXIT, usageError } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { asOfFrom, parseCommandArgs, pathsFrom } from './options.ts';
import { printDiagnostics } from './print-diagnostics.ts';

export const HELP = `Usage: npm run pull -- [--from TIME] [--to TIME] [--slo ID] [--dry-run]

For every SLO whose SLI names a Prometheus query (sli.prometheus, or OpenSLO metricSource type
Prometheus), fetches the counts of each whole step from a Prometheus-compatible API and appends
them to the SLO's CSV (sli.source). Rows already there are kept; the last one is fetched again
and corrected if late samples changed it. Running it twice adds nothing.

  --from TIME   start here (ISO 8601, e.g. 2026-07-01T00:00:00Z or 2026-07-01); default: after
                the last row, or the start of the current quarter for a new file
  --to TIME     stop at the last whole step before this time; default: now
  --slo ID      only this SLO (repeatable)
  --dry-run     fetch and report, write nothing

Environment (never a committed file):
  ${PROMETHEUS_ENV.url}             base URL, e.g. http://localhost:9090
  ${PROMETHEUS_ENV.bearerToken}    a bearer token, or
  ${PROMETHEUS_ENV.username} / ${PROMETHEUS_ENV.password}   basic auth
  ${PROMETHEUS_ENV.headers}         extra headers, "Name: value" per line, e.g. X-Scope-OrgID: tenant-1
  ${PROMETHEUS_ENV.timeout} seconds per request (default 60)`;

export async function runPull(args: string[], fx: Effects): Promise<number> {
  const { values } = parseCommandArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    slo: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
  });
  if (values.help) {
    fx.out(HELP);
    return EXIT.ok;
  }
  const fromMs = timeOption('--from', values.from);
  const toMs = timeOption('--to', values.to) ?? fx.now();
  if (fromMs !== undefined && fromMs >= toMs) throw usageError('--from must be before --to');
  const env = prometheusSettingsFromEnv(fx.env);
  if (!env.ok) throw usageError(env.message);

  const paths = pathsFrom(values, fx);
  const settingsFile = join(paths.dataDir, 'ledger.yaml');
  const settingsRead = await readSettings(settingsFile, displayPath(paths, settingsFile));
  const slosDir = join(paths.dataDir, 'slos');
  const catalogRead = await readSloCatalog(slosDir, displayPath(paths, slosDir));
  const diagnostics = [...settingsRead.diagnostics, ...catalogRead.diagnostics];
  if (hasErrors(diagnostics) || settingsRead.settings === null) {
    printDiagnostics(diagnostics, 'text', fx);
    fx.err('pull: the SLO catalog has errors; fix them first (npm run check shows them all)');
    return EXIT.invalidInput;
  }
  const only = new Set(Array.isArray(values.slo) ? values.slo : []);
  const entries = catalogRead.catalog.entries.filter(
    (e) => e.sli.prometheus !== undefined && (only.size === 0 || only.has(e.slo.id)),
  );
  for (const id of only)
    if (!entries.some((e) => e.slo.id === id))
      throw usageError(`--slo ${id}: no SLO with that id names a Prometheus query`);
  if (entries.length === 0) {
    fx.err('pull: no SLO names a Prometheus query (sli.prometheus, or metricSource type Prometheus)');
    return EXIT.ok;
  }
  const defaultFromMs = quarterContaining(toMs, settingsRead.settings.calendar).startMs;
  const claimed = new Map<string, string>();
  let failed = 0;
  let appended = 0;
  /** The span of the steps that gained rows, for the summary line (and the workflow's commit message). */
  const period = { from: Number.POSITIVE_INFINITY, to: Number.NEGATIVE_INFINITY };
  for (const entry of entries) {
    const key = `${entry.sli.source}\u0000${entry.sli.series ?? ''}`;
    const other = claimed.get(key);
    if (other !== undefined) {
      fx.err(
        `pull: ${entry.slo.id}: ${entry.sli.source}${entry.sli.series !== null ? ` series ${entry.sli.series}` : ''} is already pulled for ${other}; give each pulled SLO its own file or series`,
      );
      failed++;
      continue;
    }
    claimed.set(key, entry.slo.id);
    if (fx.interactive) fx.status(`pull: ${entry.slo.id}…`);
    try {
      const r = await pullSlo(entry, {
        dataDir: paths.dataDir,
        settings: env.settings,
        fromMs,
        toMs,
        defaultFromMs,
        dryRun: values['dry-run'] === true,
      });
      if (fx.interactive) fx.status('');
      appended += r.appended;
      if (r.appended > 0) {
        period.from = Math.min(period.from, r.firstT);
        period.to = Math.max(period.to, r.endT);
      }
      const file = displayPath(paths, join(paths.dataDir, r.source));
      const steps = (r.endT - r.firstT) / pullStepMs(entry);
      fx.err(
        steps <= 0
          ? `${entry.slo.id}: up to date (${file})`
          : `${entry.slo.id}: ${isoUtc(r.firstT)} – ${isoUtc(r.endT)}: ${r.appended} row${r.appended === 1 ? '' : 's'} ${values['dry-run'] ? 'to append' : 'appended'}, ${r.updated} updated, ${r.unchanged} unchanged, ${r.empty} step${r.empty === 1 ? '' : 's'} without samples → ${file}`,
      );
    } catch (e) {
      if (fx.interactive) fx.status('');
      if (!(e instanceof PullError)) throw e;
      failed++;
      fx.err(`pull: error: ${e.message}`);
    }
  }
  fx.err(
    `pull: ${entries.length} SLO${entries.length === 1 ? '' : 's'}${failed > 0 ? `, ${failed} failed` : ''}, ${appended} row${appended === 1 ? '' : 's'} ${values['dry-run'] ? 'to append (dry run, nothing written)' : 'appended'}${appended > 0 ? `, from ${isoUtc(period.from)} to ${isoUtc(period.to)}` : ''}`,
  );
  return failed > 0 ? EXIT.invalidInput : EXIT.ok;
}

function timeOption(name: string, value: string | boolean | undefined): number | undefined {
  try {
    return asOfFrom(value);
  } catch {
    throw usageError(
      `${name} "${String(value)}" is not an ISO 8601 instant; write e.g. 2026-10-01T00:00:00Z`,
    );
  }
}
