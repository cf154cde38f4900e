/** New postmortems and reviews as an RSS feed (SPEC §9), dated from the data, never the clock. */
import { compareText } from '../domain/compare-text.ts';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteData } from '../site/ledger.ts';
import { describeIncident } from '../report/incident-sentence.ts';

export async function GET(context: APIContext) {
  const { report, postmortems, incidentShares } = await siteData();
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const reviewItems = report.quarters.map((q) => ({
    title: `Reliability review, ${q.label}${q.state === 'in-progress' ? ' (in progress)' : ''}`,
    link: `${base}/reviews/${q.slug}/`,
    // A complete quarter's review appears when the quarter ends; one in progress at as-of.
    pubDate: new Date(Math.min(Date.parse(q.end), report.asOfMs)),
    description: `SLO attainment, error budgets and incidents for ${q.label}.`,
  }));
  const incidentItems = postmortems.map((p) => ({
    title: `${p.severity}: ${p.title}`,
    link: `${base}/incidents/${p.slug}/`,
    pubDate: new Date(p.mitigated ?? p.started),
    description: describeIncident(
      { startedMs: p.started, mitigatedMs: p.mitigated },
      incidentShares.get(p.slug) ?? [],
      report.calendar,
    ),
  }));
  const items = [...reviewItems, ...incidentItems].sort(
    (a, b) => b.pubDate.getTime() - a.pubDate.getTime() || compareText(a.link, b.link),
  );
  return rss({
    title: report.title,
    description: `Quarterly reliability reviews and incident write-ups of ${report.organization}`,
    site: context.site ?? 'https://reliability.example.org',
    items,
  });
}
