/**
 * One rule for every file an input names or a folder holds (docs/security.md): it is read only
 * when it lies inside its root (`--data` or `--content`), after `..` is resolved and symlinks are
 * followed. A reference that leads out is refused by name; the foreign file is never opened, so
 * nothing of it can reach a message or a CI log.
 */
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { diagnose, type Diagnostic } from './diagnostic.ts';

export type InputPathCheck = { ok: true; path: string } | { ok: false; reason: string };

function inside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function real(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * Whether the reference `ref` (relative to `root`, as written in an input) may be read. A path
 * that does not exist yet passes when its text stays inside; the reader then reports it missing.
 */
export function checkInputReference(root: string, ref: string): InputPathCheck {
  if (isAbsolute(ref) || /^[a-zA-Z]:[\\/]/.test(ref))
    return { ok: false, reason: 'is an absolute path; write it relative to the data folder' };
  if (ref.split(/[\\/]/).includes('..'))
    return { ok: false, reason: 'climbs out with ".."; write it relative to the data folder' };
  return checkInputFile(root, resolve(root, ref));
}

/** Whether the file at `abs`, found under `root`, really lies inside it once symlinks are followed. */
export function checkInputFile(root: string, abs: string): InputPathCheck {
  const base = resolve(root);
  if (!inside(resolve(abs), base)) return { ok: false, reason: 'lies outside the folder it was read from' };
  const realBase = real(base) ?? base;
  const target = real(abs);
  if (target === null) return { ok: true, path: abs };
  if (!inside(target, realBase))
    return { ok: false, reason: 'is a symbolic link to a file outside the folder; it was not read' };
  return { ok: true, path: abs };
}

/**
 * The problem with reading `abs` (a file found under or named from `root`), or null: outside the
 * root, or not a regular file (a folder named `x.csv`, a FIFO that would block the read).
 */
export async function diagnoseInputFile(
  root: string,
  abs: string,
  display: string,
): Promise<Diagnostic | null> {
  const check = checkInputFile(root, abs);
  if (!check.ok) return diagnose('input-outside', { file: display }, `${display} ${check.reason}`);
  let info;
  try {
    info = await stat(abs);
  } catch {
    return null;
  }
  if (info.isFile()) return null;
  return diagnose(
    'input-not-file',
    { file: display },
    `${display} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}, so it cannot be read as an input`,
  );
}
