/**
 * The scorecard of a review grouped by service (issue 15: a review readable at 150 SLOs): each
 * service gets a summary — SLOs met, at risk and over budget — and its rows follow in a
 * disclosure that is open when the service needs attention. Services needing attention come
 * first, worst first, as the scorecard orders its rows.
 */
import { compareText } from '../domain/compare-text.ts';
import { serviceAnchor } from '../report/anchors.ts';
import type { QuarterReport, SloReport } from '../report/quarter-report.ts';
import { sortForScorecard } from '../report/scorecard-order.ts';
import { OPEN_SERVICE_LIMIT } from './long-list.ts';

export interface ScorecardGroup {
  service: string;
  anchor: string;
  owner: string;
  team: string;
  /** "3 SLOs: 1 over budget, 1 at risk, 1 healthy" — or met / missed for a complete quarter. */
  summary: string;
  /**
   * Open by default: an SLO of the service is over budget or at risk, for the first
   * OPEN_SERVICE_LIMIT such services.
   */
  open: boolean;
  /** An SLO of the service is over budget or at risk. */
  attention: boolean;
  slos: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryOf(slos: readonly SloReport[], complete: boolean): string {
  const count = (f: (s: SloReport) => boolean) => slos.filter(f).length;
  const parts: string[] = [];
  const exhausted = count((s) => s.status === 'exhausted');
  const atRisk = count((s) => s.status === 'at-risk');
  const insufficient = count((s) => s.insufficientData);
  if (complete) {
    const met = count((s) => s.met === true);
    const missed = count((s) => s.met === false);
    if (missed > 0) parts.push(`${missed} missed`);
    if (met > 0) parts.push(`${met} met`);
    if (atRisk > 0) parts.push(`${atRisk} at risk`);
  } else {
    if (exhausted > 0) parts.push(`${exhausted} over budget`);
    if (atRisk > 0) parts.push(`${atRisk} at risk`);
    const healthy = count((s) => s.status === 'healthy');
    if (healthy > 0) parts.push(`${healthy} healthy`);
  }
  if (insufficient > 0) parts.push(`${insufficient} without enough data`);
  return `${plural(slos.length, 'SLO')}: ${parts.join(', ')}`;
}

export function groupScorecard(q: QuarterReport): ScorecardGroup[] {
  const ordered = sortForScorecard(q.slos);
  const services: string[] = [];
  for (const s of ordered) if (!services.includes(s.service)) services.push(s.service);
  // Services needing attention stay in the order of their worst SLO; the rest by name.
  const needs = (id: string) =>
    q.slos.some((s) => s.service === id && (s.status === 'exhausted' || s.status === 'at-risk'));
  const sorted = [...services.filter(needs), ...services.filter((id) => !needs(id)).sort(compareText)];
  // At many services a page of open disclosures would bury the ones that matter most: only the
  // first OPEN_SERVICE_LIMIT needing attention open; the summaries of the rest still say why.
  return sorted.map((id, index) => {
    const slos = q.slos.filter((s) => s.service === id);
    const svc = q.services.find((x) => x.id === id);
    return {
      service: id,
      anchor: serviceAnchor(id),
      owner: svc?.owner ?? slos[0]?.owner ?? '',
      team: svc?.team ?? slos[0]?.team ?? '',
      summary: summaryOf(slos, q.state === 'complete'),
      open: needs(id) && index < OPEN_SERVICE_LIMIT,
      attention: needs(id),
      slos: slos.length,
    };
  });
}
