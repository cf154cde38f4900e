/**
 * The GET handler of both review JSON routes, /reviews/<quarter>.json and
 * /reviews/<quarter>/r<n>.json: the quarter report its props carry, as SPEC §11 writes it.
 */
import type { APIRoute } from 'astro';
import type { QuarterReport } from '../report/quarter-report.ts';
import { reviewJson } from '../report/review-json.ts';
import { siteData } from './ledger.ts';

export const getReviewJson: APIRoute = async ({ props }) => {
  const { q } = props as { q: QuarterReport };
  const { report } = await siteData();
  return new Response(`${JSON.stringify(reviewJson(report, q), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
