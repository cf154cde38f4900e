import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/ledger.ts';
import { badgeSvg, type Badge } from '../../site/badge.ts';

export const getStaticPaths = (async () => {
  const { badges } = await siteData();
  return badges.map((badge) => ({ params: { id: badge.label }, props: { badge } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { badge } = props as { badge: Badge };
  return new Response(badgeSvg(badge), { headers: { 'Content-Type': 'image/svg+xml' } });
};
