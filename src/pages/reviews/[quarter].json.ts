import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/ledger.ts';
import type { QuarterReport } from '../../report/quarter-report.ts';

export const getStaticPaths = (async () => {
  const { report } = await siteData();
  return report.quarters.map((q) => ({ params: { quarter: q.slug }, props: { q } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { q } = props as { q: QuarterReport };
  return new Response(`${JSON.stringify(q, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
