import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/ledger.ts';
import type { QuarterReport } from '../../report/quarter-report.ts';
import { reviewJson } from '../../report/review-json.ts';

export const getStaticPaths = (async () => {
  const { report } = await siteData();
  return report.quarters.map((q) => ({ params: { quarter: q.slug }, props: { q } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { q } = props as { q: QuarterReport };
  const { report } = await siteData();
  return new Response(`${JSON.stringify(reviewJson(report, q), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
