/**
 * Deployment throughput (SPEC §8). The measures follow DORA's definitions
 * (https://dora.dev/guides/dora-metrics/): deployment frequency, change lead time ("the time it
 * takes for a code commit or change to be successfully deployed to production"), change fail
 * rate ("the ratio of deployments that require immediate intervention following a deployment"),
 * failed deployment recovery time ("the time it takes to recover from a deployment that fails
 * and requires immediate intervention") and deployment rework rate ("the ratio of deployments
 * that are unplanned but happen as a result of an incident in production").
 */
import { describe, expect, it } from 'vitest';
import {
  computeThroughput,
  deploymentBand,
  deploymentsPerWeek,
  type Deployment,
  type DeploymentIncident,
  type DeploymentKind,
  type DeploymentStatus,
} from '../../src/domain/throughput.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (text: string) => Date.parse(`2026-07-${text}:00Z`);

function dep(
  id: string,
  deployed: string,
  committed: string | null,
  status: DeploymentStatus = 'success',
  kind: DeploymentKind = 'change',
  service = 'checkout-api',
): Deployment {
  return {
    id,
    service,
    deployedMs: at(deployed),
    committedMs: committed === null ? null : at(committed),
    status,
    kind,
  };
}

describe('deployments per week and the DORA band', () => {
  it.each([
    // 46 / (92 / 7) = 46 · 7 / 92 = 3.5
    ['46 deployments in a 92-day quarter are 3.5 a week', deploymentsPerWeek(46, 92 * DAY), 3.5],
    // The quarter in progress ends at as-of: 10 / (14 / 7) = 5
    ['10 deployments in the first 14 days of a quarter are 5 a week', deploymentsPerWeek(10, 14 * DAY), 5],
    ['no deployments in a quarter are 0 a week', deploymentsPerWeek(0, 92 * DAY), 0],
    ['an empty period has no rate', deploymentsPerWeek(3, 0), null],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  // DORA buckets: on demand / at least daily, between daily and weekly, between weekly and
  // monthly, less than monthly. "Daily" is once per working day, 5 a week; a month is
  // 365.2425 / 12 = 30.436875 days, so once a month is 7 / 30.436875 = 0.22998 a week.
  it.each([
    ['12 a week (several a day) is daily', 12, 'daily'],
    ['5 a week, once per working day, is daily', 5, 'daily'],
    ['4.9 a week is weekly', 4.9, 'weekly'],
    ['1 a week is weekly', 1, 'weekly'],
    ['0.99 a week is monthly', 0.99, 'monthly'],
    ['once a month, 7 / 30.436875 a week, is monthly', 7 / 30.436875, 'monthly'],
    ['once a quarter, 1 / 13 ≈ 0.077 a week, is fewer', 1 / 13, 'fewer'],
    ['none is fewer', 0, 'fewer'],
  ] as const)('%s', (_name, perWeek, band) => {
    expect(deploymentBand(perWeek)).toBe(band);
  });
});

describe('the measures over a period', () => {
  // Two weeks, [1 Jul 00:00Z, 15 Jul 00:00Z), of checkout-api deployments, and one of search-api.
  const history: Deployment[] = [
    dep('a', '01T10:00', '01T08:00'), //                       lead 2 h
    dep('b', '02T10:00', '01T10:00', 'failed'), //             failed; recovered by c: 2 h = 120 min
    dep('c', '02T12:00', '02T11:00'), //                       lead 1 h
    dep('d', '03T09:00', '03T10:00'), //                       committed after deployed: no lead time
    dep('e', '05T10:00', '05T06:00'), //                       lead 4 h; named by a postmortem: 45 min
    dep('f', '08T14:00', '08T13:30', 'rolled-back'), //        rolled back; recovered by g: 20 min
    dep('g', '08T14:20', null, 'success', 'rollback'), //      rework; no commit time
    dep('h', '10T09:00', '09T21:00', 'success', 'hotfix'), //  rework; lead 12 h
    dep('i', '14T23:00', '14T20:00', 'failed'), //             failed; j is after the period: unrecovered
    dep('j', '15T01:00', '15T00:30'), //                       after the period
    dep('k', '02T11:00', '02T05:00', 'success', 'change', 'search-api'), // lead 6 h; not checkout's recovery
  ];
  const incidents: DeploymentIncident[] = [{ deployment: 'e', mitigatedMs: at('05T10:45') }];
  const period = { fromMs: at('01T00:00'), toMs: at('15T00:00'), incidents };

  it('every service together', () => {
    expect(computeThroughput({ history, ...period })).toEqual({
      // a–i and k; j is deployed after the period.
      count: 10,
      // b and i failed, f rolled back, e is named by a postmortem.
      failed: 4,
      // 10 / (14 / 7) = 5: once per working day.
      perWeek: 5,
      band: 'daily',
      // Successful deployments' lead times 2, 1, 4, 12, 6 h (d is ≤ 0, g has none; the failed b,
      // f and i delivered nothing): sorted 1, 2, 4, 6, 12 → 4 h.
      leadTimeMedianMs: 4 * HOUR,
      // 4 / 10
      changeFailRate: 0.4,
      // b 120 min (c, not search-api's k at 11:00), e 45 min, f 20 min → median 45 min.
      recoveryMedianMs: 45 * MIN,
      unrecovered: 1,
      // g (rollback) and h (hotfix): 2 / 10
      reworkRate: 0.2,
    });
  });

  it('one service: checkout-api alone', () => {
    const own = history.filter((d) => d.service === 'checkout-api');
    expect(computeThroughput({ history: own, ...period })).toMatchObject({
      count: 9,
      failed: 4,
      // 9 / 2 = 4.5: below once per working day.
      perWeek: 4.5,
      band: 'weekly',
      // 1, 2, 4, 12 h → (2 + 4) / 2 = 3 h
      leadTimeMedianMs: 3 * HOUR,
      // 4 / 9
      changeFailRate: 4 / 9,
      recoveryMedianMs: 45 * MIN,
      // 2 / 9
      reworkRate: 2 / 9,
    });
  });

  it.each([
    [
      'a deployment named by two postmortems counts once and recovers when the later incident ends',
      [dep('x', '01T10:00', '01T09:00')],
      [
        { deployment: 'x', mitigatedMs: at('01T10:30') },
        { deployment: 'x', mitigatedMs: at('01T11:00') },
      ],
      // 11:00 − 10:00
      { count: 1, failed: 1, changeFailRate: 1, recoveryMedianMs: 60 * MIN, unrecovered: 0 },
    ],
    [
      'a failed deployment that a postmortem also names counts once, recovered at mitigated',
      [dep('x', '01T10:00', '01T09:00', 'failed'), dep('y', '01T10:05', '01T09:00')],
      [{ deployment: 'x', mitigatedMs: at('01T10:30') }],
      // 1 failure of 2; 10:30 − 10:00 = 30 min, not y's 5 min.
      { count: 2, failed: 1, changeFailRate: 0.5, recoveryMedianMs: 30 * MIN, unrecovered: 0 },
    ],
    [
      'a successful deployment that caused an incident does not recover the failure before it',
      [
        dep('x', '01T10:00', '01T09:00', 'failed'),
        dep('y', '01T11:00', '01T09:00'),
        dep('z', '01T13:00', '01T09:00'),
      ],
      [{ deployment: 'y', mitigatedMs: at('01T12:00') }],
      // x recovers at z (3 h = 180 min), y at its mitigated (1 h = 60 min): median (60 + 180) / 2 = 120 min.
      { count: 3, failed: 2, recoveryMedianMs: 120 * MIN, unrecovered: 0 },
    ],
    [
      'a postmortem still without mitigated leaves its deployment to the next successful one',
      [dep('x', '01T10:00', '01T09:00'), dep('y', '01T10:40', '01T09:00')],
      [{ deployment: 'x', mitigatedMs: undefined }],
      { count: 2, failed: 1, recoveryMedianMs: 40 * MIN, unrecovered: 0 },
    ],
    [
      'a mitigated time before the deployment is no recovery time',
      [dep('x', '01T10:00', '01T09:00')],
      [{ deployment: 'x', mitigatedMs: at('01T09:30') }],
      { count: 1, failed: 1, recoveryMedianMs: null, unrecovered: 1 },
    ],
    [
      'no deployments: no rates, 0 a week',
      [],
      [],
      {
        count: 0,
        failed: 0,
        perWeek: 0,
        band: 'fewer',
        leadTimeMedianMs: null,
        changeFailRate: null,
        recoveryMedianMs: null,
        reworkRate: null,
      },
    ],
  ] as const)('%s', (_name, deployments, named, expected) => {
    expect(
      computeThroughput({
        history: deployments,
        fromMs: at('01T00:00'),
        toMs: at('15T00:00'),
        incidents: named,
      }),
    ).toMatchObject(expected);
  });
});
