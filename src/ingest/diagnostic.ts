/**
 * A problem found in the user's inputs. Every bad input becomes one of these — never a thrown
 * stack trace — so that `check` can collect all of them and fail once (STYLE rule 7).
 */
import { compareText } from '../domain/compare-text.ts';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Path as the user would type it, relative to the working directory when possible. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  column: number;
  message: string;
  hint: string;
}

export interface Place {
  file: string;
  line?: number;
  column?: number;
}

/** Builds a diagnostic from the catalogue: the code fixes the severity and the default hint. */
export function diagnose(code: DiagnosticCode, place: Place, message: string, hint?: string): Diagnostic {
  const entry = DIAGNOSTIC_CODES[code];
  return {
    code,
    severity: entry.severity,
    file: place.file,
    line: place.line ?? 0,
    column: place.column ?? 0,
    message,
    hint: hint ?? entry.hint,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: by file, then line, then column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // "N more problems are not listed" closes its file's list, although it names no line.
  const line = (d: Diagnostic) => (d.code === 'csv-too-many-problems' ? Number.MAX_SAFE_INTEGER : d.line);
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) || line(a) - line(b) || a.column - b.column || compareText(a.code, b.code),
  );
}

/** `path:line:col: error: message` then an indented hint, the format compilers and editors understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line > 0 ? `${d.file}:${d.line}:${Math.max(d.column, 1)}` : d.file;
  return `${place}: ${d.severity}: ${d.message} [${d.code}]\n  hint: ${d.hint}`;
}

/** GitHub Actions workflow command, shown inline on the pull request's diff. */
export function formatGithubAnnotation(d: Diagnostic): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const props = [`file=${d.file}`];
  if (d.line > 0) props.push(`line=${d.line}`, `col=${Math.max(d.column, 1)}`);
  props.push(`title=${d.code}`);
  return `::${d.severity} ${props.join(',')}::${escape(`${d.message} — hint: ${d.hint}`)}`;
}

/** Thrown only at the edge (Astro loaders) to stop a build; carries the collected diagnostics. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}
