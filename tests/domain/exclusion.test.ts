import { describe, expect, it } from 'vitest';
import { dropExcluded, isExcluded } from '../../src/domain/exclusion.ts';

// SPEC §6.6: rows whose timestamp falls inside [start, end) are left out.
const window = { startMs: 100, endMs: 200 };

describe('isExcluded', () => {
  it.each([
    ['the start is inside', 100, true],
    ['the last millisecond is inside', 199, true],
    ['the end is outside', 200, false],
    ['before the start is outside', 99, false],
  ])('%s', (_name, ms, expected) => {
    expect(isExcluded(ms, [window])).toBe(expected);
  });
});

describe('dropExcluded', () => {
  it('keeps rows outside every window', () => {
    const rows = [50, 150, 250].map((startMs) => ({ startMs, good: 1, total: 1 }));
    expect(dropExcluded(rows, [window]).map((r) => r.startMs)).toEqual([50, 250]);
  });
});
