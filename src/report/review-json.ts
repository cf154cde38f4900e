/**
 * The review JSON as published (SPEC §11) — `/reviews/<quarter>.json` and `npm run report --
 * --json` — with the anchor ids of its citable figures (issue 15), so that a figure read in the
 * JSON can be linked to on the page: `/reviews/2026-q3/#slo-checkout-availability`.
 */
import { chartAnchor, figureAnchor, incidentAnchor, sloAnchor } from './anchors.ts';
import { headlineFigures } from './headlines.ts';
import type { LedgerReport, QuarterReport } from './quarter-report.ts';

export function reviewJson(ledger: LedgerReport, q: QuarterReport): unknown {
  return {
    ...q,
    slos: q.slos.map((s) => ({
      ...s,
      anchor: sloAnchor(s.id),
      // Beside the published figures, as LedgerReport keeps them (issue 12 item 15).
      measured: ledger.measured[q.quarter]?.[s.id] ?? null,
    })),
    incidents: q.incidents.map((i) => ({ ...i, anchor: incidentAnchor(i.id) })),
    anchors: {
      figures: headlineFigures(ledger, q.quarter).map((f) => ({
        name: f.name,
        anchor: figureAnchor(f.name),
      })),
      charts: [
        ...q.slos
          .filter((s) => !s.insufficientData)
          .map((s) => ({ kind: 'burn-down', slo: s.id, anchor: chartAnchor('burn-down', s.id) })),
        ...(q.incidents.length === 0
          ? []
          : [{ kind: 'incident-timeline', slo: null, anchor: chartAnchor('incident-timeline') }]),
      ],
    },
  };
}
