import { describe, expect, it } from 'vitest';
import { defaultMinEvents, resolveMinEvents, type SloDefinition } from '../../src/domain/slo.ts';

describe('defaultMinEvents (SPEC §3: 1 / (1 − objective), the traffic at which the budget is one event)', () => {
  it.each([
    ['99.9% needs 1,000 events (the spec example)', 0.999, 1000],
    ['99% needs 100', 0.99, 100],
    ['99.95% needs 2,000', 0.9995, 2000],
    ['99.99% needs 10,000', 0.9999, 10_000],
    // 1 / 0.03 = 33.33…; 33 events allow 0.99 of a failure, 34 allow 1.02: the first whole count is 34.
    ['97% needs 34 (the ceiling of 33.3)', 0.97, 34],
    ['an objective read as 99.9 / 100 still needs 1,000', 99.9 / 100, 1000],
  ])('%s', (_name, objective, expected) => {
    expect(defaultMinEvents(objective)).toBe(expected);
  });
});

describe('resolveMinEvents', () => {
  const slo: SloDefinition = {
    id: 'checkout-availability',
    name: 'Checkout',
    service: 'checkout-api',
    owner: 'Dana Ruiz',
    team: 'payments',
    objective: 0.999,
    budgeting: 'occurrences',
  };
  it.each([
    ['the SLO override wins', { ...slo, minEvents: 500 }, 2000, 500],
    ['the settings value comes next', slo, 2000, 2000],
    ['the objective gives the default', slo, undefined, 1000],
  ])('%s', (_name, s, settings, expected) => {
    expect(resolveMinEvents(s, settings)).toBe(expected);
  });
});
