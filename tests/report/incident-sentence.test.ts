import { describe, expect, it } from 'vitest';
import { describeIncident } from '../../src/report/incident-sentence.ts';

const LONDON = { timezone: 'Europe/London', fiscalYearStartMonth: 1 };
const UTC = { timezone: 'UTC', fiscalYearStartMonth: 1 };

describe('the sentence that opens an incident write-up (SPEC §9.1)', () => {
  it('names the day, the local times with the zone, the duration and the budget used', () => {
    // 13:00Z–17:00Z on 19 Aug 2026 is 14:00–18:00 BST (UTC+1), 4 h.
    const s = describeIncident(
      { startedMs: Date.UTC(2026, 7, 19, 13), mitigatedMs: Date.UTC(2026, 7, 19, 17) },
      [
        {
          quarter: '2026-Q3',
          quarterLabel: 'July–September 2026',
          sloId: 'checkout-availability',
          // 84.8% used, rounded up to 85% (SPEC §9.2: spent never flatters).
          consumed: 0.848,
        },
      ],
      LONDON,
    );
    expect(s).toBe(
      "On 19 Aug 2026, from 14:00 to 18:00 BST (4 h), this incident used 85% of checkout-availability's July–September 2026 error budget.",
    );
  });

  it('spells out both dates and both quarters for an incident across a quarter boundary', () => {
    // The SPEC §9.1 example style, on an incident from 30 Jun 22:00Z to 1 Jul 02:00Z in UTC.
    const s = describeIncident(
      { startedMs: Date.UTC(2026, 5, 30, 22), mitigatedMs: Date.UTC(2026, 6, 1, 2) },
      [
        {
          quarter: '2026-Q2',
          quarterLabel: 'April–June 2026',
          sloId: 'search-availability',
          consumed: 0.101,
        },
        {
          quarter: '2026-Q3',
          quarterLabel: 'July–September 2026',
          sloId: 'search-availability',
          consumed: 0.272,
        },
      ],
      UTC,
    );
    expect(s).toBe(
      "From 30 Jun 2026 22:00 UTC to 1 Jul 2026 02:00 UTC (4 h), this incident used 11% of search-availability's April–June 2026 error budget and 28% of search-availability's July–September 2026 error budget.",
    );
  });

  it('says when impact has not ended yet', () => {
    expect(describeIncident({ startedMs: Date.UTC(2026, 10, 12, 10), mitigatedMs: undefined }, [], UTC)).toBe(
      'Impact began on 12 Nov 2026 at 10:00 UTC and has not been recorded as mitigated yet.',
    );
  });
});
