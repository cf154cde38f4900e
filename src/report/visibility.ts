/**
 * Who may read a write-up, and which write-ups count (SPEC §7, §13): the one place these rules
 * are written. A draft counts in no figure and appears in internal builds only; an internal
 * write-up counts in every figure but is shown in internal builds only.
 */
export type Audience = 'public' | 'internal';

/** Whether a write-up counts in the figures: every one but drafts. */
export function isCounted(p: { status: string }): boolean {
  return p.status !== 'draft';
}

/** Whether an audience may read a write-up: internal builds show all; public ones the public, counted ones. */
export function isVisibleTo(p: { status: string; visibility: Audience }, audience: Audience): boolean {
  return audience === 'internal' || (p.visibility === 'public' && isCounted(p));
}
