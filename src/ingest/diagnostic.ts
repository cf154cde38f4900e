/**
 * A problem found in the user's inputs. Every bad input becomes one of these — never a thrown
 * stack trace — so that `check` can collect all of them and fail once (STYLE rule 7).
 */
import { compareText } from '../domain/compare-text.ts';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes.ts';
import { echo } from './echo.ts';

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
    file: echo(place.file, 400),
    line: place.line ?? 0,
    column: place.column ?? 0,
    message: shortenEchoes(message),
    hint: shortenEchoes(hint ?? entry.hint),
  };
}

/**
 * Every message may quote an input's value; a quoted value is cut to about 80 characters and
 * control characters are shown as escapes, whichever reader wrote the message, so that a 50 MB
 * field or a binary file cannot flood the log (echo.ts). The whole message is bounded too.
 */
function shortenEchoes(text: string): string {
  const quoted = text.replace(/"([^"\n]*)"/g, (_, v: string) => `"${echo(v, 200)}"`);
  return quoted.length > 2000 ? `${quoted.slice(0, 1999)}…` : quoted;
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

/**
 * GitHub Actions workflow command, shown inline on the pull request's diff. Values are escaped as
 * GitHub's runner unescapes them (actions/toolkit, command.ts): `%`, CR and LF in the message, and
 * also `:` and `,` in properties. A file name holding a newline and `::error` thus stays one
 * annotation instead of injecting another.
 */
export function formatGithubAnnotation(d: Diagnostic): string {
  const props = [`file=${escapeGithubProperty(d.file)}`];
  if (d.line > 0) props.push(`line=${d.line}`, `col=${Math.max(d.column, 1)}`);
  props.push(`title=${escapeGithubProperty(d.code)}`);
  return `::${d.severity} ${props.join(',')}::${escapeGithubData(`${d.message} — hint: ${d.hint}`)}`;
}

export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
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
