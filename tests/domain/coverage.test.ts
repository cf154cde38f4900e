import { describe, expect, it } from 'vitest';
import { computeCoverage, countCoveredSteps, countSteps, isIncomplete } from '../../src/domain/coverage.ts';

const HOUR = 3_600_000;

describe('countSteps', () => {
  it.each([
    ['ten hours hold ten hourly steps', 0, 10 * HOUR, HOUR, 10],
    ['ten and a half hours hold eleven, the last partial', 0, 10.5 * HOUR, HOUR, 11],
    ['an empty period holds none', 5, 5, HOUR, 0],
  ])('%s', (_name, from, to, step, expected) => {
    expect(countSteps(from, to, step)).toBe(expected);
  });
});

describe('countCoveredSteps', () => {
  it('two rows in the same hour cover one step', () => {
    expect(countCoveredSteps([0, HOUR / 2, 2 * HOUR], 0, HOUR)).toBe(2);
  });
});

describe('coverage and the 90% line (SPEC §6.2)', () => {
  it.each([
    ['9 of 10 is exactly 90%: not incomplete', 9, 10, 0.9, false],
    ['8 of 10 is incomplete', 8, 10, 0.8, true],
    ['10 of 10 is full', 10, 10, 1, false],
    ['nothing expected yet is 0 and incomplete', 0, 0, 0, true],
  ])('%s', (_name, covered, expected, coverage, incomplete) => {
    expect(computeCoverage(covered, expected)).toBe(coverage);
    expect(isIncomplete(covered, expected)).toBe(incomplete);
  });
});
