/** New postmortems and reviews as an RSS feed (SPEC §9), dated from the data, never the clock. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteData } from '../site/ledger.ts';
import { pathWithBase } from '../site/paths.ts';

export async function GET(context: APIContext) {
  const { report, feed } = await siteData();
  return rss({
    title: report.title,
    description: `Quarterly reliability reviews and incident write-ups of ${report.organization}`,
    site: context.site ?? 'https://reliability.example.org',
    items: feed.map((item) => ({
      title: item.title,
      link: pathWithBase(item.path),
      pubDate: new Date(item.pubDateMs),
      description: item.description,
    })),
  });
}
