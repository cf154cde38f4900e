/**
 * `npm run dev`: the site with live reload, on the same inputs as `build`. The ledger is loaded
 * once and handed to Astro in this process; an edited input under --data or --content marks it
 * stale (src/site/postmortem-loader.ts watches), and the next page load reads it again.
 */
import { InputError } from '../ingest/diagnostic.ts';
import { loadLedger } from '../ingest/load-ledger.ts';
import { handOverSite, type SiteInput } from '../site/handoff.ts';
import { ledgerCacheDir, TOOL_ROOT } from './build.ts';
import { EXIT } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { printDiagnostics } from './print-diagnostics.ts';
import { progressReporter } from './progress.ts';
import { asOfFrom, parseCommandArgs, pathsFrom } from './options.ts';

export async function runDev(args: string[], fx: Effects): Promise<number> {
  const { values } = parseCommandArgs(args, { port: { type: 'string' } });
  if (values.help) {
    fx.out('Usage: npm run dev -- [--port N] [--data DIR] [--content DIR] [--as-of TIME]');
    return EXIT.ok;
  }
  const paths = pathsFrom(values, fx);
  const asOfMs = asOfFrom(values['as-of']);
  let current: Promise<SiteInput> | undefined;
  const load = async (): Promise<SiteInput> => {
    const { ledger, diagnostics } = await loadLedger(paths, { progress: progressReporter(fx), hashes: true });
    printDiagnostics(diagnostics, 'text', fx);
    if (ledger === null) {
      current = undefined; // try again on the next page load, once the input is fixed
      throw new InputError(diagnostics);
    }
    return { ledger, asOfMs };
  };
  handOverSite({
    paths,
    get: () => (current ??= load()),
    invalidate: () => {
      current = undefined;
    },
  });
  const { dev } = await import('astro');
  await dev({
    root: TOOL_ROOT,
    cacheDir: ledgerCacheDir(undefined, paths),
    ...(typeof values.port === 'string' ? { server: { port: Number(values.port) } } : {}),
  });
  return new Promise<number>(() => {});
}
