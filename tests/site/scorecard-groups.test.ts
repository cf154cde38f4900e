/**
 * The grouped scorecard at many services (issue 15): services needing attention come first, worst
 * first, and only the first five of them open by default, so that the scorecard of the large
 * organisation's busiest quarter (33 SLOs over budget or at risk in 28 services) stays a list of
 * summaries instead of 28 open tables.
 */
import { describe, expect, it } from 'vitest';
import type { QuarterReport } from '../../src/report/quarter-report.ts';
import { OPEN_SERVICE_LIMIT } from '../../src/site/long-list.ts';
import { groupScorecard } from '../../src/site/scorecard-groups.ts';

/**
 * A complete quarter of eight services of one SLO each: svc-0 to svc-6 over budget, svc-0
 * with the least budget left (−0.7), svc-6 with the most (−0.1); svc-7 healthy. Only the fields
 * the grouping reads are set.
 */
function quarter(): QuarterReport {
  const slos = Array.from({ length: 8 }, (_, i) => ({
    id: `slo-${i}`,
    service: `svc-${i}`,
    status: i < 7 ? 'exhausted' : 'healthy',
    remaining: i < 7 ? -0.7 + i * 0.1 : 0.5,
    met: i >= 7,
    insufficientData: false,
    owner: `Owner ${i}`,
    team: `team-${i}`,
  }));
  const services = slos.map((s) => ({ id: s.service, owner: s.owner, team: s.team }));
  return { state: 'complete', slos, services } as unknown as QuarterReport;
}

describe('groupScorecard', () => {
  const groups = groupScorecard(quarter());

  it('orders the services needing attention worst first, then the rest', () => {
    expect(groups.map((g) => g.service)).toEqual([
      'svc-0',
      'svc-1',
      'svc-2',
      'svc-3',
      'svc-4',
      'svc-5',
      'svc-6',
      'svc-7',
    ]);
  });

  it('opens the five worst of the seven needing attention, and says all seven need it', () => {
    expect(OPEN_SERVICE_LIMIT).toBe(5);
    expect(groups.map((g) => g.open)).toEqual([true, true, true, true, true, false, false, false]);
    expect(groups.map((g) => g.attention)).toEqual([true, true, true, true, true, true, true, false]);
  });

  it('sums each service up in words: "1 SLO: 1 missed"', () => {
    expect(groups[0]?.summary).toBe('1 SLO: 1 missed');
    expect(groups[7]?.summary).toBe('1 SLO: 1 met');
  });
});
