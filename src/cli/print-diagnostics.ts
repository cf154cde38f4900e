import {
  formatDiagnostic,
  formatGithubAnnotation,
  sortDiagnostics,
  type Diagnostic,
} from '../ingest/diagnostic.ts';
import type { Effects } from './effects.ts';

export type DiagnosticFormat = 'text' | 'github';

export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
  fx: Effects,
): void {
  for (const d of sortDiagnostics(diagnostics))
    fx.err(format === 'github' ? formatGithubAnnotation(d) : formatDiagnostic(d));
}

export function summarise(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
