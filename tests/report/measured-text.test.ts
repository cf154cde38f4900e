/** The words of what a threshold SLI measured (issue 12 item 15), from hand-worked figures of tests/domain/measured-value.test.ts. */
import { describe, expect, it } from 'vitest';
import { measuredText, measureName } from '../../src/report/measured-text.ts';

const HOUR = 3_600_000;

describe('measuredText', () => {
  it('names the measure, its unit and the step from the column and the SLI step', () => {
    // The fixture's four hours: median 305 (the worse middle), worst 480.5 → 481, two over 300.
    const m = {
      column: 'p99_ms',
      condition: 'p99_ms ≤ 300',
      op: '≤',
      threshold: 300,
      worstIs: 'highest',
      stepMs: HOUR,
      steps: 4,
      breached: 2,
      median: 305,
      worst: 480.5,
    } as const;
    expect(measuredText(m)).toBe(
      'p99 per hour: median 305 ms, worst 481 ms; 2 of 4 hours missed p99 ≤ 300 ms',
    );
    expect(
      measuredText({
        ...m,
        column: 'apdex',
        op: '≥',
        worstIs: 'lowest',
        stepMs: 5 * 60_000,
        steps: 1,
        breached: 0,
        median: 0.944,
        worst: 0.944,
        threshold: 0.9,
      }),
    ).toBe('apdex per 5 min step: median 0.94, worst 0.94; 0 of 1 5 min step missed apdex ≥ 0.9');
  });
});

describe('measureName', () => {
  it.each([
    ['p99_ms', 'p99', 'ms'],
    ['latency_seconds', 'latency', 's'],
    ['apdex', 'apdex', ''],
    ['error_budget', 'error_budget', ''],
  ])('%s is %s in %s', (column, name, unit) => {
    expect(measureName(column)).toEqual({ name, unit });
  });
});
