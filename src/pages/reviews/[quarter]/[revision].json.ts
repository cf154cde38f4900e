/**
 * /reviews/<quarter>/r<n>.json: the review JSON (SPEC §11) exactly as revision n published it,
 * with the anchor ids of its citable figures, as /reviews/<quarter>.json has them.
 */
import type { GetStaticPaths } from 'astro';
import { siteData } from '../../../site/ledger.ts';
import { getReviewJson } from '../../../site/review-json-route.ts';

export const getStaticPaths = (async () => {
  const { closed } = await siteData();
  return [...closed.values()].flatMap((c) =>
    c.revisions.map(({ summary, report }) => ({
      params: { quarter: c.slug, revision: `r${summary.revision}` },
      props: { q: report },
    })),
  );
}) satisfies GetStaticPaths;

export const GET = getReviewJson;
