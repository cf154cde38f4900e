/**
 * Where the SLI aggregate cache lives: `node_modules/.cache/reliability-ledger/sli` under the
 * working directory (the convention of Babel, ESLint and Vite), or `LEDGER_CACHE_DIR`; the
 * value `off` reads without a cache.
 */
import { join } from 'node:path';
import type { LedgerPaths } from '../ledger-paths.ts';

export const CACHE_ENV = 'LEDGER_CACHE_DIR';

export function sliCacheDir(paths: LedgerPaths, env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env[CACHE_ENV];
  if (configured === 'off') return null;
  if (configured !== undefined && configured !== '') return configured;
  return join(paths.cwd, 'node_modules', '.cache', 'reliability-ledger', 'sli');
}
