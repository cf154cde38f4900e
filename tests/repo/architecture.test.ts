/**
 * The arrows that must never exist (docs/architecture.md), checked over the import graph of
 * src/: every `import … from '…'` and `export … from '…'` of every .ts and .astro file, type-only
 * imports included.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(SRC, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Each file's imports of our own modules, as paths relative to the repository (`src/domain/x.ts`). */
async function importGraph(): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const file of await sourceFiles()) {
    const text = await readFile(file, 'utf8');
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map(
      (m) => m[1] ?? '',
    );
    specifiers.push(...[...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? ''));
    const ours = specifiers
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(ROOT, resolve(dirname(file), s)).replace(/\\/g, '/'));
    graph.set(relative(ROOT, file).replace(/\\/g, '/'), ours);
  }
  return graph;
}

const graph = await importGraph();

function violations(from: (file: string) => boolean, forbidden: (target: string) => boolean): string[] {
  return [...graph]
    .filter(([file]) => from(file))
    .flatMap(([file, targets]) => targets.filter(forbidden).map((t) => `${file} → ${t}`));
}

const under = (folder: string) => (path: string) => path.startsWith(`src/${folder}/`);

describe('the arrows that must never exist', () => {
  it('sees the import graph (a sanity check of the parser)', () => {
    expect(graph.get('src/cli/build.ts')).toContain('src/ingest/load-ledger.ts');
    expect(graph.get('src/pages/reviews/[quarter].astro')).toContain('src/site/ledger.ts');
  });

  it('the domain imports nothing of ours outside src/domain', () => {
    expect(violations(under('domain'), (t) => !under('domain')(t))).toEqual([]);
  });

  it('ingest does not import report (nor site, charts or cli)', () => {
    expect(
      violations(under('ingest'), (t) => ['report', 'site', 'charts', 'cli'].some((f) => under(f)(t))),
    ).toEqual([]);
  });

  it('pages, components and layouts import neither domain nor ingest', () => {
    const presentation = (f: string) => ['pages', 'components', 'layouts'].some((d) => under(d)(f));
    expect(violations(presentation, (t) => under('domain')(t) || under('ingest')(t))).toEqual([]);
  });
});

/**
 * Pages only render (issue 13): an .astro file filters, sorts, looks up, does date handling or
 * converts units through src/site/, never in its own code. Comments are left out of the scan.
 */
const COMPUTING = [
  /\.(filter|sort|find|findIndex|reduce|some|every)\(/,
  /\bMath\./,
  /\bnew Date\(|\bDate\.(parse|UTC|now)\(/,
  /\*\s*(?:[0-9][0-9_]*|[A-Z][A-Z_]+)\b/,
];

describe('pages only render', () => {
  it('no .astro file filters, sorts, looks up, handles dates or converts units', async () => {
    const found: string[] = [];
    for (const file of (await sourceFiles()).filter((f) => f.endsWith('.astro'))) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/^\s*(\*|\/\/|\/\*\*?).*$/, '').replace(/\/\/.*$/, '');
        for (const pattern of COMPUTING)
          if (pattern.test(code)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim().slice(0, 80)}`);
      });
    }
    expect(found).toEqual([]);
  });
});
