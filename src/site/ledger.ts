/**
 * The one place where pages get what they show: the ledger the CLI loaded (src/site/handoff.ts),
 * turned into the site model (src/site/model.ts) once per loaded ledger.
 */
import { getCollection, getEntry } from 'astro:content';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dropRepeatedTitle } from '../ingest/postmortem-heading.ts';
import { sanitizePostmortemHtml } from '../ingest/postmortem-html.ts';
import { receiveSite, type SiteInput } from './handoff.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { findQuarterReport } from '../report/metric.ts';
import type { LedgerReport, QuarterReport } from '../report/quarter-report.ts';

/** What the page helpers (src/site/*-page.ts) read: the site model. */
export type SiteData = SiteModel;

let cached: { input: SiteInput; model: SiteModel } | undefined;

/**
 * The site model: a build computes it once; `npm run dev` again after an input changed (the CLI
 * then hands over a newly loaded ledger).
 */
export async function siteData(): Promise<SiteModel> {
  const input = await receiveSite();
  if (cached?.input !== input) {
    const { ledger, asOfMs } = input;
    cached = { input, model: buildSiteModel(ledger, { audience: ledger.settings.audience, asOfMs }) };
  }
  return cached.model;
}

/**
 * The report and one of its quarters, for a component given `quarter="2026-Q3"` (a review
 * narrative's MDX): an unknown quarter stops the build with the quarters there are.
 */
export async function siteQuarter(quarterId: string): Promise<{ report: LedgerReport; q: QuarterReport }> {
  const { report } = await siteData();
  return { report, q: findQuarterReport(report, quarterId) };
}

/**
 * Whether content/reviews/ holds any Markdown: Astro warns ("does not exist or is empty") when a
 * page asks for an empty collection, and a ledger need not have the folder.
 */
async function hasReviewFiles(): Promise<boolean> {
  const { ledger } = await receiveSite();
  try {
    const names = await readdir(join(ledger.paths.contentDir, 'reviews'));
    return names.some((n) => /\.mdx?$/i.test(n));
  } catch {
    return false;
  }
}

/** The review narratives of content/reviews/, none when the folder is missing or empty. */
export async function reviewNarratives(): Promise<Awaited<ReturnType<typeof getCollection<'reviews'>>>> {
  return (await hasReviewFiles()) ? getCollection('reviews') : [];
}

/** The narrative of one review (`content/reviews/<quarter>.mdx`), if it has one. */
export async function reviewNarrative(
  slug: string,
): Promise<Awaited<ReturnType<typeof reviewNarratives>>[number] | undefined> {
  return (await reviewNarratives()).find((r) => r.id === slug);
}

/**
 * A postmortem's body as HTML, through the allow-list: never the author's raw HTML; an opening H1
 * that repeats the title is left out (the page shows the title as its heading).
 */
export async function postmortemHtml(slug: string): Promise<string> {
  const entry = await getEntry('postmortems', slug);
  const html = sanitizePostmortemHtml(entry?.rendered?.html ?? '');
  const title = (entry?.data as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? dropRepeatedTitle(html, title) : html;
}
