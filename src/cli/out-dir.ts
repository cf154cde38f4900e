/**
 * Where `build` may write, and the lock that keeps two builds out of one output folder.
 *
 * A build replaces its output folder whole, so a mistyped `--out` could delete the inputs, the
 * checkout or the home folder. The output folder must therefore be a folder the build may own:
 * not `/`, not the home folder, not the repository or the tool, not an input folder nor a parent
 * or child of one; and when it exists, a folder an earlier build wrote (it holds MARKER), or an
 * empty one. Paths are compared after realpath, so a symlink does not get round the rule.
 */
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';

/** A file every built site holds, so that the next build knows the folder is its own. */
export const MARKER = '.reliability-ledger';
export const MARKER_TEXT = 'Written by Reliability Ledger: npm run build replaces this folder whole.\n';

export interface OutDirContext {
  dataDir: string;
  contentDir: string;
  /** The tool's own root (astro.config.mjs, src/). */
  toolRoot: string;
  /** Where the command was run; the repository root is found from it. */
  cwd: string;
  home?: string;
}

/** The real path of `p`, or of its nearest existing parent joined with the rest. */
export function realish(p: string): string {
  const abs = resolve(p);
  let head = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(head), ...rest);
    } catch {
      const up = dirname(head);
      if (up === head) return abs;
      rest.unshift(basename(head));
      head = up;
    }
  }
}

/** Whether `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !parse(rel).root);
}

/** The closest folder above `from` holding `.git`, or undefined. */
function repositoryRoot(from: string): string | undefined {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Why `outDir` may not be the build's output, or null when it may. */
export function refuseOutDir(outDir: string, ctx: OutDirContext): string | null {
  const out = realish(outDir);
  const home = realish(ctx.home ?? homedir());
  if (parse(out).root === out) return `it is the root of the file system`;
  if (out === home) return `it is the home folder`;
  const guarded: [string, string][] = [
    [realish(ctx.dataDir), 'the data folder (--data)'],
    [realish(ctx.contentDir), 'the content folder (--content)'],
    [realish(ctx.toolRoot), "the tool's own folder"],
  ];
  const repo = repositoryRoot(realish(ctx.cwd));
  if (repo !== undefined) guarded.push([repo, 'the repository']);
  for (const [dir, name] of guarded) {
    if (isWithin(dir, out)) return out === dir ? `it is ${name}` : `it holds ${name}, ${dir}`;
  }
  for (const [dir, name] of guarded.slice(0, 2)) {
    if (isWithin(out, dir)) return `it is inside ${name}, ${dir}`;
  }
  const tool = realish(ctx.toolRoot);
  if (isWithin(out, tool)) {
    const top = relative(tool, out).split(sep)[0] ?? '';
    if (
      ['src', 'node_modules', 'tests', 'public', 'scripts', 'docs', 'bench', '.git', '.astro'].includes(top)
    )
      return `it is inside the tool's ${top}/ folder`;
  }
  let stat;
  try {
    stat = statSync(out);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return 'it exists and is not a folder';
  const names = readdirSync(out);
  if (names.length === 0 || names.includes(MARKER)) return null;
  // Sites built before the marker existed: Astro's asset folder and a home page, nothing else's.
  if (names.includes('_astro') && names.includes('index.html') && !names.includes('.git')) return null;
  return `it already holds files that no build of this tool wrote (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
}

export interface OutLock {
  file: string;
  release(): void;
}

/**
 * A lock file beside the output folder, created exclusively. A lock whose process is gone is
 * stale and taken over; a live one stops this build with `holder` naming who holds it.
 */
export function lockOutDir(outDir: string): { lock: OutLock } | { holder: string; file: string } {
  const file = join(dirname(outDir), `.${basename(outDir)}.build-lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return {
        lock: {
          file,
          release: () => rmSync(file, { force: true }),
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(safeRead(file), 10);
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        return { holder: `process ${pid}`, file };
      rmSync(file, { force: true });
    }
  }
  return { holder: 'another process', file };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(0, 32);
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes the marker into a freshly built site. */
export function markBuiltSite(dir: string): void {
  writeFileSync(join(dir, MARKER), MARKER_TEXT);
}
