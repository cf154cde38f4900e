/**
 * Every action item across the postmortems an audience may read, open and overdue first, so the
 * page answers "what are we doing about it" (SPEC §9).
 */
import { compareText } from '../domain/compare-text.ts';
import type { Postmortem } from '../ingest/postmortem.ts';

export type ActionItemState = 'overdue' | 'open' | 'in-progress' | 'done' | 'wont-do';

export interface ActionItemRow {
  title: string;
  owner: string;
  /** YYYY-MM-DD, or null: an item without a due date is never overdue. */
  due: string | null;
  status: string;
  state: ActionItemState;
  priority: string | null;
  link: string | null;
  incident: { slug: string; title: string; severity: string };
}

const ORDER: Record<ActionItemState, number> = {
  overdue: 0,
  'in-progress': 1,
  open: 2,
  done: 3,
  'wont-do': 4,
};

/** `asOfDay` is the as-of date (YYYY-MM-DD): an item is overdue when due before it and not done. */
export function listActionItems(postmortems: readonly Postmortem[], asOfDay: string): ActionItemRow[] {
  const rows = postmortems.flatMap((p) =>
    p.action_items.map((a): ActionItemRow => {
      const open = a.status === 'open' || a.status === 'in-progress';
      return {
        title: a.title,
        owner: a.owner,
        due: a.due ?? null,
        status: a.status,
        state: open && a.due !== undefined && a.due < asOfDay ? 'overdue' : a.status,
        priority: a.priority ?? null,
        link: a.link ?? null,
        incident: { slug: p.slug, title: p.title, severity: p.severity },
      };
    }),
  );
  return rows.sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] ||
      // Dated items first, soonest first; those without a due date after them.
      compareText(a.due ?? '9999', b.due ?? '9999') ||
      compareText(a.priority ?? 'P9', b.priority ?? 'P9') ||
      compareText(a.title, b.title),
  );
}
