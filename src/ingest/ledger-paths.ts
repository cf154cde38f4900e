/**
 * Where a ledger's inputs live. The CLI passes `--data` and `--content` to Astro through
 * environment variables, since Astro's config and content loaders run in their own module graph.
 */
import { relative, resolve } from 'node:path';

export interface LedgerPaths {
  dataDir: string;
  contentDir: string;
  /** Base for the paths shown in messages, normally the working directory. */
  cwd: string;
}

export const DATA_ENV = 'LEDGER_DATA';
export const CONTENT_ENV = 'LEDGER_CONTENT';
export const AS_OF_ENV = 'LEDGER_AS_OF';

export function ledgerPaths(opts: { data?: string | undefined; content?: string | undefined; cwd?: string }): LedgerPaths {
  const cwd = opts.cwd ?? process.cwd();
  return {
    dataDir: resolve(cwd, opts.data ?? 'data'),
    contentDir: resolve(cwd, opts.content ?? 'content'),
    cwd,
  };
}

export function ledgerPathsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LedgerPaths {
  return ledgerPaths({ data: env[DATA_ENV], content: env[CONTENT_ENV], cwd });
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(paths: LedgerPaths, absolute: string): string {
  const rel = relative(paths.cwd, absolute).replace(/\\/g, '/');
  return rel.startsWith('..') ? absolute : rel || '.';
}
