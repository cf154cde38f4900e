/** Every internal link and asset reference in the built demo site resolves to a file (no 404s). */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import '../support/sites.ts';

const site = inject('demoSite');

function resolves(path: string): boolean {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] ?? '');
  if (clean === '' || clean === '/') return existsSync(join(site, 'index.html'));
  const file = join(site, clean);
  return clean.endsWith('/')
    ? existsSync(join(file, 'index.html'))
    : existsSync(file) || existsSync(join(file, 'index.html'));
}

describe('internal links of the demo site', () => {
  it('all resolve', async () => {
    const pages = (await readdir(site, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => join(e.parentPath, e.name));
    expect(pages.length).toBeGreaterThan(40);
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = await readFile(page, 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) {
        const target = m[1] ?? '';
        if (target.startsWith('//')) continue;
        checked++;
        if (!resolves(target)) broken.push(`${page.slice(site.length)} → ${target}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });
});
