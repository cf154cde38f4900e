/**
 * /reviews/<quarter>/r<n>.json: the review JSON (SPEC §11) exactly as revision n published it,
 * with the anchor ids of its citable figures, as /reviews/<quarter>.json has them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../site/ledger.ts';
import type { QuarterReport } from '../../../report/quarter-report.ts';
import { reviewJson } from '../../../report/review-json.ts';

export const getStaticPaths = (async () => {
  const { closed } = await siteData();
  return [...closed.values()].flatMap((c) =>
    c.revisions.map(({ summary, report }) => ({
      params: { quarter: c.slug, revision: `r${summary.revision}` },
      props: { q: report },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { q } = props as { q: QuarterReport };
  const { report } = await siteData();
  return new Response(`${JSON.stringify(reviewJson(report, q), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
