/**
 * SLO status and the error budget policy that goes with it (SPEC §6.2, §9.3).
 */
import type { BudgetUse } from './error-budget.ts';
import { isAtOrBelowRemaining, isExhausted } from './error-budget.ts';
import type { Policy } from './slo.ts';

export type SloStatus = 'healthy' | 'at-risk' | 'exhausted' | 'insufficient-data';

/**
 * exhausted when R ≤ 0; at-risk when R ≤ policy.atRisk or the projection runs the budget out by
 * the end of the quarter; otherwise healthy. No budget use (not enough data, §6.5) is
 * insufficient-data. The thresholds are inclusive and decided exactly: R = 0.25 is at risk.
 */
export function determineStatus(
  use: BudgetUse | null,
  policy: Policy,
  projectionExhausts: boolean,
): SloStatus {
  if (use === null) return 'insufficient-data';
  if (isExhausted(use)) return 'exhausted';
  if (isAtOrBelowRemaining(use, policy.atRisk) || projectionExhausts) return 'at-risk';
  return 'healthy';
}

/** What the policy says for `status`; nothing for insufficient data, where no budget is known. */
export function policyTextFor(status: SloStatus, policy: Policy): string | null {
  switch (status) {
    case 'healthy':
      return policy.texts.healthy;
    case 'at-risk':
      return policy.texts.atRisk;
    case 'exhausted':
      return policy.texts.exhausted;
    case 'insufficient-data':
      return null;
  }
}
