/**
 * SPEC §13 "Deterministic": two builds of the same inputs give a byte-identical dist/. The ledger
 * is the small fixture with a closed and amended quarter (tests/fixtures/ledgers/closed), so the
 * revision pages, the snapshot-rendered review and the footer's input digest are covered too.
 * Each build has its own Astro cache, so that the second is not a copy of the first's cache; a
 * third reuses the first's cache, as a scheduled job would. The second runs in another time zone
 * and language (Chatham Islands, UTC+12:45; Danish, where "aa" sorts after "z"): nothing in dist/
 * may depend on the machine that built it.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const CLOSED = fileURLToPath(new URL('../fixtures/ledgers/closed/', import.meta.url));
const root = await mkdtemp(join(tmpdir(), 'ledger-determinism-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function build(out: string, cache: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const run = await runCliProcess(
    [
      'build',
      '--data',
      join(CLOSED, 'data'),
      '--content',
      join(CLOSED, 'content'),
      '--out',
      join(root, out),
      '--cache-dir',
      join(root, cache),
    ],
    { env },
  );
  if (run.code !== 0) throw new Error(`build failed (exit ${run.code}):\n${run.stderr}`);
}

/** sha256 of every file under dir, by relative path. */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const out: Record<string, string> = {};
  for (const f of files)
    out[relative(dir, f)] = createHash('sha256')
      .update(await readFile(f))
      .digest('hex');
  return out;
}

describe('two builds of the same inputs', () => {
  it('give byte-identical output, with fresh caches, a reused one, and in another zone and language', async () => {
    await build('first', 'cache-first');
    await build('second', 'cache-second', {
      TZ: 'Pacific/Chatham',
      LANG: 'da_DK.UTF-8',
      LC_ALL: 'da_DK.UTF-8',
    });
    await build('third', 'cache-first');
    const first = await hashTree(join(root, 'first'));
    expect(Object.keys(first)).toContain('reviews/2026-q2/r1/index.html');
    expect(Object.keys(first)).toContain('reviews/2026-q2/r2.json');
    expect(Object.keys(first).length).toBeGreaterThan(15);
    // A public build of a snapshot (which records the internal view) lists no internal write-up.
    expect(await readFile(join(root, 'first/reviews/2026-q2/r1.json'), 'utf8')).not.toContain(
      'checkout-vendor',
    );
    expect(await hashTree(join(root, 'second'))).toEqual(first);
    expect(await hashTree(join(root, 'third'))).toEqual(first);
  });
});
