/**
 * YAML documents that remember where each value came from, so that a schema problem can be
 * reported at the line and column of the offending key.
 */
import { LineCounter, isCollection, isNode, isPair, isScalar, parseAllDocuments, type Document } from 'yaml';
import type { z } from 'zod';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import type { DiagnosticCode } from './diagnostic-codes.ts';
import { echo } from './echo.ts';
import { nearestName } from './nearest-name.ts';

export interface YamlSource {
  file: string;
  /** Plain JS values, one per document in the stream. */
  documents: unknown[];
  /** 1-based line and column of the value at `path` in document `index`, or of its nearest parent. */
  locate(path: readonly PropertyKey[], index?: number): { line: number; column: number };
  /** Same, but pointing at the key rather than at the value. */
  locateKey(path: readonly PropertyKey[], index?: number): { line: number; column: number };
  /** Where document `index` begins: its `---` line, when it has one. */
  documentStart(index: number): { line: number; column: number };
}

export interface ParseYamlOptions {
  /**
   * Whether the file may hold several documents (`---`). Only OpenSLO files do; in every other
   * file a second document would be ignored, so it is refused at its `---` line instead.
   */
  multiDocument?: boolean;
}

export function parseYamlSource(
  file: string,
  text: string,
  opts: ParseYamlOptions = {},
): { source: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const tooDeep = deepestNesting(text);
  if (tooDeep !== null) {
    return {
      source: emptySource(file),
      diagnostics: [
        diagnose(
          'yaml-limit',
          { file, ...lineOf(text, tooDeep) },
          `collections are nested more than ${MAX_DEPTH} deep here`,
        ),
      ],
    };
  }
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    return { source: emptySource(file), diagnostics: [limitDiagnostic(file, e)] };
  }
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      diagnostics.push(
        /call stack/i.test(error.message)
          ? limitDiagnostic(file, error)
          : diagnose(
              'yaml-syntax',
              { file, line: pos.line, column: pos.col },
              echo(firstLine(error.message), 200),
            ),
      );
    }
  }
  if (!opts.multiDocument && diagnostics.length === 0)
    diagnostics.push(...refuseExtraDocuments(file, list, lineCounter));
  const position = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const find = (path: readonly PropertyKey[], index: number, wantKey: boolean) => {
    const doc = list[index];
    if (!doc) return { line: 1, column: 1 };
    let node: unknown = doc.contents;
    let best = isNode(node) && node.range ? position(node.range[0]) : { line: 1, column: 1 };
    for (const key of path) {
      if (!isCollection(node)) break;
      const item = (node.items as unknown[]).find((it, i) =>
        isPair(it) ? isScalar(it.key) && String(it.key.value) === String(key) : i === Number(key),
      );
      if (item === undefined) break;
      if (isPair(item)) {
        const keyNode = item.key;
        if (wantKey && isNode(keyNode) && keyNode.range) best = position(keyNode.range[0]);
        node = item.value;
        if (!wantKey && isNode(node) && node.range) best = position(node.range[0]);
        else if (isNode(keyNode) && keyNode.range && !wantKey) best = position(keyNode.range[0]);
      } else {
        node = item;
        if (isNode(node) && node.range) best = position(node.range[0]);
      }
    }
    return best;
  };
  let documents: unknown[] = [];
  if (diagnostics.length === 0) {
    try {
      documents = list.map((d) => d.toJS({ maxAliasCount: MAX_ALIASES }) as unknown);
    } catch (e) {
      diagnostics.push(limitDiagnostic(file, e));
    }
  }
  return {
    source: {
      file,
      documents,
      locate: (path, index = 0) => find(path, index, false),
      locateKey: (path, index = 0) => find(path, index, true),
      documentStart: (index) => {
        const doc = list[index];
        return doc ? position(doc.range[0]) : { line: 1, column: 1 };
      },
    },
    diagnostics,
  };
}

/** How many times aliases may be expanded in one document (a "billion laughs" needs thousands). */
const MAX_ALIASES = 100;
/** How deep collections may nest: no input of the ledger needs more than a handful of levels. */
const MAX_DEPTH = 64;

function emptySource(file: string): YamlSource {
  return {
    file,
    documents: [],
    locate: () => ({ line: 1, column: 1 }),
    locateKey: () => ({ line: 1, column: 1 }),
    documentStart: () => ({ line: 1, column: 1 }),
  };
}

function lineOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The yaml package's own limit (aliases), or a stack overflow it ran into, as a diagnostic. */
function limitDiagnostic(file: string, e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  const aliases = /alias/i.test(message);
  return diagnose(
    'yaml-limit',
    { file, line: 1, column: 1 },
    aliases
      ? `aliases expand too many times (more than ${MAX_ALIASES}): the document would blow up in memory`
      : `the document is nested too deeply to read (${message.split('\n')[0]?.slice(0, 80)})`,
  );
}

/**
 * The offset where flow brackets or block indentation first pass MAX_DEPTH, or null. Counted on
 * the text, before parsing, since the parser and toJS recurse once per level. Quoted scalars and
 * comments are skipped well enough for a limit: a false alarm needs 64 brackets inside quotes.
 */
function deepestNesting(text: string): number | null {
  let flow = 0;
  let quote: string | null = null;
  let lineStart = true;
  const indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      else if (c === '\n') lineStart = true;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      let j = i;
      let compact = 0;
      while (text[j] === ' ' || text[j] === '-' || text[j] === '?' || text[j] === ':') {
        // `- - - x` nests one sequence per dash on a single line.
        if (text[j] !== ' ' && text[j + 1] === ' ') compact++;
        j++;
      }
      if (text[j] !== '\n' && text[j] !== '#' && j < text.length && flow === 0) {
        const indent = j - i;
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
        indents.push(indent);
        if (indents.length + compact > MAX_DEPTH) return i;
      }
    }
    if (c === '\n') lineStart = true;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
    } else if (c === '"' || c === "'") {
      const prev = text[i - 1];
      if (prev === undefined || /[\s,[{:]/.test(prev)) quote = c;
    } else if (c === '[' || c === '{') {
      if (++flow > MAX_DEPTH) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return null;
}

/**
 * A second document that holds something (an empty one after a trailing `---` loses nothing),
 * placed on the line of the `---` that starts it.
 */
function refuseExtraDocuments(
  file: string,
  docs: readonly Document.Parsed[],
  lineCounter: LineCounter,
): Diagnostic[] {
  const extra = docs.findIndex((d, i) => i > 0 && d.toJS({ maxAliasCount: 100 }) != null);
  const doc = docs[extra];
  if (doc === undefined) return [];
  const pos = lineCounter.linePos(doc.range[0]);
  return [
    diagnose(
      'yaml-second-document',
      { file, line: pos.line, column: pos.col },
      `a second YAML document starts here; this file holds one document, and everything after this line would be ignored`,
    ),
  ];
}

/** The same check for a file read as several documents and then found to be a one-document format. */
export function refuseSecondDocument(source: YamlSource): Diagnostic[] {
  const index = source.documents.findIndex((d, i) => i > 0 && d != null);
  if (index < 0) return [];
  const pos = source.documentStart(index);
  return [
    diagnose(
      'yaml-second-document',
      { file: source.file, ...pos },
      `a second YAML document starts here; this file holds one document, and everything after this line would be ignored`,
    ),
  ];
}

/**
 * Turns zod issues into diagnostics placed on the YAML line of the field. An unknown key points
 * at the key itself, since it is almost always a typo.
 */
export interface SchemaIssueOptions {
  /** The schema that failed, to suggest the known keys for an unknown one. */
  schema?: z.ZodType;
  code?: DiagnosticCode;
  /** Which document of a multi-document stream. */
  docIndex?: number;
  /** Where the validated value sits in the document, when it is not the root. */
  basePath?: readonly PropertyKey[];
}

export function diagnoseSchemaIssues(
  source: YamlSource,
  error: z.ZodError,
  opts: SchemaIssueOptions = {},
): Diagnostic[] {
  const { schema, code = 'schema', docIndex = 0, basePath = [] } = opts;
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const pos = source.locateKey([...path, key], docIndex);
        const known = schema ? knownKeysAt(schema, issue.path) : [];
        const guess = nearestName(key, known);
        out.push(
          diagnose(
            'unknown-key',
            { file: source.file, ...pos },
            `unknown key "${key}"${where(path)}`,
            guess
              ? `did you mean "${guess}"? Known keys: ${known.join(', ')}`
              : known.length > 0
                ? `known keys: ${known.join(', ')}`
                : undefined,
          ),
        );
      }
      continue;
    }
    const pos = source.locate(path, docIndex);
    out.push(diagnose(code, { file: source.file, ...pos }, `${describePath(path)}: ${plainMessage(issue)}`));
  }
  return out;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
}

/** The keys an object schema accepts at `path`, looking through optional, default, array and pipe wrappers. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  // A preprocessed schema is a pipe whose input is a transform: its keys are those of the output.
  if (def.type === 'pipe' && def.in && def.out) {
    const keys = knownKeysAt(def.in, path);
    return keys.length > 0 ? keys : knownKeysAt(def.out, path);
  }
  const inner = def.innerType;
  if (inner) return knownKeysAt(inner, path);
  if (path.length === 0) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
  const [head, ...rest] = path;
  if (def.type === 'array' && def.element) return knownKeysAt(def.element, rest);
  if (def.type === 'object' && def.shape) {
    const child = def.shape[String(head)];
    return child ? knownKeysAt(child, rest) : [];
  }
  if (def.type === 'union' && def.options) {
    for (const option of def.options) {
      const keys = knownKeysAt(option, path);
      if (keys.length > 0) return keys;
    }
  }
  return [];
}

/** zod's default wording, said the way a YAML author thinks of it. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return `is required (${issue.expected})`;
  // A field that may be written in several ways (a time as text or as a YAML date): zod's own
  // word for a missing one is "Invalid input".
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors.flat();
    const missing = branches.every((b) => b.code === 'invalid_type' && /received undefined$/.test(b.message));
    if (missing) return 'is required';
    if (branches.every((b) => b.code === 'invalid_type'))
      return `is a ${/received (\w+)$/.exec(branches[0]?.message ?? '')?.[1] ?? 'value of another type'}; write a date or time, e.g. 2026-09-01 or 2026-08-14T09:12:00Z`;
  }
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
  }
  return issue.message;
}

export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(document)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '' : ` in ${describePath(path)}`;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
