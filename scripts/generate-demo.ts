// Generates the demo organisation that ships with Reliability Ledger (SPEC §2), so that
// `npm run build` on a fresh clone produces a complete site. Run: `npm run demo`.
//
// Deterministic: a seeded PRNG (mulberry32, SEED below, one independent stream per series) and a
// fixed data end instant; no Math.random and no wall clock. Running it twice gives byte-identical
// files. It deletes and rewrites only what it owns:
//   data/ledger.yaml            settings (§3): Europe/London, so quarter boundaries are not UTC
//                               midnight and the October DST change falls inside a quarter
//   data/slos/*.yaml            5 services, 7 SLOs in the native format (§4):
//     checkout-availability     occurrences 99.9%   — EXHAUSTS its budget in 2026-Q3 (SEV1 incident);
//                                                     has a planned-maintenance exclusion
//     search-availability       occurrences 99.9%   — incident spanning the 2026-Q2/Q3 boundary;
//                                                     service-wide exclusion in 2025-Q4
//     search-latency            timeslices 99% of 1 h slices, threshold SLI p99_ms ≤ 300 (latency SLO)
//     login-availability        occurrences 99.95%  — AT RISK in the quarter in progress (2026-Q4)
//     token-issuance            timeslices 99.5%, slice good when ≥ 99% succeed (count timeslices)
//     email-delivery            ratio-timeslices 99% — data gaps, so coverage < 100% in 2026-Q2/Q3
//     export-availability       occurrences 99%, ~150–400 requests a day, minEvents 20000: a
//                                                     low-traffic SLO with "insufficient data" quarters
//   data/sli/*.csv              hourly SLI exports, long layout `timestamp,series,good,total`
//                               (identity.csv holds two series) and `timestamp,p99_ms` for latency;
//                               2025-06-30T23:00Z (start of 2025-Q3 in London) up to the fixed end
//                               2026-11-16T00:00Z, so as-of is 16 Nov 2026 and 2026-Q4 is in progress
//   data/deployments/deployments.csv   a few deployments per working day per service (§8), with
//                               failures, rollbacks and hotfixes; two are named by postmortems
//   data/exclusions.yaml        two planned-maintenance windows (§6.6), one by SLO, one by service;
//                               the SLI data really is bad inside them, so excluding them matters
//   content/postmortems/*.md    14 postmortems (§7) whose [started, mitigated) windows match the
//                               elevated error rates in the SLI data hour for hour: one SEV1 with a
//                               P0 action item, one internal (with an "INTERNAL-ONLY" phrase that a
//                               public build must never show), one draft without a mitigation
//                               time, one in review, one crossing a quarter boundary, timestamps in
//                               Z and +01:00, overdue and open action items, deployment references
//   content/reviews/2026-q3.mdx the narrative of the quarter that exhausted a budget
// data/snapshots (closed and amended quarters) is written by `npm run close`, never by this script.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRng, sampleCount } from './lib/prng.ts';
import type { Rng } from './lib/prng.ts';
import { EXCLUSIONS, GAPS, SERVICES } from './lib/catalog.ts';
import type { CountModel, LatencyModel, LowTrafficModel, SloDef } from './lib/catalog.ts';
import { INCIDENTS } from './lib/incidents.ts';
import type { Incident } from './lib/incidents.ts';

const SEED = 20260816;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** first row: the start of 2025-Q3 in Europe/London (BST, UTC+1) */
const START = Date.parse('2025-06-30T23:00:00Z');
/** exclusive end of the data: the as-of instant of the demo */
const END = Date.parse('2026-11-16T00:00:00Z');
const HOURS = (END - START) / HOUR;

/** Quarters in Europe/London as UTC instants (BST ends on the last Sunday of October). */
const QUARTERS: { id: string; start: number; end: number }[] = [
  { id: '2025-Q3', start: Date.parse('2025-06-30T23:00:00Z'), end: Date.parse('2025-09-30T23:00:00Z') },
  { id: '2025-Q4', start: Date.parse('2025-09-30T23:00:00Z'), end: Date.parse('2026-01-01T00:00:00Z') },
  { id: '2026-Q1', start: Date.parse('2026-01-01T00:00:00Z'), end: Date.parse('2026-03-31T23:00:00Z') },
  { id: '2026-Q2', start: Date.parse('2026-03-31T23:00:00Z'), end: Date.parse('2026-06-30T23:00:00Z') },
  { id: '2026-Q3', start: Date.parse('2026-06-30T23:00:00Z'), end: Date.parse('2026-09-30T23:00:00Z') },
  { id: '2026-Q4', start: Date.parse('2026-09-30T23:00:00Z'), end: Date.parse('2027-01-01T00:00:00Z') },
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'data');
const CONTENT = join(ROOT, 'content');

// ---------------------------------------------------------------------------------------------
// helpers

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function quarterIndex(ms: number): number {
  const i = QUARTERS.findIndex((q) => ms >= q.start && ms < q.end);
  if (i < 0) throw new Error(`no quarter for ${iso(ms)}`);
  return i;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function allSlos(): { service: string; slo: SloDef }[] {
  return SERVICES.flatMap((s) => s.slos.map((slo) => ({ service: s.service, slo })));
}

function sloById(id: string): SloDef {
  const found = allSlos().find((x) => x.slo.id === id);
  if (!found) throw new Error(`unknown SLO ${id}`);
  return found.slo;
}

/** 0 at the quietest hour, 1 at the busiest */
function dayShape(hourUtc: number, peakHour: number): number {
  return 0.5 + 0.5 * Math.cos((2 * Math.PI * (hourUtc - peakHour)) / 24);
}

function isWeekend(ms: number): boolean {
  const d = new Date(ms).getUTCDay();
  return d === 0 || d === 6;
}

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "about 118,000": two significant figures for counts in prose */
function approx(n: number): string {
  if (n < 100) return String(n);
  const mag = 10 ** (Math.floor(Math.log10(n)) - 1);
  return `about ${withCommas(Math.round(n / mag) * mag)}`;
}

// ---------------------------------------------------------------------------------------------
// SLI series: per SLO, per hour, either counts or a latency value; -1 marks a missing hour

type CountSeries = { kind: 'counts'; good: Int32Array; total: Int32Array };
type ValueSeries = { kind: 'value'; value: Int32Array };
type Series = CountSeries | ValueSeries;

/** per SLO, per hour index: an override error fraction or latency, from incidents and exclusions */
const overrides = new Map<string, Map<number, number>>();

function addOverride(slo: string, startMs: number, values: number[]): void {
  if ((startMs - START) % HOUR !== 0)
    throw new Error(`effect for ${slo} does not start on the hour: ${iso(startMs)}`);
  sloById(slo);
  let m = overrides.get(slo);
  if (!m) {
    m = new Map();
    overrides.set(slo, m);
  }
  values.forEach((v, i) => {
    const h = (startMs - START) / HOUR + i;
    if (m.has(h)) throw new Error(`overlapping effects on ${slo} at ${iso(START + h * HOUR)}`);
    m.set(h, v);
  });
}

for (const inc of INCIDENTS) {
  const started = Date.parse(inc.started);
  for (const e of inc.effects) {
    const values = e.rates ?? e.latency ?? [];
    if (inc.mitigated !== undefined) {
      const hours = (Date.parse(inc.mitigated) - started) / HOUR;
      if (hours !== values.length)
        throw new Error(`${inc.file}: ${values.length} effect hours for a ${hours} h window`);
    }
    addOverride(e.slo, started, values);
  }
}
for (const ex of EXCLUSIONS) {
  for (const e of ex.effects) {
    const values = e.rates ?? e.latency ?? [];
    if ((Date.parse(ex.end) - Date.parse(ex.start)) / HOUR !== values.length)
      throw new Error(`exclusion ${ex.start}: length`);
    addOverride(e.slo, Date.parse(ex.start), values);
  }
}

const missing = new Map<string, Set<number>>();
for (const g of GAPS) {
  const s = missing.get(g.slo) ?? new Set<number>();
  const h0 = (Date.parse(g.start) - START) / HOUR;
  for (let i = 0; i < g.hours; i++) s.add(h0 + i);
  missing.set(g.slo, s);
}

function holidayFactor(sloId: string, ms: number): number {
  if (sloId !== 'checkout-availability') return 1;
  const d = new Date(ms);
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  // the shopping peak: late November to Christmas Eve
  if ((m === 10 && day >= 20) || (m === 11 && day <= 24)) return 1.35;
  return 1;
}

function genCounts(slo: SloDef, model: CountModel, rng: Rng): CountSeries {
  const good = new Int32Array(HOURS);
  const total = new Int32Array(HOURS);
  const ov = overrides.get(slo.id);
  const gaps = missing.get(slo.id);
  for (let h = 0; h < HOURS; h++) {
    const t = START + h * HOUR;
    const years = (t - START) / (365 * DAY);
    const shape = model.trough + (1 - model.trough) * dayShape(new Date(t).getUTCHours(), model.peakHour);
    const mean =
      model.peak *
      shape *
      (isWeekend(t) ? model.weekend : 1) *
      (1 + model.growth * years) *
      holidayFactor(slo.id, t) *
      Math.exp(0.05 * rng.gauss());
    const n = sampleCount(rng, mean);
    const q = model.quarterFactor[quarterIndex(t)] ?? 1;
    const background = model.errorRate * q * Math.exp(0.35 * rng.gauss());
    const rate = ov?.get(h) ?? background;
    const bad = Math.min(n, sampleCount(rng, n * rate));
    if (gaps?.has(h)) {
      good[h] = -1;
      total[h] = -1;
    } else {
      good[h] = n - bad;
      total[h] = n;
    }
  }
  return { kind: 'counts', good, total };
}

function genLowTraffic(slo: SloDef, model: LowTrafficModel, rng: Rng): CountSeries {
  const good = new Int32Array(HOURS);
  const total = new Int32Array(HOURS);
  const ov = overrides.get(slo.id);
  // share of a day's requests in each UTC hour: mostly office hours
  const weights = Array.from({ length: 24 }, (_, h) => (h >= 7 && h < 18 ? 6 : 1));
  const wsum = weights.reduce((a, b) => a + b, 0);
  for (let h = 0; h < HOURS; h++) {
    const t = START + h * HOUR;
    const frac = (t - START) / (END - START);
    const perDay = model.perDayStart + (model.perDayEnd - model.perDayStart) * frac;
    const w = weights[new Date(t).getUTCHours()] ?? 1;
    const mean = (perDay * (isWeekend(t) ? 0.25 : 1) * w) / wsum;
    const n = sampleCount(rng, mean);
    const rate = ov?.get(h) ?? model.errorRate;
    let bad = 0;
    for (let i = 0; i < n; i++) if (rng.chance(rate)) bad++;
    good[h] = n - bad;
    total[h] = n;
  }
  return { kind: 'counts', good, total };
}

function genLatency(slo: SloDef, model: LatencyModel, rng: Rng): ValueSeries {
  const value = new Int32Array(HOURS);
  const ov = overrides.get(slo.id);
  for (let h = 0; h < HOURS; h++) {
    const t = START + h * HOUR;
    const shape = dayShape(new Date(t).getUTCHours(), 17);
    // normal hours stay under the threshold; a rare spike (a GC pause, a noisy neighbour) does not
    let v = Math.min(295, model.base + (model.busy - model.base) * shape + 12 * rng.gauss());
    if (rng.chance(model.spikeChance)) v = 305 + 90 * rng.next();
    value[h] = Math.round(ov?.get(h) ?? v);
  }
  return { kind: 'value', value };
}

const series = new Map<string, Series>();
for (const { slo } of allSlos()) {
  const rng = makeRng(SEED, `sli:${slo.id}`);
  const m = slo.model;
  series.set(
    slo.id,
    m.kind === 'counts'
      ? genCounts(slo, m, rng)
      : m.kind === 'low-traffic'
        ? genLowTraffic(slo, m, rng)
        : genLatency(slo, m, rng),
  );
}

function countSeries(id: string): CountSeries {
  const s = series.get(id);
  if (!s || s.kind !== 'counts') throw new Error(`${id} has no counts`);
  return s;
}

/** bad and total events of an SLO in [from, to) */
function windowCounts(id: string, from: number, to: number): { bad: number; total: number } {
  const s = countSeries(id);
  let bad = 0;
  let total = 0;
  for (let h = Math.max(0, (from - START) / HOUR); h < Math.min(HOURS, (to - START) / HOUR); h++) {
    const tot = s.total[h] ?? -1;
    if (tot < 0) continue;
    total += tot;
    bad += tot - (s.good[h] ?? 0);
  }
  return { bad, total };
}

// ---------------------------------------------------------------------------------------------
// deployments (§8)

type Deployment = {
  id: string;
  service: string;
  deployedAt: number;
  committedAt: number;
  status: 'success' | 'failed' | 'rolled-back';
  kind: 'change' | 'hotfix' | 'rollback';
};

const DEPLOY_PROFILE: Record<string, { perDay: number; leadMedianHours: number }> = {
  'checkout-api': { perDay: 2.6, leadMedianHours: 18 },
  'search-api': { perDay: 2.0, leadMedianHours: 28 },
  'identity-service': { perDay: 1.4, leadMedianHours: 40 },
  notifications: { perDay: 1.1, leadMedianHours: 52 },
  'export-api': { perDay: 0.35, leadMedianHours: 110 },
};

function genDeployments(): {
  list: Deployment[];
  byIncident: Map<string, { dep: Deployment; follow: Deployment }>;
} {
  const list: Deployment[] = [];
  const rng = makeRng(SEED, 'deployments');
  const firstDay = Date.parse('2025-07-01T00:00:00Z');
  for (let day = firstDay; day < END; day += DAY) {
    const d = new Date(day);
    const freeze =
      (d.getUTCMonth() === 11 && d.getUTCDate() >= 22) || (d.getUTCMonth() === 0 && d.getUTCDate() <= 2);
    if (isWeekend(day) || freeze) continue;
    for (const service of SERVICES.map((s) => s.service)) {
      const p = DEPLOY_PROFILE[service];
      if (!p) throw new Error(`no deploy profile for ${service}`);
      const n = sampleCount(rng, p.perDay);
      for (let i = 0; i < n; i++) {
        const deployedAt = day + 9 * HOUR + rng.int(0, 8 * 60 + 30) * 60_000;
        const leadMinutes = Math.max(12, Math.round(p.leadMedianHours * 60 * Math.exp(0.8 * rng.gauss())));
        const r = rng.next();
        const status = r < 0.035 ? 'failed' : r < 0.07 ? 'rolled-back' : 'success';
        const kind = status === 'success' && rng.chance(0.07) ? 'hotfix' : 'change';
        list.push({
          id: '',
          service,
          deployedAt,
          committedAt: deployedAt - leadMinutes * 60_000,
          status,
          kind,
        });
        if (status === 'rolled-back') {
          const at = deployedAt + rng.int(20, 75) * 60_000;
          list.push({
            id: '',
            service,
            deployedAt: at,
            committedAt: at - rng.int(2, 6) * DAY,
            status: 'success',
            kind: 'rollback',
          });
        }
      }
    }
  }
  const byIncident = new Map<string, { dep: Deployment; follow: Deployment }>();
  for (const inc of INCIDENTS) {
    if (!inc.deploy) continue;
    const at = Date.parse(inc.deploy.at);
    const followAt = Date.parse(inc.deploy.followAt);
    const dep: Deployment = {
      id: '',
      service: inc.deploy.service,
      deployedAt: at,
      committedAt: at - inc.deploy.leadHours * HOUR,
      status: inc.deploy.status,
      kind: 'change',
    };
    const follow: Deployment = {
      id: '',
      service: inc.deploy.service,
      deployedAt: followAt,
      committedAt:
        inc.deploy.followKind === 'rollback'
          ? at - (inc.deploy.leadHours + 30) * HOUR
          : followAt - 35 * 60_000,
      status: 'success',
      kind: inc.deploy.followKind,
    };
    // nothing else of that service ships between the bad deployment and its fix
    for (let i = list.length - 1; i >= 0; i--) {
      const x = list[i];
      if (x && x.service === dep.service && x.deployedAt >= at - HOUR && x.deployedAt <= followAt + HOUR)
        list.splice(i, 1);
    }
    list.push(dep, follow);
    byIncident.set(inc.file, { dep, follow });
  }
  list.sort(
    (a, b) => a.deployedAt - b.deployedAt || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0),
  );
  let lastDay = '';
  let n = 0;
  for (const x of list) {
    const day = iso(x.deployedAt).slice(0, 10);
    n = day === lastDay ? n + 1 : 1;
    lastDay = day;
    x.id = `d-${day}-${n}`;
  }
  return { list, byIncident };
}

// ---------------------------------------------------------------------------------------------
// YAML and Markdown writers (by hand, to keep the layout of SPEC §3, §4, §6.6 and §7)

function yamlScalar(s: string): string {
  return /^[\p{L}\p{N}_ .,'()/+-]*$/u.test(s) &&
    !/^[\d.+-]/.test(s) &&
    !/^(true|false|null|yes|no|on|off)$/i.test(s) &&
    s.trim() === s &&
    s !== ''
    ? s
    : JSON.stringify(s);
}

function yamlList(items: string[]): string {
  return `[${items.map(yamlScalar).join(', ')}]`;
}

function ledgerYaml(): string {
  return `# Settings of the demo organisation (SPEC §3). Generated by scripts/generate-demo.ts.
title: Acme reliability reviews
organization: Acme
timezone: Europe/London
fiscalYearStartMonth: 1
audience: public
severities: [SEV1, SEV2, SEV3, SEV4]
policy:
  atRisk: 0.25
`;
}

function sloYaml(service: (typeof SERVICES)[number]): string {
  const lines = [
    `# SLO catalog for ${service.service} (native format, SPEC §4). Generated by scripts/generate-demo.ts.`,
    `service: ${service.service}`,
    `owner: ${service.owner}`,
    `team: ${service.team}`,
    'slos:',
  ];
  for (const s of service.slos) {
    lines.push(`  # ${s.note}`);
    lines.push(
      `  - id: ${s.id}`,
      `    name: ${yamlScalar(s.name)}`,
      `    objective: ${s.objective}`,
      `    budgeting: ${s.budgeting}`,
    );
    if (s.timeslice) {
      const parts = [`window: ${s.timeslice.window}`];
      if (s.timeslice.target !== undefined) parts.push(`target: ${s.timeslice.target}`);
      lines.push(`    timeslice: { ${parts.join(', ')} }`);
    }
    if (s.minEvents !== undefined) lines.push(`    minEvents: ${s.minEvents}`);
    lines.push('    sli:', `      source: ${s.sli.source}`);
    if ('series' in s.sli) {
      lines.push(`      series: ${s.sli.series}`, `      good: ${s.sli.good}`, `      total: ${s.sli.total}`);
    } else {
      lines.push(
        `      value: ${s.sli.value}`,
        `      threshold: { op: ${s.sli.threshold.op}, value: ${s.sli.threshold.value} }`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function exclusionsYaml(): string {
  const out = [
    '# Planned maintenance left out of every figure (SPEC §6.6). Generated by scripts/generate-demo.ts.',
  ];
  for (const ex of EXCLUSIONS) {
    const first = ex.slos ? `- slos: ${yamlList(ex.slos)}` : `- services: ${yamlList(ex.services ?? [])}`;
    out.push(
      first,
      `  start: ${ex.start}`,
      `  end: ${ex.end}`,
      `  reason: ${yamlScalar(ex.reason)}`,
      `  approvedBy: ${ex.approvedBy}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function postmortem(inc: Incident, ctx: { dep: string; rollback: string }): string {
  const fm: string[] = [
    `title: ${yamlScalar(inc.title)}`,
    `status: ${inc.status}`,
    `severity: ${inc.severity}`,
    `visibility: ${inc.visibility ?? 'public'}`,
    `services: ${yamlList(inc.services)}`,
  ];
  if (inc.slos) fm.push(`slos: ${yamlList(inc.slos)}`);
  fm.push(`started: ${inc.started}`, `detected: ${inc.detected}`);
  if (inc.mitigated) fm.push(`mitigated: ${inc.mitigated}`);
  if (inc.resolved) fm.push(`resolved: ${inc.resolved}`);
  fm.push(`authors: ${yamlList(inc.authors)}`, `trigger: ${inc.trigger}`);
  if (inc.deploy) fm.push(`deployment: ${ctx.dep}`);
  fm.push('action_items:');
  for (const a of inc.actionItems) {
    fm.push(
      `  - title: ${yamlScalar(a.title)}`,
      `    owner: ${a.owner}`,
      `    due: ${a.due}`,
      `    status: ${a.status}`,
    );
    if (a.priority) fm.push(`    priority: ${a.priority}`);
    if (a.link) fm.push(`    link: ${a.link}`);
  }
  const started = Date.parse(inc.started);
  const end = inc.mitigated
    ? Date.parse(inc.mitigated)
    : started + (inc.effects[0]?.rates?.length ?? 0) * HOUR;
  const body = inc.body({
    dep: ctx.dep,
    rollback: ctx.rollback,
    bad: (slo) => approx(windowCounts(slo, started, end).bad),
    total: (slo) => approx(windowCounts(slo, started, end).total),
  });
  return `---\n${fm.join('\n')}\n---\n\n${body}`;
}

// ---------------------------------------------------------------------------------------------
// the 2026-Q3 review narrative, with figures computed from the generated data

function excluded(sloId: string, ms: number): boolean {
  const service = allSlos().find((x) => x.slo.id === sloId)?.service ?? '';
  return EXCLUSIONS.some(
    (ex) =>
      (ex.slos?.includes(sloId) || ex.services?.includes(service)) &&
      ms >= Date.parse(ex.start) &&
      ms < Date.parse(ex.end),
  );
}

/** occurrence figures of an SLO over [from, to), after exclusions */
function occurrences(sloId: string, from: number, to: number): { bad: number; total: number } {
  const s = countSeries(sloId);
  let bad = 0;
  let total = 0;
  for (let h = (from - START) / HOUR; h < (to - START) / HOUR && h < HOURS; h++) {
    const tot = s.total[h] ?? -1;
    if (tot < 0 || excluded(sloId, START + h * HOUR)) continue;
    total += tot;
    bad += tot - (s.good[h] ?? 0);
  }
  return { bad, total };
}

/** Truncated, as the site writes percentages (src/domain/format.ts), so the narrative agrees with the tables. */
function pct(x: number): string {
  return `${Math.trunc(x * 100)}%`;
}

function reviewQ3(): string {
  const q = QUARTERS[4];
  if (!q) throw new Error('no 2026-Q3');
  const checkout = occurrences('checkout-availability', q.start, q.end);
  const checkoutBudget = 0.001 * checkout.total;
  const sev1 = INCIDENTS.find((i) => i.severity === 'SEV1');
  if (!sev1?.mitigated) throw new Error('no SEV1');
  const sev1Bad = occurrences(
    'checkout-availability',
    Date.parse(sev1.started),
    Date.parse(sev1.mitigated),
  ).bad;
  // The narrative uses the review components (README § Reviews): figures the ledger computes are
  // written with <Num> and <Delta>, so they can never disagree with the tables.
  return `Checkout had its worst quarter since we started measuring. The release on 19 August that
raised the database connection pool size took checkout down for four hours in the middle of a
weekday afternoon. That one incident used ${pct(sev1Bad / checkoutBudget)} of checkout's error budget for the quarter,
and checkout ended July–September having spent <Num metric="checkout-availability.consumed" quarter="2026-Q3" /> of it:
attainment <Num metric="checkout-availability.attainment" quarter="2026-Q3" />, <Delta metric="checkout-availability.attainment" quarter="2026-Q3" vs="objective" />.

<Callout kind="decision">
Under the error budget policy, the payments team paused feature launches from 20 August to the end
of September and spent the time on the connection cap, a load test that uses production pool
settings, and making schema migrations reversible. The last of those is still open and is the one
we most want finished before the shopping peak in November.
</Callout>

The quarter began with the tail of the search outage that started on the evening of 30 June, so
part of its cost lands in April–June and part here. Search stayed inside both of its objectives.
Email delivery met its objective despite the SPF incident in September; its figures carry a
small coverage gap from a metrics collector outage on 27 August. The account export API handled
<Num metric="export-availability.events" quarter="2026-Q3" /> requests, enough for a meaningful figure this quarter, which was not the case a year ago.

The four-hour database migration on 1 August was announced two weeks ahead and is excluded from
checkout's budget; its errors are listed with the exclusions below. Checkout's launch pause ends
with the quarter, but the payments team has asked to finish the reversible-migrations work before
resuming large releases ahead of the November shopping peak.
`;
}

// ---------------------------------------------------------------------------------------------
// write everything

function csvCounts(ids: string[]): string {
  const out: string[] = ['timestamp,series,good,total'];
  const ss = ids.map((id) => {
    const s = countSeries(id);
    const sli = sloById(id).sli;
    if (!('series' in sli)) throw new Error(`${id}: not a count SLI`);
    return { s, name: sli.series };
  });
  for (let h = 0; h < HOURS; h++) {
    const ts = iso(START + h * HOUR);
    for (const { s, name } of ss) {
      const tot = s.total[h] ?? -1;
      if (tot >= 0) out.push(`${ts},${name},${s.good[h]},${tot}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function csvLatency(id: string): string {
  const s = series.get(id);
  if (!s || s.kind !== 'value') throw new Error(`${id}: not a value series`);
  const sli = sloById(id).sli;
  if (!('value' in sli)) throw new Error(`${id}: not a threshold SLI`);
  const out: string[] = [`timestamp,${sli.value}`];
  for (let h = 0; h < HOURS; h++) out.push(`${iso(START + h * HOUR)},${s.value[h]}`);
  return `${out.join('\n')}\n`;
}

function main(): void {
  for (const p of ['slos', 'sli', 'deployments']) rmSync(join(DATA, p), { recursive: true, force: true });
  for (const p of ['ledger.yaml', 'exclusions.yaml']) rmSync(join(DATA, p), { force: true });
  for (const p of ['postmortems', 'reviews']) rmSync(join(CONTENT, p), { recursive: true, force: true });

  write(join(DATA, 'ledger.yaml'), ledgerYaml());
  for (const s of SERVICES) write(join(DATA, 'slos', `${s.service}.yaml`), sloYaml(s));
  write(join(DATA, 'exclusions.yaml'), exclusionsYaml());

  // one CSV per source file, series in catalog order
  const bySource = new Map<string, string[]>();
  for (const { slo } of allSlos())
    bySource.set(slo.sli.source, [...(bySource.get(slo.sli.source) ?? []), slo.id]);
  for (const [source, ids] of bySource) {
    const first = ids[0];
    if (first === undefined) continue;
    const text = sloById(first).model.kind === 'latency' ? csvLatency(first) : csvCounts(ids);
    write(join(DATA, source), text);
  }

  const { list, byIncident } = genDeployments();
  const rows = ['id,service,deployed_at,committed_at,status,kind'];
  for (const d of list)
    rows.push(`${d.id},${d.service},${iso(d.deployedAt)},${iso(d.committedAt)},${d.status},${d.kind}`);
  write(join(DATA, 'deployments', 'deployments.csv'), `${rows.join('\n')}\n`);

  for (const inc of INCIDENTS) {
    const d = byIncident.get(inc.file);
    write(
      join(CONTENT, 'postmortems', `${inc.file}.md`),
      postmortem(inc, { dep: d?.dep.id ?? '', rollback: d?.follow.id ?? '' }),
    );
  }
  write(join(CONTENT, 'reviews', '2026-q3.mdx'), reviewQ3());

  console.log(
    `demo: ${allSlos().length} SLOs, ${bySource.size} SLI files (${HOURS} hours each), ${list.length} deployments, ` +
      `${INCIDENTS.length} postmortems, 1 review; data ends ${iso(END)}`,
  );
}

main();
