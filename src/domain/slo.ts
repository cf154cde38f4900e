/**
 * SLO definitions as the domain sees them (SPEC §4), the error budget policy (§3, §9.3) and the
 * low-traffic threshold (§6.5).
 */
import { complement, decimalFromNumber } from './decimal.ts';

/** OpenSLO's budgetingMethod values, in the spec's kebab case (Occurrences, Timeslices, RatioTimeslices). */
export type BudgetingMethod = 'occurrences' | 'timeslices' | 'ratio-timeslices';

export interface TimesliceRule {
  /** Slice length `w` in ms (OpenSLO timeSliceWindow), e.g. 60_000. */
  windowMs: number;
  /**
   * A slice is good when good/total ≥ target (OpenSLO timeSliceTarget), e.g. 0.95. Required for
   * timeslices; RatioTimeslices has no target in OpenSLO and, without one, counts a slice as good
   * when its own ratio meets the objective (the good/bad slice counts are then only informative).
   */
  target?: number;
}

/** How an SLO's events are called, e.g. { singular: 'minute', plural: 'minutes' } for downtime minutes. */
export interface EventUnit {
  singular: string;
  plural: string;
}

/** What an SLI counts unless its catalog entry says otherwise. */
export const DEFAULT_UNIT: EventUnit = { singular: 'request', plural: 'requests' };

export interface SloDefinition {
  id: string;
  name: string;
  service: string;
  /** The accountable person, usually the product manager. */
  owner: string;
  team: string;
  /** Fraction in (0, 1), e.g. 0.999. */
  objective: number;
  budgeting: BudgetingMethod;
  /** Required for the two timeslice methods. */
  timeslice?: TimesliceRule;
  /** Overrides the settings' minEvents and the 1/(1 − objective) default. */
  minEvents?: number;
  /** What one event is, in every sentence, card, table and chart label; DEFAULT_UNIT when absent. */
  unit?: EventUnit;
  /**
   * The day the SLO starts, `YYYY-MM-DD` in the site's zone (its own `since`, else its service's):
   * before it the SLO is not part of a quarter. Without it, it starts with the quarter of its first row.
   */
  since?: string;
}

export interface Policy {
  /** Remaining budget at or below this fraction is at risk. */
  atRisk: number;
  texts: { healthy: string; atRisk: string; exhausted: string };
}

/** SPEC §3 and §9.3, verbatim. */
export const DEFAULT_POLICY: Policy = {
  atRisk: 0.25,
  texts: {
    healthy: 'Within budget: ship as planned.',
    atRisk:
      'Budget running low: prefer reliability work and delay risky launches until the end of the quarter.',
    exhausted:
      'Budget spent: feature launches pause, except security and critical fixes, until the SLO is met again. This is a prioritisation rule, not a punishment.',
  },
};

/**
 * The default low-traffic threshold: the traffic at which the error budget is one event, 1/(1 − O)
 * (SPEC §3). Event counts are whole, so "fewer than 1/(1 − O)" is the same as fewer than its
 * ceiling. The division is done on the decimal the objective was written as, because in doubles
 * 1 / (1 − O) lands an ulp either side of the whole number (1 / (1 − 0.999) is 999.9999999999991)
 * and a ceiling of float noise would be off by one.
 */
export function defaultMinEvents(objective: number): number {
  const allowed = complement(decimalFromNumber(objective));
  if (allowed.numerator <= 0n) throw new RangeError(`objective must be below 1, got ${objective}`);
  return Number((allowed.denominator + allowed.numerator - 1n) / allowed.numerator);
}

/** The threshold that applies: the SLO's own, else the settings', else 1/(1 − O). */
export function resolveMinEvents(slo: SloDefinition, settingsMinEvents?: number): number {
  return slo.minEvents ?? settingsMinEvents ?? defaultMinEvents(slo.objective);
}

/** What names an SLO wherever a figure of it appears: the catalog's words, without its rules. */
export type SloIdentity = Pick<
  SloDefinition,
  'id' | 'name' | 'service' | 'owner' | 'team' | 'objective' | 'budgeting'
>;

export function sloIdentity(slo: SloIdentity): SloIdentity {
  const { id, name, service, owner, team, objective, budgeting } = slo;
  return { id, name, service, owner, team, objective, budgeting };
}
