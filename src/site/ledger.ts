/**
 * The one place where pages get what they show: the ledger the CLI loaded (src/site/handoff.ts),
 * turned into the site model (src/site/model.ts) once per loaded ledger.
 */
import { getEntry } from 'astro:content';
import { sanitizePostmortemHtml } from '../ingest/postmortem-html.ts';
import { receiveSite, type SiteInput } from './handoff.ts';
import { buildSiteModel, type SiteModel } from './model.ts';

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

/** A postmortem's body as HTML, through the allow-list: never the author's raw HTML. */
export async function postmortemHtml(slug: string): Promise<string> {
  const entry = await getEntry('postmortems', slug);
  return sanitizePostmortemHtml(entry?.rendered?.html ?? '');
}
