/**
 * Long lists as static pages (issue 15: 1,000 postmortems make one 2 MB page otherwise): page 1 at
 * the list's own address, page n at `<list>/page/<n>/`, open and overdue items first.
 */
import type { Postmortem } from '../ingest/postmortem.ts';

export const PAGE_SIZE = 50;

export interface ListPage<T> {
  /** 1-based. */
  number: number;
  count: number;
  items: T[];
  /** First and last item's position in the whole list, 1-based: "51–100 of 902". */
  from: number;
  to: number;
  total: number;
  prevHref: string | null;
  nextHref: string | null;
  /** Every page's address, for a numbered pager. */
  hrefs: string[];
}

/** The address of page `n` of a list at `listHref` (which ends in '/'). */
export function pageHref(listHref: string, n: number): string {
  return n === 1 ? listHref : `${listHref}page/${n}/`;
}

export function paginate<T>(items: readonly T[], listHref: string, size = PAGE_SIZE): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const hrefs = Array.from({ length: count }, (_, i) => pageHref(listHref, i + 1));
  return hrefs.map((_, i) => {
    const slice = items.slice(i * size, (i + 1) * size);
    return {
      number: i + 1,
      count,
      items: slice,
      from: slice.length === 0 ? 0 : i * size + 1,
      to: i * size + slice.length,
      total: items.length,
      prevHref: i === 0 ? null : (hrefs[i - 1] ?? null),
      nextHref: i === count - 1 ? null : (hrefs[i + 1] ?? null),
      hrefs,
    };
  });
}

/**
 * The incident list's order: incidents still open (not mitigated, or a write-up not yet final)
 * first, then newest first, as the site already lists them.
 */
export function openIncidentsFirst(postmortems: readonly Postmortem[]): Postmortem[] {
  const open = (p: Postmortem) => p.mitigated === undefined || p.status !== 'final';
  return [...postmortems.filter(open), ...postmortems.filter((p) => !open(p))];
}

/**
 * The routes of pages 2 and on of a list (`<list>/page/<n>/`): each route file's `getStaticPaths`
 * is this one call, page 1 being the list's own page.
 */
export function laterPagePaths<T>(
  pages: readonly ListPage<T>[],
): { params: { n: string }; props: { page: ListPage<T> } }[] {
  return pages.slice(1).map((page) => ({ params: { n: String(page.number) }, props: { page } }));
}
