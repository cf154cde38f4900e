/** The order of a scorecard (SPEC §9.1): over budget first, then at risk, then by budget left. */
import { compareText } from '../domain/compare-text.ts';
import type { SloReport } from './quarter-report.ts';

const ORDER: Record<SloReport['status'], number> = {
  exhausted: 0,
  'at-risk': 1,
  healthy: 2,
  'insufficient-data': 3,
};

export function sortForScorecard<T extends Pick<SloReport, 'status' | 'remaining' | 'id'>>(
  slos: readonly T[],
): T[] {
  return [...slos].sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] || (a.remaining ?? 2) - (b.remaining ?? 2) || compareText(a.id, b.id),
  );
}
