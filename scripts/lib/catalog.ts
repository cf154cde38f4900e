// The demo organisation's services and SLOs, and the traffic model behind each SLI.
// Everything here is plain data; scripts/generate-demo.ts turns it into files.

export type CountModel = {
  kind: 'counts';
  /** mean requests per hour at the daily peak, at the start of the data */
  peak: number;
  /** share of the peak at the quietest hour */
  trough: number;
  /** UTC hour of the daily peak */
  peakHour: number;
  /** multiplier on Saturday and Sunday */
  weekend: number;
  /** relative traffic growth per year */
  growth: number;
  /** background error fraction, comfortably inside the objective */
  errorRate: number;
  /** per-quarter multiplier on the background error rate, 2025-Q3 … 2026-Q4 */
  quarterFactor: number[];
};

export type LowTrafficModel = {
  kind: 'low-traffic';
  /** mean requests per weekday at the start and at the end of the data */
  perDayStart: number;
  perDayEnd: number;
  errorRate: number;
};

export type LatencyModel = {
  kind: 'latency';
  /** p99 in ms at the quietest and the busiest hour */
  base: number;
  busy: number;
  /** chance per hour of a short unexplained spike over the threshold */
  spikeChance: number;
};

export type SliRef =
  | { source: string; series: string; good: string; total: string }
  | { source: string; value: string; threshold: { op: 'lte'; value: number } };

export type SloDef = {
  id: string;
  name: string;
  objective: string;
  budgeting: 'occurrences' | 'timeslices' | 'ratio-timeslices';
  timeslice?: { window: string; target?: number };
  minEvents?: number;
  sli: SliRef;
  model: CountModel | LowTrafficModel | LatencyModel;
  /** why this SLO is in the demo */
  note: string;
};

export type ServiceDef = {
  service: string;
  owner: string;
  team: string;
  slos: SloDef[];
};

export const SERVICES: ServiceDef[] = [
  {
    service: 'checkout-api',
    owner: 'Dana Ruiz',
    team: 'payments',
    slos: [
      {
        id: 'checkout-availability',
        name: 'Checkout requests succeed',
        objective: '99.9%',
        budgeting: 'occurrences',
        sli: { source: 'sli/checkout.csv', series: 'checkout', good: 'good', total: 'total' },
        model: {
          kind: 'counts',
          peak: 78000,
          trough: 0.22,
          peakHour: 19,
          weekend: 1.15,
          growth: 0.2,
          errorRate: 0.00024,
          quarterFactor: [1.0, 1.1, 0.9, 0.95, 1.05, 0.85],
        },
        note: 'exhausts its budget in 2026-Q3 (SEV1 incident) and has an exclusion window',
      },
    ],
  },
  {
    service: 'search-api',
    owner: 'Priya Natarajan',
    team: 'discovery',
    slos: [
      {
        id: 'search-availability',
        name: 'Search queries return results',
        objective: '99.9%',
        budgeting: 'occurrences',
        sli: { source: 'sli/search.csv', series: 'search', good: 'good', total: 'total' },
        model: {
          kind: 'counts',
          peak: 62000,
          trough: 0.3,
          peakHour: 17,
          weekend: 0.9,
          growth: 0.3,
          errorRate: 0.0003,
          quarterFactor: [1.0, 0.9, 1.1, 1.0, 0.9, 1.0],
        },
        note: 'incident spanning the 2026-Q2/Q3 boundary; service-wide exclusion',
      },
      {
        id: 'search-latency',
        name: 'Search p99 latency under 300 ms',
        objective: '99%',
        budgeting: 'timeslices',
        timeslice: { window: '1h', target: 0.95 },
        sli: { source: 'sli/search-latency.csv', value: 'p99_ms', threshold: { op: 'lte', value: 300 } },
        model: { kind: 'latency', base: 150, busy: 235, spikeChance: 0.0015 },
        note: 'latency threshold SLI: an hour is good when p99 ≤ 300 ms',
      },
    ],
  },
  {
    service: 'identity-service',
    owner: 'Marcus Webb',
    team: 'identity',
    slos: [
      {
        id: 'login-availability',
        name: 'Sign-ins succeed',
        objective: '99.95%',
        budgeting: 'occurrences',
        sli: { source: 'sli/identity.csv', series: 'login', good: 'good', total: 'total' },
        model: {
          kind: 'counts',
          peak: 30000,
          trough: 0.2,
          peakHour: 8,
          weekend: 0.7,
          growth: 0.15,
          errorRate: 0.0001,
          quarterFactor: [1.0, 1.0, 0.9, 1.0, 1.1, 1.2],
        },
        note: 'at risk in the quarter in progress (2026-Q4)',
      },
      {
        id: 'token-issuance',
        name: 'Service tokens are issued',
        objective: '99.5%',
        budgeting: 'timeslices',
        timeslice: { window: '1h', target: 0.99 },
        sli: { source: 'sli/identity.csv', series: 'token', good: 'good', total: 'total' },
        model: {
          kind: 'counts',
          peak: 64000,
          trough: 0.7,
          peakHour: 14,
          weekend: 0.85,
          growth: 0.25,
          errorRate: 0.0005,
          quarterFactor: [1, 1, 1, 1, 1, 1],
        },
        note: 'timeslices: an hour is good when at least 99% of token requests succeed; shares identity.csv',
      },
    ],
  },
  {
    service: 'notifications',
    owner: 'Hannah Cole',
    team: 'messaging',
    slos: [
      {
        id: 'email-delivery',
        name: 'Transactional email delivered within 5 minutes',
        objective: '99%',
        budgeting: 'ratio-timeslices',
        timeslice: { window: '1h' },
        sli: { source: 'sli/notifications.csv', series: 'email', good: 'good', total: 'total' },
        model: {
          kind: 'counts',
          peak: 14000,
          trough: 0.15,
          peakHour: 12,
          weekend: 0.6,
          growth: 0.35,
          errorRate: 0.002,
          quarterFactor: [1.0, 1.2, 0.9, 1.0, 1.0, 0.9],
        },
        note: 'ratio-timeslices; collector gaps make its coverage < 100% in 2026-Q2 and 2026-Q3',
      },
    ],
  },
  {
    service: 'export-api',
    owner: 'Rui Matsumoto',
    team: 'data-platform',
    slos: [
      {
        id: 'export-availability',
        name: 'Account data exports complete',
        objective: '99%',
        budgeting: 'occurrences',
        minEvents: 20000,
        sli: { source: 'sli/export.csv', series: 'export', good: 'good', total: 'total' },
        model: { kind: 'low-traffic', perDayStart: 170, perDayEnd: 375, errorRate: 0.003 },
        note: 'low traffic: ~150–400 requests a day, so some quarters fall below minEvents 20000',
      },
    ],
  },
];

/** Missing hours in one series (a metrics collector outage), [start, start + hours). */
export const GAPS: { slo: string; start: string; hours: number }[] = [
  { slo: 'email-delivery', start: '2026-05-03T02:00:00Z', hours: 9 },
  { slo: 'email-delivery', start: '2026-06-14T20:00:00Z', hours: 3 },
  { slo: 'email-delivery', start: '2026-08-27T04:00:00Z', hours: 2 },
];

export type Exclusion = {
  slos?: string[];
  services?: string[];
  start: string;
  end: string;
  reason: string;
  approvedBy: string;
  /** what the SLI looked like during the window (per hour): error fraction or p99 */
  effects: { slo: string; rates?: number[]; latency?: number[] }[];
};

export const EXCLUSIONS: Exclusion[] = [
  {
    services: ['search-api'],
    start: '2025-11-09T01:00:00Z',
    end: '2025-11-09T05:00:00Z',
    reason:
      'Planned search cluster major-version upgrade in the Sunday maintenance window, announced a week ahead',
    approvedBy: 'Priya Natarajan',
    effects: [
      { slo: 'search-availability', rates: [0.08, 0.2, 0.18, 0.04] },
      { slo: 'search-latency', latency: [720, 910, 840, 480] },
    ],
  },
  {
    slos: ['checkout-availability'],
    start: '2026-08-01T00:00:00Z',
    end: '2026-08-01T04:00:00Z',
    reason:
      'Planned database migration to the new primary cluster, announced two weeks ahead on the status page',
    approvedBy: 'Dana Ruiz',
    effects: [{ slo: 'checkout-availability', rates: [0.2, 0.3, 0.3, 0.15] }],
  },
];
