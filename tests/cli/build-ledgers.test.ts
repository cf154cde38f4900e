/**
 * Two ledgers built one after the other with the same cache folder: the second build never sees
 * the first's entries (issue "Read once": Astro's store once warned about duplicate slugs naming
 * the previous ledger's files). Both are copies of the small fixture ledger, so every postmortem
 * and review has the same id in both, from different files.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const SMALL = new URL('../fixtures/ledgers/small/', import.meta.url);
const root = await mkdtemp(join(tmpdir(), 'ledger-two-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function copyLedger(name: string): Promise<string> {
  const dir = join(root, name);
  await cp(new URL('data', SMALL), join(dir, 'data'), { recursive: true });
  await cp(new URL('content', SMALL), join(dir, 'content'), { recursive: true });
  return dir;
}

function build(dir: string) {
  return runCliProcess([
    'build',
    ...['--data', join(dir, 'data'), '--content', join(dir, 'content')],
    ...['--out', join(dir, 'dist'), '--cache-dir', join(root, 'cache')],
  ]);
}

describe('building ledger A, then ledger B', () => {
  it('shows B only: no duplicate-id warning naming A, no page of A', { timeout: 240_000 }, async () => {
    const a = await copyLedger('ledger-a');
    const b = await copyLedger('ledger-b');
    const pm = join(b, 'content/postmortems/2026-05-10-shop-outage.md');
    await writeFile(pm, (await readFile(pm, 'utf8')).replace(/^title: .*$/m, 'title: Ledger B outage'));

    const first = await build(a);
    expect(first.code, first.stderr).toBe(0);
    const second = await build(b);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toMatch(/duplicate/i);
    expect(second.stderr).not.toContain('ledger-a');
    const page = await readFile(join(b, 'dist/incidents/2026-05-10-shop-outage/index.html'), 'utf8');
    expect(page).toContain('Ledger B outage');
  });
});

describe('building from a folder outside the tool', () => {
  it(
    'writes the site wherever --out is, started from the ledger’s own folder',
    { timeout: 240_000 },
    async () => {
      const dir = await copyLedger('elsewhere');
      // Once: "Cannot find package '@oslojs/encoding'", Astro's chunks run from beside --out.
      const run = await runCliProcess(
        [
          'build',
          ...['--data', join(dir, 'data'), '--content', join(dir, 'content')],
          ...['--out', join(dir, 'site'), '--cache-dir', join(root, 'cache-elsewhere')],
        ],
        { cwd: dir },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(await readFile(join(dir, 'site/index.html'), 'utf8')).toContain('<html');
    },
  );
});
