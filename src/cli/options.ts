/** Options shared by every command (SPEC §12): --data, --content, --as-of. */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { echo } from '../ingest/echo.ts';
import { parseInstant } from '../ingest/instant.ts';
import { ledgerPaths, type LedgerPaths } from '../ingest/ledger-paths.ts';
import { usageError } from './cli-error.ts';
import type { Effects } from './effects.ts';

export const COMMON_OPTIONS = {
  data: { type: 'string' },
  content: { type: 'string' },
  'as-of': { type: 'string' },
  audience: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export function parseCommandArgs<T extends OptionSpec>(args: string[], extra: T) {
  try {
    return parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...extra },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw usageError((e as Error).message);
  }
}

export function pathsFrom(
  values: {
    data?: string | boolean | undefined;
    content?: string | boolean | undefined;
    audience?: string | boolean | undefined;
  },
  fx: Effects,
): LedgerPaths {
  const audience = typeof values.audience === 'string' ? values.audience : undefined;
  if (audience !== undefined && audience !== 'public' && audience !== 'internal') {
    throw usageError(`--audience must be public or internal, not "${audience}"`);
  }
  const paths = ledgerPaths({
    data: typeof values.data === 'string' ? values.data : undefined,
    content: typeof values.content === 'string' ? values.content : undefined,
    audience,
    cwd: fx.cwd,
  });
  checkFolderOption('--data', paths.dataDir, true);
  // A ledger may have no postmortems or reviews yet, so --content may name a folder to come.
  checkFolderOption('--content', paths.contentDir, false);
  return paths;
}

/**
 * An input folder must exist (a typo would otherwise check nothing and report "0 errors"), and
 * its path must not hold `%`, `#` or `?`: Astro's loaders read paths as URLs, where `%2e%2e` is
 * `..` and `#` ends the path, so the site would read another folder than `check` did.
 */
function checkFolderOption(option: string, dir: string, mustExist: boolean): void {
  if (/[%#?]/.test(dir))
    throw usageError(
      `${option} ${echo(dir)}: folder paths with %, # or ? are not supported; rename the folder`,
    );
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    if (!mustExist) return;
    throw usageError(`${option} ${echo(dir)}: no such folder`);
  }
  if (!isFolder) throw usageError(`${option} ${echo(dir)}: not a folder`);
}

/** `--as-of` takes an ISO 8601 instant with an offset, e.g. 2026-10-01T00:00:00Z, or a UTC day 2026-10-01. */
export function asOfFrom(value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const r = parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!r.ok)
    throw usageError(`--as-of "${value}" is not an ISO 8601 instant; write e.g. 2026-10-01T00:00:00Z`);
  return r.ms;
}
