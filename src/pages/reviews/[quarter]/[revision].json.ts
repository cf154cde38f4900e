/** /reviews/<quarter>/r<n>.json: the review JSON (SPEC §11) exactly as revision n published it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../site/ledger.ts';
import type { QuarterReport } from '../../../report/quarter-report.ts';

export const getStaticPaths = (async () => {
  const { closed } = await siteData();
  return [...closed.values()].flatMap((c) =>
    c.revisions.map(({ summary, report }) => ({
      params: { quarter: c.slug, revision: `r${summary.revision}` },
      props: { q: report },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { q } = props as { q: QuarterReport };
  return new Response(`${JSON.stringify(q, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
