/**
 * A site published under a path (a GitHub Pages project site) links everything under that path:
 * LEDGER_SITE_URL=https://acme.github.io/reliability gives /reliability/… everywhere.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const FIXTURE = 'tests/fixtures/ledgers/small';
let out: string;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'ledger-base-'));
  out = join(root, 'dist');
  const run = await runCliProcess(
    [
      'build',
      '--data',
      `${FIXTURE}/data`,
      '--content',
      `${FIXTURE}/content`,
      '--out',
      out,
      '--cache-dir',
      join(root, 'cache'),
    ],
    {
      env: { LEDGER_SITE_URL: 'https://acme.github.io/reliability' },
    },
  );
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

describe('a site published under a path', () => {
  it('prefixes every internal link and asset with the path, and each resolves inside dist/', async () => {
    const pages = (await readdir(out, { recursive: true, withFileTypes: true })).filter(
      (e) => e.isFile() && e.name.endsWith('.html'),
    );
    let links = 0;
    for (const page of pages) {
      const html = await readFile(join(page.parentPath, page.name), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) {
        const target = m[1] ?? '';
        links++;
        expect(target.startsWith('/reliability/'), `${page.name}: ${target}`).toBe(true);
        const path = join(out, target.replace(/^\/reliability\//, '').split('#')[0] ?? '');
        expect(existsSync(path) || existsSync(join(path, 'index.html')), target).toBe(true);
      }
    }
    expect(links).toBeGreaterThan(50);
  });

  it('writes absolute URLs with the path in the feed', async () => {
    expect(await readFile(join(out, 'rss.xml'), 'utf8')).toContain(
      '<link>https://acme.github.io/reliability/reviews/2026-q2/</link>',
    );
  });
});
