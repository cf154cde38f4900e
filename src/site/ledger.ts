/**
 * The one place where pages get their figures: the ledger the CLI loaded (src/site/handoff.ts)
 * goes through the same report function as the CLI's, once per build.
 */
import { compareText } from '../domain/compare-text.ts';
import { getEntry } from 'astro:content';
import type { Ledger } from '../ingest/load-ledger.ts';
import type { Postmortem } from '../ingest/postmortem.ts';
import { inputDigest } from '../report/input-digest.ts';
import { publishedLedger, publishedSnapshots, type ClosedQuarter } from '../report/snapshot.ts';
import { listActionItems, type ActionItemRow } from '../report/action-items.ts';
import { asOfLocalDay } from '../report/as-of.ts';
import { incidentBudgetShares, type IncidentBudgetShare } from '../report/incident-budget.ts';
import { buildLedgerReport, visiblePostmortems, type LedgerReport } from '../report/quarter-report.ts';
import { sanitizePostmortemHtml } from '../ingest/postmortem-html.ts';
import { receiveSite, type SiteInput } from './handoff.ts';

export interface SiteData {
  inputs: Ledger;
  /** Closed quarters as their latest revision (`revision` set), the others as computed. */
  report: LedgerReport;
  /** Every revision of each closed quarter, by quarter id (`2026-Q2`), as this audience may read it. */
  closed: Map<string, ClosedQuarter>;
  /** Postmortems this audience may see, newest first. */
  postmortems: Postmortem[];
  /** Budget each incident used, per SLO and quarter. */
  incidentShares: Map<string, IncidentBudgetShare[]>;
  /** Action items of the visible postmortems, overdue and open first. */
  actionItems: ActionItemRow[];
  /**
   * A short digest of every input file (data/, postmortems, review narratives, snapshots), for
   * "built from" lines: src/report/input-digest.ts. Never the wall clock.
   */
  inputsDigest: string | null;
}

let cached: { input: SiteInput; data: Promise<SiteData> } | undefined;

async function assemble({ ledger, asOfMs }: SiteInput): Promise<SiteData> {
  const computed = buildLedgerReport(ledger, { asOfMs });
  // Closed quarters render from their latest revision; `npm run build` has checked that the
  // figures still agree with the inputs before Astro started (src/report/closed-quarters.ts).
  const audience = ledger.settings.audience;
  const { report, closed } = publishedLedger(computed, publishedSnapshots(ledger.snapshots), audience);
  const visible = visiblePostmortems(ledger.postmortems, audience).sort(
    (a, b) => b.started - a.started || compareText(a.slug, b.slug),
  );
  return {
    inputs: ledger,
    report,
    closed,
    postmortems: visible,
    incidentShares: incidentBudgetShares(report),
    actionItems: listActionItems(visible, asOfLocalDay(report.asOfMs, report.calendar)),
    inputsDigest: ledger.hashes === null ? null : inputDigest(ledger.hashes),
  };
}

/** A postmortem's body as HTML, through the allow-list: never the author's raw HTML. */
export async function postmortemHtml(slug: string): Promise<string> {
  const entry = await getEntry('postmortems', slug);
  return sanitizePostmortemHtml(entry?.rendered?.html ?? '');
}

/**
 * The site's data, assembled once per loaded ledger: a build computes it once; `npm run dev`
 * again after an input changed (the CLI then hands over a newly loaded ledger).
 */
export async function siteData(): Promise<SiteData> {
  const input = await receiveSite();
  if (cached?.input !== input) cached = { input, data: assemble(input) };
  return cached.data;
}
