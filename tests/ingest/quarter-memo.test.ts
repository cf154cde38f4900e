/**
 * The quarter memo (issue 10: only what changed is recomputed): an SLO-quarter is computed once
 * per set of inputs, in a process and across processes, and any input that can move a figure is
 * part of its key. The expected results are evaluateSloQuarter's own, so that the memo can only
 * ever hand back what computing would have given.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../src/domain/calendar.ts';
import { parseQuarterId } from '../../src/domain/quarter.ts';
import { evaluateSloQuarter, type SloQuarterInput } from '../../src/domain/slo-quarter.ts';
import { DEFAULT_POLICY } from '../../src/domain/slo.ts';
import { openQuarterMemo } from '../../src/ingest/quarter-memo.ts';

const HOUR = 3_600_000;
const utc: Calendar = { timezone: 'UTC', fiscalYearStartMonth: 1 };
const q3 = parseQuarterId('2026-Q3', utc);
if (!q3) throw new Error('2026-Q3');
const JUL_1 = Date.UTC(2026, 6, 1);
const OCT_1 = Date.UTC(2026, 9, 1);

/** 2026-Q3 complete: one hour with 10 failures in 1,000, every other hour clean. */
const input: SloQuarterInput = {
  slo: {
    id: 'checkout',
    name: 'Checkout succeeds',
    service: 'shop',
    owner: 'A',
    team: 'shop',
    objective: 0.999,
    budgeting: 'occurrences',
  },
  quarter: q3,
  cal: utc,
  buckets: Array.from({ length: 2208 }, (_, h) => ({
    startMs: JUL_1 + h * HOUR,
    good: h === 100 ? 990 : 1000,
    total: 1000,
  })),
  stepMs: HOUR,
  asOfMs: OCT_1,
  policy: DEFAULT_POLICY,
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quarter-memo-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** evaluateSloQuarter, counting its calls. */
function counted() {
  const calls = { n: 0 };
  const compute = (i: SloQuarterInput) => {
    calls.n++;
    return evaluateSloQuarter(i);
  };
  return { calls, compute };
}

describe('the quarter memo', () => {
  it('computes an SLO-quarter once and hands back the same figures, in this process and the next', () => {
    const { calls, compute } = counted();
    const memo = openQuarterMemo(dir);
    const first = memo.remember(input, 'rows-a', compute);
    const second = memo.remember(input, 'rows-a', compute);
    // 10 failures of 2,208,000 requests at 99.9%: 10 / 2,208 of the budget (hand-worked).
    expect(first.consumed).toBeCloseTo(10 / 2208, 12);
    expect(second).toStrictEqual(evaluateSloQuarter(input));
    expect(calls.n).toBe(1);
    expect(memo.counts).toEqual({ computed: 1, reused: 1 });

    const next = openQuarterMemo(dir);
    expect(next.remember(input, 'rows-a', compute)).toStrictEqual(first);
    expect(calls.n).toBe(1);
    expect(next.counts).toEqual({ computed: 0, reused: 1 });
  });

  it('recomputes when the rows, the exclusions, the incidents or how far as-of reaches change', () => {
    const { calls, compute } = counted();
    const memo = openQuarterMemo(dir);
    memo.remember(input, 'rows-b', compute);
    memo.remember(input, 'rows-c', compute);
    memo.remember({ ...input, exclusions: [{ startMs: JUL_1, endMs: JUL_1 + HOUR }] }, 'rows-b', compute);
    memo.remember(
      { ...input, budgetWindows: [{ id: 'pm', startMs: JUL_1 + 100 * HOUR, endMs: JUL_1 + 101 * HOUR }] },
      'rows-b',
      compute,
    );
    const inProgress = memo.remember({ ...input, asOfMs: JUL_1 + 1000 * HOUR }, 'rows-b', compute);
    expect(inProgress.state).toBe('in-progress');
    expect(calls.n).toBe(5);
    // An as-of past the quarter's end moves no figure of a complete quarter: the same result.
    memo.remember({ ...input, asOfMs: OCT_1 + 30 * 24 * HOUR }, 'rows-b', compute);
    expect(calls.n).toBe(5);
  });

  it('keeps rows named for this process only in memory', async () => {
    const own = await mkdtemp(join(tmpdir(), 'quarter-memo-own-'));
    const { calls, compute } = counted();
    openQuarterMemo(own).remember(input, 'process:1', compute);
    openQuarterMemo(own).remember(input, 'process:1', compute);
    expect(calls.n).toBe(2);
    expect(await readdir(own)).toEqual([]);
    await rm(own, { recursive: true, force: true });
  });
});
