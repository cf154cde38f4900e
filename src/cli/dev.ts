/** `npm run dev`: the site with live reload, on the same inputs as `build`. */
import { AS_OF_ENV, AUDIENCE_ENV, CONTENT_ENV, DATA_ENV } from '../ingest/ledger-paths.ts';
import { TOOL_ROOT } from './build.ts';
import { EXIT } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { asOfFrom, parseCommandArgs, pathsFrom } from './options.ts';

export async function runDev(args: string[], fx: Effects): Promise<number> {
  const { values } = parseCommandArgs(args, { port: { type: 'string' } });
  if (values.help) {
    fx.out('Usage: npm run dev -- [--port N] [--data DIR] [--content DIR] [--as-of TIME]');
    return EXIT.ok;
  }
  const paths = pathsFrom(values, fx);
  fx.env[DATA_ENV] = paths.dataDir;
  fx.env[CONTENT_ENV] = paths.contentDir;
  if (paths.audience) fx.env[AUDIENCE_ENV] = paths.audience;
  const asOfMs = asOfFrom(values['as-of']);
  if (asOfMs !== undefined) fx.env[AS_OF_ENV] = new Date(asOfMs).toISOString();
  const { dev } = await import('astro');
  await dev({
    root: TOOL_ROOT,
    ...(typeof values.port === 'string' ? { server: { port: Number(values.port) } } : {}),
  });
  return new Promise<number>(() => {});
}
