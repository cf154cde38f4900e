import { describe, expect, it } from 'vitest';
import {
  impactTimeMs,
  meanTimeBetweenFailuresMs,
  median,
  percentile,
  timeToDetectMs,
  timeToResolveMs,
  timeToRestoreMs,
} from '../../src/domain/incident.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('incident times (SPEC §6.3)', () => {
  // The example of SPEC §7: started 09:12, detected 09:19, mitigated 10:02, resolved 11:30.
  const incident = {
    startedMs: Date.UTC(2026, 7, 14, 9, 12),
    detectedMs: Date.UTC(2026, 7, 14, 9, 19),
    mitigatedMs: Date.UTC(2026, 7, 14, 10, 2),
    resolvedMs: Date.UTC(2026, 7, 14, 11, 30),
  };
  it.each([
    ['time to detect of the SPEC §7 example is 7 min', timeToDetectMs(incident), 7 * MIN],
    ['time to restore of the SPEC §7 example is 50 min', timeToRestoreMs(incident), 50 * MIN],
    ['time to resolve of the SPEC §7 example is 2 h 18 min', timeToResolveMs(incident), 138 * MIN],
    ['no detected time gives no time to detect', timeToDetectMs({ startedMs: 0 }), null],
    ['a draft without mitigated has no time to restore', timeToRestoreMs({ startedMs: 0 }), null],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('median and 90th percentile', () => {
  it.each([
    ['the median of 10, 30, 20 is 20', median([10, 30, 20]), 20],
    [
      'the median of an even count is the mean of the middle two: 10, 20, 30, 40 → 25',
      median([40, 10, 30, 20]),
      25,
    ],
    ['no values have no median', median([]), null],
    // Nearest rank: ceil(0.9 · 10) = 9th of 1..10 is 9.
    ['p90 of 1..10 is the 9th value, 9', percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9],
    // ceil(0.9 · 3) = 3rd of 5, 50, 500 is 500.
    ['p90 of three incidents is the longest', percentile([50, 5, 500], 90), 500],
    ['p90 of one incident is that incident', percentile([42], 90), 42],
    ['no values have no p90', percentile([], 90), null],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('impact time and MTBF (SPEC §6.4)', () => {
  it('counts overlapping incidents once: 1–3 h and 2–4 h is 3 h of impact', () => {
    expect(
      impactTimeMs(
        [
          { startMs: 1 * HOUR, endMs: 3 * HOUR },
          { startMs: 2 * HOUR, endMs: 4 * HOUR },
        ],
        0,
        24 * HOUR,
      ),
    ).toBe(3 * HOUR);
  });

  it('clips impact to the period: an incident 22:00–02:00 has 2 h inside a period starting at midnight', () => {
    expect(impactTimeMs([{ startMs: -2 * HOUR, endMs: 2 * HOUR }], 0, 24 * HOUR)).toBe(2 * HOUR);
  });

  it('a 92-day quarter with two incidents of 2 h and 4 h has an MTBF of (2208 h − 6 h) / 2 = 1101 h', () => {
    expect(meanTimeBetweenFailuresMs(92 * 24 * HOUR, 6 * HOUR, 2)).toBe(1101 * HOUR);
  });

  it('no incidents give no MTBF', () => {
    expect(meanTimeBetweenFailuresMs(92 * 24 * HOUR, 0, 0)).toBeNull();
  });
});
