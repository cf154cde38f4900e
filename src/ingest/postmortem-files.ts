/**
 * Reading postmortems outside Astro (for `check`, `report` and `build`'s first step): the front
 * matter is split by hand and read with the `yaml` package only (front-matter.ts: no `---js`), so
 * timestamps stay text and every problem can be placed on its line. The same zod schema validates them inside Astro's collection.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import { splitFrontMatter } from './front-matter.ts';
import { diagnoseInputFile } from './input-path.ts';
import { nearestName } from './nearest-name.ts';
import { postmortemSchema, type Postmortem } from './postmortem.ts';
import { impactSentence } from './postmortem-impact.ts';
import type { Settings } from './settings.ts';
import type { Catalog } from './catalog/model.ts';
import { diagnoseSchemaIssues, parseYamlSource, type YamlSource } from './yaml-source.ts';

export interface PostmortemFile {
  postmortem: Postmortem;
  body: string;
  file: string;
  /** Line of `started:` in the file, for messages about the incident's time. */
  startedLine: number;
}

/** What a postmortem is checked against: the settings and the SLO catalog. */
export interface PostmortemContext {
  settings: Settings;
  catalog: Catalog;
}

/** Sections readers look for first (SPEC §7); a missing one is a warning, not an error. */
const EXPECTED_SECTIONS: { name: string; accepts: RegExp }[] = [
  { name: 'Summary', accepts: /^summary\b/i },
  { name: 'Timeline', accepts: /^timeline\b/i },
  // "Root causes" is the older name in many templates; both answer the same question.
  { name: 'Contributing factors', accepts: /^(contributing factors|root causes?)\b/i },
];

async function listPostmortemFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return (
    entries
      // Symbolic links are listed too, so that one pointing out is refused rather than skipped
      // (Astro's loader would follow it).
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.mdx?$/i.test(e.name) && !e.name.startsWith('_'))
      .map((e) => join(e.parentPath, e.name))
      .sort()
  );
}

/**
 * The URL slug is the file name without its extension (`2026-08-14-checkout-cert`); folders
 * under content/postmortems/ only organise files, so two files of the same name clash.
 */
export function postmortemSlug(path: string): string {
  return basename(path.replace(/\\/g, '/'))
    .replace(/\.mdx?$/i, '')
    .toLowerCase();
}

/**
 * Whether a slug can be a page address as it is: letters, digits, `.`, `_` and `-`, starting with
 * a letter or digit, no `..`. `%2e%2e`, `#`, `?` or `..md` would be read by `check` but lost or
 * misplaced by the router; the same rule is applied where the files are read.
 */
export function isPageSlug(slug: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(slug) && !slug.includes('..');
}

/** One write-up: `file` is the path shown in messages, `slug` its address, `text` its contents. */
export function parsePostmortem(
  writeUp: { file: string; slug: string; text: string },
  context?: PostmortemContext,
): { result: PostmortemFile | null; diagnostics: Diagnostic[] } {
  const { file, slug, text } = writeUp;
  if (!text.startsWith('---')) {
    return {
      result: null,
      diagnostics: [
        diagnose(
          'postmortem-schema',
          { file, line: 1, column: 1 },
          'the file has no front matter',
          'start the file with --- and the fields listed in README.md § Postmortems, or scaffold one with npm run new -- postmortem "<title>"',
        ),
      ],
    };
  }
  const split = splitFrontMatter(file, text);
  const parsed = split.frontMatter;
  if (parsed === null) return { result: null, diagnostics: split.diagnostics };
  // `parsed.matter` starts with the fence's newline, so its line numbers are the file's.
  const { source, diagnostics } = parseYamlSource(file, parsed.matter);
  if (diagnostics.length > 0) return { result: null, diagnostics };
  const raw = source.documents[0] ?? {};
  const out: Diagnostic[] = context ? checkReferences(raw, source, context) : [];
  out.push(...checkSections(parsed.content, file, parsed.contentLine));
  const check = postmortemSchema.safeParse(raw);
  if (!check.success) {
    out.push(
      ...diagnoseSchemaIssues(source, check.error, { schema: postmortemSchema, code: 'postmortem-schema' }),
    );
    return { result: null, diagnostics: out };
  }
  return {
    result: {
      postmortem: { ...check.data, slug, impact: impactSentence(parsed.content) },
      body: parsed.content,
      file,
      startedLine: source.locate(['started']).line,
    },
    diagnostics: out,
  };
}

/**
 * Services, SLOs and severity must exist. Checked on the raw front matter so that these are
 * reported even when another field is wrong: the author fixes everything in one go.
 */
function checkReferences(
  raw: unknown,
  source: YamlSource,
  { settings, catalog }: PostmortemContext,
): Diagnostic[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const doc = raw as Record<string, unknown>;
  const out: Diagnostic[] = [];
  const at = (path: PropertyKey[]) => ({ file: source.file, ...source.locate(path) });
  const suggest = (value: string, known: string[], noun: string, guessing = true) => {
    const guess = guessing ? nearestName(value, known) : undefined;
    return guess
      ? `did you mean "${guess}"? Known ${noun}: ${known.join(', ')}`
      : `known ${noun}: ${known.join(', ')}`;
  };
  if (typeof doc['severity'] === 'string' && !settings.severities.includes(doc['severity'])) {
    out.push(
      diagnose(
        'postmortem-schema',
        at(['severity']),
        `severity "${doc['severity']}" is not one of the settings' severities`,
        suggest(doc['severity'], settings.severities, 'severities (data/ledger.yaml)', false),
      ),
    );
  }
  const services = catalog.services.map((s) => s.id);
  const slos = catalog.entries.map((e) => e.slo.id);
  const check = (key: 'services' | 'slos', known: string[], noun: string) => {
    const list = doc[key];
    if (!Array.isArray(list)) return;
    list.forEach((value: unknown, i) => {
      if (typeof value === 'string' && !known.includes(value)) {
        out.push(
          diagnose(
            'postmortem-unknown-reference',
            at([key, i]),
            `${noun.replace(/s$/, '')} "${value}" is not in the SLO catalog (data/slos/)`,
            suggest(value, known, noun),
          ),
        );
      }
    });
  };
  check('services', services, 'services');
  check('slos', slos, 'SLOs');
  return out;
}

function checkSections(body: string, file: string, bodyLine: number): Diagnostic[] {
  const headings = [...body.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => (m[1] ?? '').trim());
  return EXPECTED_SECTIONS.filter((s) => !headings.some((h) => s.accepts.test(h))).map((s) =>
    diagnose('postmortem-missing-section', { file, line: bodyLine, column: 1 }, `no "## ${s.name}" section`),
  );
}

export interface ReadPostmortemsOptions {
  context?: PostmortemContext;
  /** MDX runs code at build time, so .mdx postmortems are refused unless settings allow them. */
  allowMdx?: boolean;
}

export async function readPostmortems(
  dir: string,
  display: string,
  opts: ReadPostmortemsOptions = {},
): Promise<{ files: PostmortemFile[]; diagnostics: Diagnostic[]; read: number }> {
  const files: PostmortemFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const paths = await listPostmortemFiles(dir);
  const bySlug = new Map<string, string>();
  for (const path of paths) {
    const file = `${display}/${relative(dir, path).replace(/\\/g, '/')}`;
    if (/\.mdx$/i.test(path) && !opts.allowMdx) {
      diagnostics.push(
        diagnose(
          'postmortem-mdx',
          { file, line: 1, column: 1 },
          'postmortems are Markdown (.md); MDX runs code when the site is built',
          'rename the file to .md, or set allowMdxPostmortems: true in data/ledger.yaml if every author is trusted',
        ),
      );
      continue;
    }
    const refusal = await diagnoseInputFile(dir, path, file);
    if (refusal !== null) {
      diagnostics.push(refusal);
      continue;
    }
    const slug = postmortemSlug(path);
    if (!isPageSlug(slug)) {
      diagnostics.push(
        diagnose(
          'page-slug',
          { file, line: 1, column: 1 },
          `the file name "${slug}" cannot be a page address: use letters, digits, ".", "_" and "-" only, starting with a letter or digit`,
        ),
      );
      continue;
    }
    const first = bySlug.get(slug);
    if (first !== undefined) {
      diagnostics.push(
        diagnose(
          'postmortem-duplicate-slug',
          { file, line: 1, column: 1 },
          `the page /incidents/${slug}/ would come from both ${first} and this file`,
          'rename one of the files: the file name is the address of the write-up',
        ),
      );
      continue;
    }
    bySlug.set(slug, file);
    const { result, diagnostics: d } = parsePostmortem(
      { file, slug, text: await readFile(path, 'utf8') },
      opts.context,
    );
    diagnostics.push(...d);
    if (result) files.push(result);
  }
  return { files, diagnostics, read: paths.length };
}
