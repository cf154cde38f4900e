import type { GetStaticPaths } from 'astro';
import { siteData } from '../../site/ledger.ts';
import { getReviewJson } from '../../site/review-json-route.ts';

export const getStaticPaths = (async () => {
  const { report } = await siteData();
  return report.quarters.map((q) => ({ params: { quarter: q.slug }, props: { q } }));
}) satisfies GetStaticPaths;

export const GET = getReviewJson;
