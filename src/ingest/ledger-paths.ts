/**
 * Where a ledger's inputs live: `--data` and `--content`, or `data/` and `content/`. The CLI hands
 * the loaded ledger to Astro in-process (src/site/handoff.ts); the environment variables below
 * only serve Astro run on its own (`astro check`).
 */
import { relative, resolve } from 'node:path';

export interface LedgerPaths {
  dataDir: string;
  contentDir: string;
  /** Base for the paths shown in messages, normally the working directory. */
  cwd: string;
  /** `--audience`: overrides settings.audience, e.g. to build an internal copy from the same inputs. */
  audience?: 'public' | 'internal';
}

export const DATA_ENV = 'LEDGER_DATA';
export const CONTENT_ENV = 'LEDGER_CONTENT';
export const AUDIENCE_ENV = 'LEDGER_AUDIENCE';

export function ledgerPaths(opts: {
  data?: string | undefined;
  content?: string | undefined;
  cwd?: string;
  audience?: string | undefined;
}): LedgerPaths {
  const cwd = opts.cwd ?? process.cwd();
  return {
    dataDir: resolve(cwd, opts.data ?? 'data'),
    contentDir: resolve(cwd, opts.content ?? 'content'),
    cwd,
    ...(opts.audience === 'public' || opts.audience === 'internal' ? { audience: opts.audience } : {}),
  };
}

export function ledgerPathsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LedgerPaths {
  return ledgerPaths({ data: env[DATA_ENV], content: env[CONTENT_ENV], audience: env[AUDIENCE_ENV], cwd });
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(paths: LedgerPaths, absolute: string): string {
  const rel = relative(paths.cwd, absolute).replace(/\\/g, '/');
  return rel.startsWith('..') ? absolute : rel || '.';
}
