/** `npm run report -- <quarter> [--json]`: a quarter's figures on stdout (SPEC §11, §12). */
import { reviewJson } from '../report/review-json.ts';
import { formatAttainment, formatDateTime, formatObjective, formatPercent } from '../domain/format.ts';
import { budgetText, unitOf } from '../report/budget-text.ts';
import { carriedOverIncidents } from '../report/carried-over.ts';
import { loadLedger } from '../ingest/load-ledger.ts';
import { publishedLedger, publishedSnapshots } from '../report/snapshot.ts';
import { buildLedgerReport, findQuarter } from '../report/quarter-report.ts';
import { CliError, EXIT, usageError } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { asOfFrom, parseCommandArgs, pathsFrom } from './options.ts';
import { printDiagnostics, summarise } from './print-diagnostics.ts';

export const HELP = `Usage: npm run report -- <quarter> [--json] [--data DIR] [--content DIR] [--as-of TIME]

Prints the figures of one quarter, e.g. 2026-Q3 (or FY2027-Q1 with a fiscal year).
--json prints the review JSON, the same as /reviews/<quarter>.json.`;

export async function runReport(args: string[], fx: Effects): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (values.help) {
    fx.out(HELP);
    return EXIT.ok;
  }
  const quarterId = positionals[0];
  if (quarterId === undefined) throw usageError('report needs a quarter, e.g. npm run report -- 2026-Q3');
  const asOfMs = asOfFrom(values['as-of']);
  const { ledger: inputs, diagnostics } = await loadLedger(pathsFrom(values, fx), { asOfMs });
  if (inputs === null) {
    printDiagnostics(diagnostics, 'text', fx);
    fx.err(`report: stopped, ${summarise(diagnostics)}`);
    return EXIT.invalidInput;
  }
  // Gaps in the rows change what every figure means: said here too, not only by `check` (SPEC §5).
  printDiagnostics(
    diagnostics.filter((d) => d.code === 'sli-coverage-gaps'),
    'text',
    fx,
  );
  // Closed quarters are reported as published: their latest revision (SPEC §10, §11).
  const { report: ledger } = publishedLedger(
    buildLedgerReport(inputs, { asOfMs }),
    publishedSnapshots(inputs.snapshots),
    inputs.settings.audience,
  );
  const q = findQuarter(ledger, quarterId);
  if (q === undefined) {
    const known = ledger.quarters.map((x) => x.quarter).join(', ');
    throw new CliError(`no data for quarter "${quarterId}"; quarters with data: ${known}`, EXIT.usage);
  }
  if (values.json) {
    fx.out(JSON.stringify(reviewJson(ledger, q), null, 2));
    return EXIT.ok;
  }
  fx.out(
    `${q.label} (${q.quarter}), ${q.state === 'complete' ? 'complete' : 'in progress'}${q.revision !== null ? `, closed, revision ${q.revision}` : ''}; data as of ${formatDateTime(Date.parse(q.asOf), inputs.settings.calendar)}`,
  );
  for (const s of q.slos) {
    const att = s.attainment === null ? 'insufficient data' : formatAttainment(s.attainment, s.objective);
    const rem = s.remaining === null ? '' : `, ${budgetText(s, unitOf(ledger, s.id))}`;
    const gaps =
      s.coverage < 1
        ? `; data for ${formatPercent(s.coverage, 1)} of the quarter${s.incomplete ? ', incomplete' : ''}`
        : '';
    fx.out(`  ${s.id}: ${att} vs objective ${formatObjective(s.objective)}${rem} — ${s.status}${gaps}`);
  }
  const carried = carriedOverIncidents(q).length;
  fx.out(
    `  incidents: ${q.incidentSummary.incidents}${carried === 0 ? '' : ` (and ${carried} that began earlier and burned this quarter's budget)`}; action items: ${q.actionItems.open} open (${q.actionItems.overdue} overdue), ${q.actionItems.done} done`,
  );
  return EXIT.ok;
}
