/**
 * The model of `/method/`, "How these figures are computed": generated from the settings and the
 * catalog, so the page states the rules this site's figures actually follow (SPEC §6, §9.3, §10).
 */
import type { BudgetingMethod } from '../domain/slo.ts';

/** The paragraphs a figure's footnote can link to. */
export type MethodTopic =
  | 'attainment'
  | 'budget'
  | 'policy'
  | 'as-of'
  | 'coverage'
  | 'insufficient-data'
  | 'exclusions'
  | 'incidents'
  | 'closed-quarters'
  | 'revisions';

/** The fragment of `/method/` that explains a budgeting method or a topic: `method-occurrences`. */
export function methodAnchor(topic: BudgetingMethod | MethodTopic): string {
  return `method-${topic}`;
}
