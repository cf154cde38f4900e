/** `npm run check`: validate every input without building (SPEC §12). */
import { hasErrors } from '../ingest/diagnostic.ts';
import { describeReadStats, loadLedger } from '../ingest/load-ledger.ts';
import { displayPath } from '../ingest/ledger-paths.ts';
import { buildLedgerReport } from '../report/quarter-report.ts';
import { checkReviews } from '../report/review-check.ts';
import { EXIT, usageError } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { progressReporter } from './progress.ts';
import { asOfFrom, parseCommandArgs, pathsFrom } from './options.ts';
import { printDiagnostics, summarise, type DiagnosticFormat } from './print-diagnostics.ts';

export const HELP = `Usage: npm run check -- [--format text|github] [--data DIR] [--content DIR]

Validates settings, SLO definitions, SLI exports and postmortems without building.
Prints each problem as path:line:col: error|warning: message, with a hint.
Exit code 1 when any error is found.`;

export async function runCheck(args: string[], fx: Effects): Promise<number> {
  const { values } = parseCommandArgs(args, { format: { type: 'string' } });
  if (values.help) {
    fx.out(HELP);
    return EXIT.ok;
  }
  const format = (values.format ?? 'text') as DiagnosticFormat;
  if (format !== 'text' && format !== 'github')
    throw usageError(`--format must be text or github, not "${format}"`);
  const paths = pathsFrom(values, fx);
  const asOfMs = asOfFrom(values['as-of']);
  const { ledger, diagnostics, stats } = await loadLedger(paths, { progress: progressReporter(fx), asOfMs });
  if (ledger !== null)
    diagnostics.push(
      ...(await checkReviews(
        paths.contentDir,
        displayPath(paths, paths.contentDir),
        buildLedgerReport(ledger, { asOfMs }),
      )),
    );
  printDiagnostics(diagnostics, format, fx);
  fx.err(`check: ${describeReadStats(stats)}; ${summarise(diagnostics)}`);
  return hasErrors(diagnostics) ? EXIT.invalidInput : EXIT.ok;
}
