/**
 * No reader of untrusted input may hand text to something that evaluates it: gray-matter (its
 * `---js` engine ran JavaScript from a postmortem), `eval` or `new Function`. Front matter goes
 * through src/ingest/front-matter.ts and the `yaml` package only.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('the sources', () => {
  it('import no front matter engine and evaluate no text', async () => {
    const files = (await readdir(SRC, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      if (/from ['"]gray-matter['"]|require\(['"]gray-matter['"]\)|\beval\(|new Function\(/.test(text))
        offenders.push(f);
    }
    expect(offenders).toEqual([]);
  });
});
