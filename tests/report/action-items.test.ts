import { describe, expect, it } from 'vitest';
import type { Postmortem } from '../../src/ingest/postmortem.ts';
import { listActionItems } from '../../src/report/action-items.ts';
import { asOfLocalDay } from '../../src/report/as-of.ts';
import { countActionItems } from '../../src/report/incident-summary.ts';

function pm(slug: string, items: Postmortem['action_items']): Postmortem {
  return {
    slug,
    title: slug,
    status: 'final',
    severity: 'SEV2',
    visibility: 'public',
    services: ['api'],
    started: 0,
    authors: [],
    trigger: 'unknown',
    action_items: items,
    impact: null,
  };
}

describe('the action item list', () => {
  it("puts overdue first, then in progress, open, done and won't do; earliest due first within each", () => {
    const rows = listActionItems(
      [
        pm('a', [
          { title: 'done item', owner: 'x', due: '2026-01-01', status: 'done' },
          { title: 'open later', owner: 'x', due: '2026-12-01', status: 'open' },
          { title: 'overdue', owner: 'x', due: '2026-10-01', status: 'open' },
        ]),
        pm('b', [
          { title: 'in progress, overdue', owner: 'y', due: '2026-09-01', status: 'in-progress' },
          { title: 'not doing', owner: 'y', due: '2026-02-01', status: 'wont-do' },
          { title: 'in progress', owner: 'y', due: '2026-12-15', status: 'in-progress' },
        ]),
      ],
      '2026-11-16',
    );
    expect(rows.map((r) => [r.title, r.state])).toEqual([
      ['in progress, overdue', 'overdue'],
      ['overdue', 'overdue'],
      ['in progress', 'in-progress'],
      ['open later', 'open'],
      ['done item', 'done'],
      ['not doing', 'wont-do'],
    ]);
  });

  it('an item due on the as-of date itself is not yet overdue', () => {
    const [row] = listActionItems(
      [pm('a', [{ title: 't', owner: 'x', due: '2026-11-16', status: 'open' }])],
      '2026-11-16',
    );
    expect(row?.state).toBe('open');
  });
});

describe('an action item without a due date', () => {
  it('is never overdue, listed after the dated ones of its state, and counted as open', () => {
    const items: Postmortem['action_items'] = [
      { title: 'undated', owner: 'x', status: 'open' },
      { title: 'dated, later', owner: 'x', due: '2026-12-01', status: 'open' },
      { title: 'dated, overdue', owner: 'x', due: '2026-01-01', status: 'open' },
    ];
    const rows = listActionItems([pm('a', items)], '2026-11-16');
    expect(rows.map((r) => [r.title, r.state, r.due])).toEqual([
      ['dated, overdue', 'overdue', '2026-01-01'],
      ['dated, later', 'open', '2026-12-01'],
      ['undated', 'open', null],
    ]);
    expect(countActionItems([pm('a', items)], '2026-11-16')).toEqual({
      opened: 3,
      done: 0,
      open: 3,
      overdue: 1,
    });
  });
});

describe('the as-of date an item is overdue against', () => {
  it('is the local date in the site zone: 15:00Z on 14 July is already 15 July in Asia/Tokyo (UTC+9)', () => {
    expect(asOfLocalDay(Date.UTC(2026, 6, 14, 15), { timezone: 'Asia/Tokyo', fiscalYearStartMonth: 1 })).toBe(
      '2026-07-15',
    );
    expect(
      asOfLocalDay(Date.UTC(2026, 6, 14, 15), { timezone: 'America/New_York', fiscalYearStartMonth: 1 }),
    ).toBe('2026-07-14');
  });
});
