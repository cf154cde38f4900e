/**
 * Reading postmortems outside Astro (for `check` and `report`): gray-matter with the `yaml`
 * package as its engine, so timestamps stay text and every problem can be placed on its line.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import { postmortemSchema, type Postmortem } from './postmortem.ts';
import { diagnoseSchemaIssues, parseYamlSource } from './yaml-source.ts';

export interface PostmortemFile {
  postmortem: Postmortem;
  body: string;
  file: string;
}

async function listMarkdown(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.isFile() && /\.mdx?$/.test(e.name)) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

/** `2026-08-14-checkout-cert.md` → `2026-08-14-checkout-cert`, as Astro's glob loader names it. */
export function postmortemSlug(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.mdx?$/, '').toLowerCase();
}

export function parsePostmortem(file: string, slug: string, text: string): { result: PostmortemFile | null; diagnostics: Diagnostic[] } {
  const parsed = matter(text, { engines: { yaml: () => ({}) } });
  // gray-matter keeps the newline after the opening `---`, so line numbers in `parsed.matter`
  // are already the file's line numbers.
  const { source, diagnostics } = parseYamlSource(file, parsed.matter);
  if (diagnostics.length > 0) return { result: null, diagnostics };
  const check = postmortemSchema.safeParse(source.documents[0] ?? {});
  if (!check.success) {
    return { result: null, diagnostics: diagnoseSchemaIssues(source, check.error, { schema: postmortemSchema, code: 'postmortem-schema' }) };
  }
  return { result: { postmortem: { ...check.data, slug }, body: parsed.content, file }, diagnostics: [] };
}

export async function readPostmortems(dir: string, display: string): Promise<{ files: PostmortemFile[]; diagnostics: Diagnostic[]; read: number }> {
  const files: PostmortemFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const paths = await listMarkdown(dir);
  for (const path of paths) {
    const rel = relative(dir, path);
    const file = `${display}/${rel.replace(/\\/g, '/')}`;
    const text = await readFile(path, 'utf8');
    if (!text.startsWith('---')) {
      diagnostics.push(diagnose('postmortem-schema', { file, line: 1, column: 1 }, 'the file has no front matter', 'start the file with --- and the fields of README.md § Postmortems, or run npm run new -- postmortem "<title>"'));
      continue;
    }
    const { result, diagnostics: d } = parsePostmortem(file, postmortemSlug(rel), text);
    diagnostics.push(...d);
    if (result) files.push(result);
  }
  return { files, diagnostics, read: paths.length };
}
