/**
 * SPEC §12: "the old dist/ is replaced only when the build succeeded". A build that fails — in the
 * checks, in the restatement check, or inside Astro after rendering began — leaves the previous
 * site byte for byte as it was, and leaves no staging folder behind.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const CLOSED = fileURLToPath(new URL('../fixtures/ledgers/closed/', import.meta.url));
const root = await mkdtemp(join(tmpdir(), 'ledger-atomic-'));
const site = join(root, 'public');
const out = join(site, 'dist');
afterAll(() => rm(root, { recursive: true, force: true }));

async function hashTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const out: Record<string, string> = {};
  for (const e of entries.filter((x) => x.isFile())) {
    const f = join(e.parentPath, e.name);
    out[relative(dir, f)] = createHash('sha256')
      .update(await readFile(f))
      .digest('hex');
  }
  return out;
}

/** A fresh copy of the fixture ledger, to break in one way. */
async function ledgerCopy(name: string): Promise<string> {
  const dir = join(root, name);
  await cp(join(CLOSED, 'data'), join(dir, 'data'), { recursive: true });
  await cp(join(CLOSED, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

function build(ledger: string) {
  return runCliProcess([
    'build',
    '--data',
    join(ledger, 'data'),
    '--content',
    join(ledger, 'content'),
    '--out',
    out,
    '--cache-dir',
    join(root, 'cache'),
  ]);
}

let published: Record<string, string>;

beforeAll(async () => {
  const run = await build(await ledgerCopy('good'));
  if (run.code !== 0) throw new Error(`the first build failed:\n${run.stderr}`);
  published = await hashTree(out);
});

describe('a failing build', () => {
  it('inside Astro (a broken MDX narrative) exits 1, names the file, and leaves dist/ untouched', async () => {
    const ledger = await ledgerCopy('broken-narrative');
    await writeFile(
      join(ledger, 'content/reviews/2026-q3.mdx'),
      'A narrative with a broken expression: {1 +\n',
    );
    const run = await build(ledger);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/reviews/2026-q3.mdx:1:39');
    expect(run.stderr).toContain('dist/ was left as it was');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(await hashTree(out)).toEqual(published);
    expect(await readdir(site)).toEqual(['dist']);
  });

  it('in the restatement check exits 1 and leaves dist/ untouched', async () => {
    const ledger = await ledgerCopy('restated');
    const csv = join(ledger, 'data/sli/shop.csv');
    await writeFile(
      csv,
      (await readFile(csv, 'utf8')).replace(
        '2026-06-20T00:00:00Z,availability,1000,1000',
        '2026-06-20T00:00:00Z,availability,995,1000',
      ),
    );
    const run = await build(ledger);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2026-Q2 is closed (revision 2)');
    expect(await hashTree(out)).toEqual(published);
    expect(await readdir(site)).toEqual(['dist']);
  });

  it('is followed by a good build that replaces dist/ whole', async () => {
    const ledger = await ledgerCopy('good-again');
    await writeFile(join(ledger, 'content/reviews/2026-q3.md'), 'A quiet start to the quarter.\n');
    const run = await build(ledger);
    expect(run.code).toBe(0);
    const now = await hashTree(out);
    // Pagefind names its index files by their content, which the new narrative changed.
    const pages = (tree: Record<string, string>) =>
      Object.keys(tree)
        .filter((f) => !f.startsWith('pagefind/'))
        .sort();
    expect(pages(now)).toEqual(pages(published));
    expect(Object.keys(now).some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    expect(now['reviews/2026-q3/index.html']).not.toBe(published['reviews/2026-q3/index.html']);
    expect(await readdir(site)).toEqual(['dist']);
  });
});
