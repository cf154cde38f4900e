import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/ledger.ts';
import { allBadges, badgeSvg, type Badge } from '../../site/badge.ts';

export const getStaticPaths = (async () => {
  const { report, inputs } = await siteData();
  const badges = allBadges(
    report,
    inputs.catalog.entries.map((e) => e.slo.id),
    inputs.catalog.services.map((s) => s.id),
  );
  return badges.map((badge) => ({ params: { id: badge.label }, props: { badge } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { badge } = props as { badge: Badge };
  return new Response(badgeSvg(badge), { headers: { 'Content-Type': 'image/svg+xml' } });
};
