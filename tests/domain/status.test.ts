import { describe, expect, it } from 'vitest';
import { allowedFraction } from '../../src/domain/error-budget.ts';
import { DEFAULT_POLICY } from '../../src/domain/slo.ts';
import { determineStatus, policyTextFor } from '../../src/domain/status.ts';

// Budget 4,000 × (1 − 0.999) = 4 events; consumed = bad / 4, remaining = 1 − bad / 4.
const use = (bad: number) => ({ spent: bad, base: 4000, allowed: allowedFraction(0.999) });

describe('determineStatus (SPEC §6.2)', () => {
  it.each([
    ['nothing spent is healthy', use(0), false, 'healthy'],
    ['R = 0.5 is healthy', use(2), false, 'healthy'],
    ['R == 0.25 is at-risk', use(3), false, 'at-risk'],
    ['R == 0 is exhausted', use(4), false, 'exhausted'],
    ['R < 0 is exhausted', use(5), false, 'exhausted'],
    ['a healthy budget that the projection runs out is at-risk', use(1), true, 'at-risk'],
    ['an exhausted budget stays exhausted whatever the projection', use(4), true, 'exhausted'],
    ['no data is insufficient-data', null, false, 'insufficient-data'],
  ] as const)('%s', (_name, u, projectionExhausts, expected) => {
    expect(determineStatus(u, DEFAULT_POLICY, projectionExhausts)).toBe(expected);
  });

  it('a policy with atRisk 0.5 puts R = 0.5 at risk', () => {
    expect(determineStatus(use(2), { ...DEFAULT_POLICY, atRisk: 0.5 }, false)).toBe('at-risk');
  });
});

describe('policyTextFor (SPEC §9.3)', () => {
  it.each([
    ['healthy', 'Within budget: ship as planned.'],
    [
      'at-risk',
      'Budget running low: prefer reliability work and delay risky launches until the end of the quarter.',
    ],
    [
      'exhausted',
      'Budget spent: feature launches pause, except security and critical fixes, until the SLO is met again. This is a prioritisation rule, not a punishment.',
    ],
    ['insufficient-data', null],
  ] as const)('%s says the §9.3 text', (status, text) => {
    expect(policyTextFor(status, DEFAULT_POLICY)).toBe(text);
  });
});
