/**
 * A review's lists at any size (issue 15: the review of 150 SLOs at most about 3× the height of
 * the demo's 7): a list longer than its limit shows its first items and folds the rest into a
 * closed disclosure, which prints open. The demo's lists are all below the limits.
 */

/** Rows of a review table shown before the rest fold away. */
export const REVIEW_LIST_LIMIT = 10;
/** Full-size burn-downs of troubled SLOs; the others join the grid of thumbnails. */
export const FULL_BURN_DOWN_LIMIT = 6;
/** Services of the grouped scorecard whose disclosure opens by default. */
export const OPEN_SERVICE_LIMIT = 5;

export interface FoldedList<T> {
  shown: T[];
  /** Empty when the list fits. */
  folded: T[];
}

/** The first `limit` items of `items`, in the order given, and the rest. */
export function foldList<T>(items: readonly T[], limit: number = REVIEW_LIST_LIMIT): FoldedList<T> {
  return items.length <= limit
    ? { shown: [...items], folded: [] }
    : { shown: items.slice(0, limit), folded: items.slice(limit) };
}
