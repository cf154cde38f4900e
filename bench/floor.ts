/**
 * The floor the site build is measured against: Astro building `pages` trivial pages, nothing else.
 * argv: <folder> <pages>; the folder is made here, with the tool's node_modules linked into it.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';

const [root = '', pagesText = '1'] = process.argv.slice(2);
const pages = Number(pagesText);
await mkdir(join(root, 'src', 'pages'), { recursive: true });
await symlink(fileURLToPath(new URL('../node_modules', import.meta.url)), join(root, 'node_modules'), 'dir');
await writeFile(
  join(root, 'astro.config.mjs'),
  "export default { output: 'static', build: { format: 'directory' } };\n",
);
await writeFile(
  join(root, 'src', 'pages', '[n].astro'),
  `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));
}
const { n } = Astro.params;
---
<html lang="en"><head><title>Page {n}</title></head><body><h1>Page {n}</h1><p>A page with nothing on it.</p></body></html>
`,
);
await build({ root, logLevel: 'warn' });
