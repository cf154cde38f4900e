/** Long lists as static pages (issue 15): 902 incidents make 19 pages of 50, the last of 2. */
import { describe, expect, it } from 'vitest';
import { pageHref, paginate } from '../../src/site/paginate.ts';

describe('paginate', () => {
  const items = Array.from({ length: 902 }, (_, i) => i + 1);
  const pages = paginate(items, '/incidents/');

  it('makes ⌈902 / 50⌉ = 19 pages, page 1 at the list’s own address', () => {
    expect(pages).toHaveLength(19);
    expect(pages[0]).toMatchObject({
      number: 1,
      from: 1,
      to: 50,
      total: 902,
      prevHref: null,
      nextHref: '/incidents/page/2/',
    });
    expect(pages[18]).toMatchObject({
      number: 19,
      from: 901,
      to: 902,
      prevHref: '/incidents/page/18/',
      nextHref: null,
    });
    expect(pages[18]?.items).toEqual([901, 902]);
    expect(pageHref('/incidents/', 1)).toBe('/incidents/');
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], '/action-items/')).toEqual([
      expect.objectContaining({ number: 1, count: 1, items: [], from: 0, to: 0, nextHref: null }),
    ]);
  });
});

describe('a review’s incidents at any size', async () => {
  const { quarterIncidentView } = await import('../../src/site/incident-list.ts');
  // 25 incidents, the nth using n% of one SLO's budget: the table keeps the 20 that used most
  // (6%–25%), the timeline the 12 that used most (14%–25%), both in order of start.
  const incidents = Array.from({ length: 25 }, (_, i) => ({
    id: `i${String(i + 1).padStart(2, '0')}`,
    started: `2026-07-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
    budgetConsumed: { a: (i + 1) / 100 },
  }));
  // All began in the quarter (from 1 July), so none is listed apart as carried over.
  const view = quarterIncidentView({ incidents, start: '2026-07-01T00:00:00Z' } as never);

  it('keeps the incidents that used the most budget, and says how many more there are', () => {
    expect(view.table.map((i) => i.id)).toEqual(incidents.slice(5).map((i) => i.id));
    expect(view.timeline.map((i) => i.id)).toEqual(incidents.slice(13).map((i) => i.id));
    expect(view.more).toBe(5);
    expect(view.total).toBe(25);
  });
});
