/**
 * The one place where pages get their figures: the collections are assembled into the same
 * LedgerInputs the CLI reads, and the same report function runs once per build.
 */
import { compareText } from '../domain/compare-text.ts';
import { getCollection, getEntry } from 'astro:content';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LedgerInputs } from '../ingest/ledger-inputs.ts';
import type { LedgerEntryData } from '../ingest/ledger-loader.ts';
import { hasErrors, InputError } from '../ingest/diagnostic.ts';
import { hashInputFiles, listLedgerFiles } from '../ingest/input-files.ts';
import { AS_OF_ENV, displayPath, ledgerPathsFromEnv } from '../ingest/ledger-paths.ts';
import { readSnapshots } from '../ingest/snapshots.ts';
import { inputDigest } from '../report/input-digest.ts';
import { publishedLedger, type ClosedQuarter } from '../report/snapshot.ts';
import type { Postmortem } from '../ingest/postmortem.ts';
import { impactSentence } from '../ingest/postmortem-impact.ts';
import { listActionItems, type ActionItemRow } from '../report/action-items.ts';
import { asOfLocalDay } from '../report/as-of.ts';
import { incidentBudgetShares, type IncidentBudgetShare } from '../report/incident-budget.ts';
import { buildLedgerReport, visiblePostmortems, type LedgerReport } from '../report/quarter-report.ts';
import { sanitizePostmortemHtml } from '../ingest/postmortem-html.ts';
import { dropRepeatedTitle } from '../ingest/postmortem-heading.ts';

export interface SiteData {
  inputs: LedgerInputs;
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

let cached: { key: string; data: Promise<SiteData> } | undefined;

async function assemble(entry: LedgerEntry, postmortemEntries: PostmortemEntry[]): Promise<SiteData> {
  const data = entry.data as unknown as LedgerEntryData;
  const postmortems: Postmortem[] = postmortemEntries.map((e) => ({
    ...(e.data as Omit<Postmortem, 'slug' | 'impact'>),
    slug: e.id,
    impact: impactSentence(e.body ?? ''),
  }));
  const inputs: LedgerInputs = {
    settings: data.settings,
    catalog: data.catalog,
    sli: new Map(data.sli.map((a) => [a.sloId, a])),
    exclusions: data.exclusions,
    postmortems,
    deployments: data.deployments,
  };
  const asOfText = process.env[AS_OF_ENV];
  const computed = buildLedgerReport(inputs, { asOfMs: asOfText ? Date.parse(asOfText) : undefined });
  // Closed quarters render from their latest revision; `npm run build` has checked that the
  // figures still agree with the inputs before Astro started (src/cli/close.ts).
  const paths = ledgerPathsFromEnv();
  const snapshotDir = join(paths.dataDir, 'snapshots');
  const snapshots = await readSnapshots(snapshotDir, displayPath(paths, snapshotDir), data.settings.calendar);
  if (hasErrors(snapshots.diagnostics)) throw new InputError(snapshots.diagnostics);
  const { report, closed } = publishedLedger(computed, snapshots.snapshots, data.settings.audience);
  const files = await listLedgerFiles(paths, data.catalog);
  const hashes = await hashInputFiles([...files.shared, ...files.postmortems.values(), ...files.site]);
  const visible = visiblePostmortems(postmortems, data.settings.audience).sort(
    (a, b) => b.started - a.started || compareText(a.slug, b.slug),
  );
  return {
    inputs,
    report,
    closed,
    postmortems: visible,
    incidentShares: incidentBudgetShares(report),
    actionItems: listActionItems(visible, asOfLocalDay(report.asOfMs, report.calendar)),
    inputsDigest: inputDigest(hashes),
  };
}

/**
 * Whether an optional content folder holds any Markdown: Astro warns ("does not exist or is
 * empty") when a page asks for an empty collection, and a ledger need not have either folder.
 */
async function hasContentFiles(folder: 'postmortems' | 'reviews'): Promise<boolean> {
  try {
    const names = await readdir(join(ledgerPathsFromEnv().contentDir, folder), { recursive: true });
    return names.some((n) => /\.mdx?$/i.test(n));
  } catch {
    return false;
  }
}

/** The review narratives of content/reviews/, none when the folder is missing or empty. */
export async function reviewNarratives(): Promise<Awaited<ReturnType<typeof getCollection<'reviews'>>>> {
  return (await hasContentFiles('reviews')) ? getCollection('reviews') : [];
}

/** A postmortem's body as HTML, through the allow-list: never the author's raw HTML. */
export async function postmortemHtml(slug: string): Promise<string> {
  const entry = await getEntry('postmortems', slug);
  const html = sanitizePostmortemHtml(entry?.rendered?.html ?? '');
  const title = (entry?.data as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? dropRepeatedTitle(html, title) : html;
}

type LedgerEntry = NonNullable<Awaited<ReturnType<typeof getEntry<'ledger', 'ledger'>>>>;
type PostmortemEntry = Awaited<ReturnType<typeof getCollection<'postmortems'>>>[number];

/**
 * The site's data, assembled once per set of inputs: a build computes it once; `npm run dev`
 * again after an input changed (the entries' digests change with their content).
 */
export async function siteData(): Promise<SiteData> {
  const entry = await getEntry('ledger', 'ledger');
  if (!entry) throw new Error('the ledger collection is empty: the data loader did not run');
  const postmortemEntries = (await hasContentFiles('postmortems')) ? await getCollection('postmortems') : [];
  const key = [entry.digest ?? '', ...postmortemEntries.map((e) => `${e.id}:${e.digest ?? ''}`)].join('|');
  if (cached?.key !== key) cached = { key, data: assemble(entry, postmortemEntries) };
  return cached.data;
}
