/**
 * `npm run close -- <quarter> [--amend] --note "…"` (SPEC §10): freezes a complete quarter into
 * data/snapshots/<quarter>.json, or appends a revision to it. The recomputation and the
 * restatement check it shares with every build live in src/report/closed-quarters.ts.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors } from '../ingest/diagnostic.ts';
import { loadLedger } from '../ingest/load-ledger.ts';
import { displayPath } from '../ingest/ledger-paths.ts';
import { snapshotFileName, writeSnapshot } from '../ingest/snapshots.ts';
import { parseQuarterId } from '../domain/quarter.ts';
import type { QuarterReport } from '../report/quarter-report.ts';
import { computeForSnapshots, currentInputs } from '../report/closed-quarters.ts';
import { diffQuarterReports, figureLines, type FigureChange } from '../report/restatement.ts';
import { appendRevision, closedView, latestRevision, publishedSnapshots } from '../report/snapshot.ts';
import { CliError, EXIT, usageError } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { asOfFrom, parseCommandArgs, pathsFrom } from './options.ts';
import { printDiagnostics, summarise } from './print-diagnostics.ts';

export const HELP = `Usage: npm run close -- <quarter> [--note "…"] [--data DIR] [--content DIR] [--as-of TIME]
       npm run close -- <quarter> --amend --note "why the figures changed"

Freezes a complete quarter, e.g. 2026-Q2, into data/snapshots/<quarter>.json: the review JSON,
the sha256 of every input file that contributed, the tool version and revision 1. From then on
every build checks that the quarter's published figures stay the same.

--amend publishes the quarter as recomputed today as the next revision, keeping the earlier ones
readable; --note says why and is required with --amend.`;

const TOOL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The `version` of the tool's package.json, recorded in every revision. */
export async function readToolVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(TOOL_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function quoteArg(s: string): string {
  return /^[\w./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `--data X --content Y`, as given, to repeat in a suggested command. */
export function inputOptions(values: {
  data?: string | boolean | undefined;
  content?: string | boolean | undefined;
}): string {
  const parts: string[] = [];
  if (typeof values.data === 'string') parts.push('--data', quoteArg(values.data));
  if (typeof values.content === 'string') parts.push('--content', quoteArg(values.content));
  return parts.join(' ');
}

/** JSON with object keys sorted, so that two values compare whatever order their keys were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Every field but `asOf` and `revision`: an amendment must publish something new. */
function sameReview(a: QuarterReport, b: QuarterReport): boolean {
  const strip = (q: QuarterReport) => canonicalJson({ ...q, asOf: null, revision: null });
  return strip(a) === strip(b);
}

export async function runClose(args: string[], fx: Effects): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    note: { type: 'string' },
    amend: { type: 'boolean' },
  });
  if (values.help) {
    fx.out(HELP);
    return EXIT.ok;
  }
  const [quarterArg, ...extra] = positionals;
  if (quarterArg === undefined)
    throw usageError(
      'close needs a quarter, e.g. npm run close -- 2026-Q2 --note "Reviewed with the product leads"',
    );
  if (extra.length > 0)
    throw usageError(
      `close takes one quarter; also got ${extra.map((x) => `"${x}"`).join(', ')} (quote the note: --note "…")`,
    );
  const amend = values.amend === true;
  const note = typeof values.note === 'string' ? values.note.trim() : '';
  if (amend && note === '')
    throw usageError(
      `--amend needs --note "why the figures changed": readers of the review see it in the revision history`,
    );
  const paths = pathsFrom(values, fx);
  const asOfMs = asOfFrom(values['as-of']);

  const { ledger: inputs, diagnostics } = await loadLedger(paths, { hashes: true, asOfMs });
  if (inputs === null || hasErrors(diagnostics)) {
    printDiagnostics(diagnostics, 'text', fx);
    fx.err(`close: stopped, ${summarise(diagnostics)}; nothing was written`);
    return EXIT.invalidInput;
  }
  const dir = join(paths.dataDir, 'snapshots');
  const snapshots = publishedSnapshots(inputs.snapshots);
  const cal = inputs.settings.calendar;
  const quarter = parseQuarterId(quarterArg, cal);
  if (quarter === undefined)
    throw usageError(
      `"${quarterArg}" is not a quarter; write it like ${cal.fiscalYearStartMonth === 1 ? '2026-Q2' : 'FY2027-Q1'}`,
    );

  const ledger = computeForSnapshots(inputs, asOfMs);
  const recomputed = ledger.quarters.find((q) => q.quarter === quarter.id);
  const withData = ledger.quarters.filter((q) => q.slos.some((s) => s.total > 0)).map((q) => q.quarter);
  if (recomputed === undefined && quarter.endMs <= ledger.asOfMs) {
    throw new CliError(
      `no SLO has data in ${quarter.id}, so there is nothing to close; quarters with data: ${withData.join(', ') || 'none'}`,
      EXIT.invalidInput,
    );
  }
  if (recomputed === undefined) {
    throw new CliError(
      `no data for quarter ${quarter.id}; quarters with data: ${withData.join(', ')}`,
      EXIT.usage,
    );
  }
  if (recomputed.state === 'complete' && !recomputed.slos.some((s) => s.total > 0)) {
    throw new CliError(
      `no SLO has data in ${quarter.id} (${recomputed.label}), so there is nothing to close: a closed review must judge something.\nQuarters with data: ${withData.join(', ') || 'none'}`,
      EXIT.invalidInput,
    );
  }
  if (recomputed.state === 'in-progress') {
    throw new CliError(
      `${quarter.id} is still in progress: the data ends ${recomputed.asOf}, before the quarter ends ${recomputed.end}.\nA quarter can be closed once its SLI exports cover it to the end.`,
      EXIT.usage,
    );
  }
  const file = join(dir, snapshotFileName(quarter.slug));
  const shown = displayPath(paths, file);
  const existing = snapshots.get(quarter.id) ?? null;
  const options = inputOptions(values);
  const opt = options ? ` ${options}` : '';
  if (existing && !amend) {
    const last = latestRevision(existing);
    throw new CliError(
      `${quarter.id} is already closed: ${shown} holds revision ${last.revision}, and a closed quarter is never overwritten.\nTo publish a corrected revision ${last.revision + 1}: npm run close -- ${quarter.id} --amend --note "why the figures changed"${opt}`,
      EXIT.usage,
    );
  }
  if (!existing && amend) {
    throw new CliError(
      `${quarter.id} is not closed yet, so there is nothing to amend; close it first: npm run close -- ${quarter.id} --note "…"${opt}`,
      EXIT.usage,
    );
  }
  let changes: FigureChange[] = [];
  if (existing) {
    const last = latestRevision(existing);
    if (sameReview(last.report, { ...closedView(recomputed), revision: last.revision })) {
      throw new CliError(
        `${quarter.id} recomputes exactly as revision ${last.revision}; there is nothing new to publish, so ${shown} was left as it was.`,
        EXIT.usage,
      );
    }
    changes = diffQuarterReports(last.report, closedView(recomputed));
  }

  const snapshot = appendRevision(existing, {
    note,
    toolVersion: await readToolVersion(),
    asOf: ledger.asOf,
    inputs: currentInputs(inputs, recomputed, null),
    report: recomputed,
  });
  const revision = latestRevision(snapshot);
  await writeSnapshot(dir, quarter.slug, snapshot);
  fx.out(shown);
  const n = Object.keys(revision.inputs).length;
  fx.err(
    `close: ${quarter.id} (${recomputed.label}) published as revision ${revision.revision} in ${shown}, from ${n} input file${n === 1 ? '' : 's'} (data as of ${revision.asOf})`,
  );
  if (existing) {
    fx.err(
      changes.length === 0
        ? '  no published figure changed; wording and action items did'
        : `  ${changes.length} figure${changes.length === 1 ? '' : 's'} changed from revision ${revision.revision - 1}:`,
    );
    for (const line of figureLines(changes)) fx.err(`    ${line}`);
  }
  return EXIT.ok;
}
