/**
 * A work folder for one hostile input: a copy of the small fixture ledger with the bad fixture
 * laid over it, beside an `outside/` folder holding a secret that no run may read or echo. The
 * whole tree is hashed before and after each run, so that a command that writes or deletes
 * anything (inside or outside the work folder) is caught.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from '../support/run-cli.ts';

const SMALL = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
export const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** What no message may ever show: the first line of a foreign file. */
export const SECRET = 'root:x:0:0:SECRET-OUTSIDE-THE-LEDGER';

export interface WorkFolder {
  /** The folder holding `work/` and `outside/`. */
  root: string;
  /** The ledger: `work/data`, `work/content`; commands run here. */
  work: string;
  outside: string;
}

export async function makeWorkFolder(fixture?: string): Promise<WorkFolder> {
  const root = await mkdtemp(join(tmpdir(), 'ledger-security-'));
  const work = join(root, 'work');
  const outside = join(root, 'outside');
  await cp(SMALL, work, { recursive: true });
  if (fixture !== undefined) await cp(join(BAD, fixture), work, { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret.csv'), `${SECRET}\ntimestamp,good,total\n`);
  await writeFile(join(outside, 'secret.yaml'), `# ${SECRET}\nservice: stolen\n`);
  await writeFile(join(outside, 'secret.md'), `---\ntitle: ${SECRET}\n---\n`);
  return { root, work, outside };
}

export function removeWorkFolder(f: WorkFolder): Promise<void> {
  return rm(f.root, { recursive: true, force: true });
}

/** sha256 of every file, link target and folder name under `dir`, by relative path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const key = relative(dir, p);
      const info = await lstat(p);
      if (info.isSymbolicLink()) out[key] = `link:${await readlink(p)}`;
      else if (info.isDirectory()) {
        out[key] = 'folder';
        await walk(p);
      } else if (info.isFile())
        out[key] = createHash('sha256')
          .update(await readFile(p))
          .digest('hex');
      else out[key] = 'special';
    }
  };
  await walk(dir);
  return out;
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time in ms. */
  ms: number;
  /** Peak resident memory in MB, from /usr/bin/time. */
  peakMb: number;
}

/**
 * Runs the CLI under /usr/bin/time, to record wall time and peak memory, with a hard time limit:
 * a hang is killed and reported, never waited out.
 */
export function runMeasured(
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<MeasuredRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '@@time %M', process.execPath, MAIN, ...args], {
      cwd: opts.cwd,
      env: cleanEnv(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /^@@time (\d+)\s*$/m.exec(stderr);
      resolve({
        code,
        stdout,
        stderr: stderr
          .replace(/^@@time \d+\s*$/m, '')
          .replace(/^Command exited with non-zero status \d+\n/m, '')
          .trimEnd(),
        ms: Math.round(performance.now() - started),
        peakMb: m ? Math.round(Number(m[1]) / 1024) : Number.NaN,
      });
    });
  });
}
