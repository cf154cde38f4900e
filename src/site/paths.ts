/**
 * Links inside the site. A site published under a path (GitHub Pages project sites) has that
 * path as Astro's base; every internal link goes through `pathWithBase`.
 */

/** `/reviews/2026-q3/` → `/repo/reviews/2026-q3/` when the site's base is `/repo/`. */
export function pathWithBase(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}
