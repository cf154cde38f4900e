/**
 * A generated organisation for `npm run bench -- --size medium|large`, from a fixed seed: services,
 * SLOs of the three budgeting methods, eight quarters of SLI rows (hourly for most SLOs, one-minute
 * for a share of them, in long and wide files, the minute-level ones split by month), postmortems
 * whose [started, mitigated) windows are the bad periods written into the data, and a deployment
 * log. Nothing here reaches the repository: the bench writes it under the system's temp folder.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeRng, sampleCount, type Rng } from '../scripts/lib/prng.ts';

export interface OrganisationSize {
  services: number;
  occurrences: number;
  timeslices: number;
  ratioTimeslices: number;
  /** SLOs with one-minute rows; the others have hourly rows. */
  minuteSlos: number;
  postmortems: number;
  deployments: number;
}

export const SIZES: Record<'small' | 'medium' | 'large', OrganisationSize> = {
  large: {
    services: 60,
    occurrences: 110,
    timeslices: 25,
    ratioTimeslices: 15,
    minuteSlos: 20,
    postmortems: 1000,
    deployments: 20_000,
  },
  // A quarter of the services and postmortems, the same share of minute-level SLOs (20 in 150).
  medium: {
    services: 15,
    occurrences: 29,
    timeslices: 7,
    ratioTimeslices: 4,
    minuteSlos: 5,
    postmortems: 250,
    deployments: 5_000,
  },
  // For trying the bench itself, in about a minute.
  small: {
    services: 4,
    occurrences: 5,
    timeslices: 2,
    ratioTimeslices: 1,
    minuteSlos: 2,
    postmortems: 20,
    deployments: 500,
  },
};

/**
 * How the SLI rows are written. `bench` is the bench's own output: hourly rows, one-minute rows for
 * `minuteSlos` of them. `daily` keeps the same organisation (services, SLOs, postmortems,
 * deployments, quarters, seed) but writes one row a day per SLO, with the incidents' bad share
 * weighted by how much of the day they cover, and one-day timeslices: about 100,000 rows instead
 * of 900 MB, small enough for the site tests (tests/setup/build-sites.ts).
 */
export type OrganisationRows = 'bench' | 'daily';

const SEED = 20261127;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Eight quarters, 2024-Q4 to 2026-Q3, the last one in progress at the as-of time. */
export const START_MS = Date.UTC(2024, 9, 1);
export const END_MS = Date.UTC(2026, 7, 15);

type Budgeting = 'occurrences' | 'timeslices' | 'ratio-timeslices';

interface Slo {
  id: string;
  service: string;
  budgeting: Budgeting;
  objective: number;
  stepMs: number;
  /** Mean events per row. */
  traffic: number;
  /** Share of bad events outside incidents. */
  baseBad: number;
  incidents: { start: number; end: number; bad: number }[];
}

export interface Organisation {
  dataDir: string;
  contentDir: string;
  slos: number;
  rows: number;
  bytes: number;
  /** One postmortem to edit and one minute-level file that ends a day early, to append to. */
  postmortemToEdit: string;
  fileToAppend: { path: string; layout: 'long' | 'wide'; slos: Slo[]; step?: number };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

class Sink {
  private out;
  private buffer = '';
  bytes = 0;
  constructor(path: string) {
    this.out = createWriteStream(path);
  }
  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    this.bytes += Buffer.byteLength(this.buffer);
    if (!this.out.write(this.buffer)) await once(this.out, 'drain');
    this.buffer = '';
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Good and total of one row of `slo` at `t`. */
function row(slo: Slo, rng: Rng, t: number, cursor: { i: number }): [number, number] {
  const total = sampleCount(rng, slo.traffic);
  while (cursor.i < slo.incidents.length && (slo.incidents[cursor.i]?.end ?? 0) <= t) cursor.i++;
  const incident = slo.incidents[cursor.i];
  const rate = incident !== undefined && incident.start <= t ? incident.bad : slo.baseBad;
  const bad = Math.min(total, sampleCount(rng, total * rate));
  return [total - bad, total];
}

/**
 * Good and total of one row of `slo` covering [t, t + step) with `step` longer than the SLO's own
 * step (`daily` rows): the traffic of step / stepMs rows, and each incident's bad share weighted by
 * the part of the row it covers.
 */
function coarseRow(slo: Slo, rng: Rng, t: number, step: number, cursor: { i: number }): [number, number] {
  const total = sampleCount(rng, (slo.traffic * step) / slo.stepMs);
  while (cursor.i < slo.incidents.length && (slo.incidents[cursor.i]?.end ?? 0) <= t) cursor.i++;
  let rate = slo.baseBad;
  for (let k = cursor.i; k < slo.incidents.length; k++) {
    const incident = slo.incidents[k];
    if (incident === undefined || incident.start >= t + step) break;
    const covered = Math.min(incident.end, t + step) - Math.max(incident.start, t);
    if (covered > 0) rate += ((incident.bad - slo.baseBad) * covered) / step;
  }
  const bad = Math.min(total, sampleCount(rng, total * Math.min(1, rate)));
  return [total - bad, total];
}

async function writeRows(
  path: string,
  layout: 'long' | 'wide',
  slos: Slo[],
  from: number,
  to: number,
  append = false,
  coarseStep?: number,
): Promise<{ rows: number; bytes: number }> {
  await mkdir(dirname(path), { recursive: true });
  const step = coarseStep ?? slos[0]?.stepMs ?? HOUR;
  const rowAt = (s: Slo, rng: Rng, t: number, cursor: { i: number }): [number, number] =>
    coarseStep === undefined ? row(s, rng, t, cursor) : coarseRow(s, rng, t, coarseStep, cursor);
  const rngs = slos.map((s) => makeRng(SEED, `${s.id}@${from}`));
  const cursors = slos.map(() => ({ i: 0 }));
  let text = '';
  let rows = 0;
  if (!append) {
    text =
      layout === 'long'
        ? 'timestamp,series,good,total\n'
        : `Time,${slos.map((s) => `${s.id}_good,${s.id}_total`).join(',')}\n`;
  }
  const out = append ? null : new Sink(path);
  for (let t = from; t < to; t += step) {
    if (layout === 'long') {
      const stamp = iso(t);
      slos.forEach((s, k) => {
        const [g, n] = rowAt(s, rngs[k] as Rng, t, cursors[k] as { i: number });
        text += `${stamp},${s.id},${g},${n}\n`;
        rows++;
      });
    } else {
      // Grafana's "series joined by time" download: epoch milliseconds, one column per series.
      text += String(t);
      slos.forEach((s, k) => {
        const [g, n] = rowAt(s, rngs[k] as Rng, t, cursors[k] as { i: number });
        text += `,${g},${n}`;
      });
      text += '\n';
      rows++;
    }
    if (out !== null && text.length > 1 << 20) {
      await out.write(text);
      text = '';
    }
  }
  if (out === null) {
    await appendFile(path, text);
    return { rows, bytes: Buffer.byteLength(text) };
  }
  await out.write(text);
  await out.close();
  return { rows, bytes: out.bytes };
}

function sloYaml(s: Slo, source: string, layout: 'long' | 'wide', rowsOf: OrganisationRows): string {
  const window = rowsOf === 'daily' ? '1d' : s.stepMs === MINUTE ? '5m' : '1h';
  const budgeting =
    s.budgeting === 'timeslices'
      ? `    budgeting: timeslices\n    timeslice: { window: ${window}, target: 0.99 }\n`
      : s.budgeting === 'ratio-timeslices'
        ? `    budgeting: ratio-timeslices\n    timeslice: { window: ${window} }\n`
        : '    budgeting: occurrences\n';
  const sli =
    layout === 'long'
      ? `      source: ${source}\n      series: ${s.id}\n      good: good\n      total: total\n`
      : `      source: ${source}\n      layout: wide\n      timestampColumn: Time\n      timeFormat: epoch-ms\n      good: ${s.id}_good\n      total: ${s.id}_total\n`;
  return `  - id: ${s.id}\n    name: ${s.id.replace(/-/g, ' ')} succeeds\n    objective: ${(s.objective * 100).toFixed(2)}%\n${budgeting}    sli:\n${sli}`;
}

const TRIGGERS = ['deploy', 'config', 'dependency', 'capacity', 'infrastructure', 'unknown'];

export async function generateOrganisation(
  root: string,
  size: OrganisationSize,
  rowsOf: OrganisationRows = 'bench',
): Promise<Organisation> {
  const rng = makeRng(SEED, 'organisation');
  const dataDir = join(root, 'data');
  const contentDir = join(root, 'content');
  const services = Array.from({ length: size.services }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
  const kinds: Budgeting[] = [
    ...Array<Budgeting>(size.occurrences).fill('occurrences'),
    ...Array<Budgeting>(size.timeslices).fill('timeslices'),
    ...Array<Budgeting>(size.ratioTimeslices).fill('ratio-timeslices'),
  ];
  // Spread the methods over the services and the minute-level share over the methods.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j] as Budgeting, kinds[i] as Budgeting];
  }
  const minuteEvery = Math.floor(kinds.length / size.minuteSlos);
  const slos: Slo[] = kinds.map((budgeting, i) => {
    const minute = i % minuteEvery === 0 && Math.floor(i / minuteEvery) < size.minuteSlos;
    const objective = [0.99, 0.995, 0.999, 0.9995][rng.int(0, 3)] ?? 0.999;
    return {
      id: `slo-${String(i).padStart(3, '0')}${minute ? '-m' : ''}`,
      service: services[i % services.length] ?? 'svc-00',
      budgeting,
      objective,
      stepMs: minute ? MINUTE : HOUR,
      traffic: minute ? rng.int(50, 800) : rng.int(2_000, 60_000),
      baseBad: (1 - objective) * (0.1 + 0.4 * rng.next()),
      incidents: [],
    };
  });

  // Postmortems: each a bad period of one SLO, written into its rows hour for hour (minute for
  // minute-level SLOs), so the incident pages' SLI charts show what the postmortem says.
  const postmortems: string[] = [];
  await mkdir(join(contentDir, 'postmortems'), { recursive: true });
  for (let k = 0; k < size.postmortems; k++) {
    const slo = slos[rng.int(0, slos.length - 1)] as Slo;
    const unit = slo.stepMs;
    const start = START_MS + DAY + Math.floor((rng.next() * (END_MS - START_MS - 3 * DAY)) / unit) * unit;
    const length = (unit === MINUTE ? rng.int(10, 240) : rng.int(1, 6)) * unit;
    const bad = 0.02 + 0.3 * rng.next();
    slo.incidents.push({ start, end: start + length, bad });
    const severity = `SEV${rng.int(1, 4)}`;
    const name = `${iso(start).slice(0, 10)}-${slo.id}-incident-${k}`;
    const due = iso(start + 30 * DAY).slice(0, 10);
    const file = join(contentDir, 'postmortems', `${name}.md`);
    postmortems.push(file);
    await writeFile(
      file,
      `---
title: Errors in ${slo.service} (${slo.id}) number ${k}
status: final
severity: ${severity}
visibility: public
services: [${slo.service}]
slos: [${slo.id}]
started: ${iso(start)}
detected: ${iso(start + 4 * MINUTE)}
mitigated: ${iso(start + length)}
resolved: ${iso(start + length + 30 * MINUTE)}
authors: [Bench Author]
trigger: ${TRIGGERS[k % TRIGGERS.length]}
action_items:
  - title: Alert earlier on ${slo.id}
    owner: team-${slo.service}
    due: ${due}
    status: ${k % 3 === 0 ? 'open' : 'done'}
    priority: P${rng.int(0, 3)}
---

## Summary

About ${Math.round(bad * 100)}% of requests to ${slo.service} failed for ${length / MINUTE} minutes.

## Timeline (UTC)

- ${iso(start).slice(11, 16)} — errors begin.
- ${iso(start + length).slice(11, 16)} — errors end.

## Contributing factors

A change in ${slo.service} that its tests did not cover.
`,
    );
  }
  for (const s of slos) s.incidents.sort((a, b) => a.start - b.start);

  // SLI files. Hourly: one long file per service, every third service a wide one instead.
  // Minute-level: pairs of SLOs in one file per month, long and wide in turn; the first pair's
  // last month stops a day early, for the bench to append that day.
  let rows = 0;
  let bytes = 0;
  const yaml = new Map<string, string[]>(services.map((s) => [s, []]));
  let fileToAppend: Organisation['fileToAppend'] | null = null;
  if (rowsOf === 'daily') {
    // Every SLO daily in its service's file, long or wide as above; the first file stops a day early.
    for (const [i, service] of services.entries()) {
      const mine = slos.filter((s) => s.service === service);
      if (mine.length === 0) continue;
      const layout = i % 3 === 2 ? 'wide' : 'long';
      const source = `sli/${service}.csv`;
      const path = join(dataDir, source);
      const to = fileToAppend === null ? END_MS - DAY : END_MS;
      const written = await writeRows(path, layout, mine, START_MS, to, false, DAY);
      if (fileToAppend === null) fileToAppend = { path, layout, slos: mine, step: DAY };
      rows += written.rows * (layout === 'wide' ? mine.length : 1);
      bytes += written.bytes;
      for (const s of mine) yaml.get(service)?.push(sloYaml(s, source, layout, rowsOf));
    }
  }
  const hourly = rowsOf === 'daily' ? [] : slos.filter((s) => s.stepMs === HOUR);
  for (const [i, service] of services.entries()) {
    const mine = hourly.filter((s) => s.service === service);
    if (mine.length === 0) continue;
    const layout = i % 3 === 2 ? 'wide' : 'long';
    const source = `sli/${service}.csv`;
    const written = await writeRows(join(dataDir, source), layout, mine, START_MS, END_MS);
    rows += written.rows * (layout === 'wide' ? mine.length : 1);
    bytes += written.bytes;
    for (const s of mine) yaml.get(service)?.push(sloYaml(s, source, layout, rowsOf));
  }
  const minute = rowsOf === 'daily' ? [] : slos.filter((s) => s.stepMs === MINUTE);
  for (let g = 0; g * 2 < minute.length; g++) {
    const pair = minute.slice(g * 2, g * 2 + 2);
    const layout = g % 2 === 0 ? 'long' : 'wide';
    const folder = `sli/minute/group-${g}`;
    for (let month = START_MS; month < END_MS;) {
      const d = new Date(month);
      const next = Math.min(END_MS, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
      const last = next === END_MS;
      const path = join(dataDir, folder, `${iso(month).slice(0, 7)}.csv`);
      const to = last && g === 0 ? next - DAY : next;
      const written = await writeRows(path, layout, pair, month, to);
      rows += written.rows * (layout === 'wide' ? pair.length : 1);
      bytes += written.bytes;
      if (last && g === 0) fileToAppend = { path, layout, slos: pair };
      month = next;
    }
    for (const s of pair) yaml.get(s.service)?.push(sloYaml(s, `${folder}/*.csv`, layout, rowsOf));
  }
  if (fileToAppend === null) throw new Error('no minute-level SLO: the bench needs at least one');

  await mkdir(join(dataDir, 'slos'), { recursive: true });
  for (const [service, entries] of yaml) {
    await writeFile(
      join(dataDir, 'slos', `${service}.yaml`),
      `service: ${service}\nowner: Owner of ${service}\nteam: team-${service}\nslos:${entries.length === 0 ? ' []' : ''}\n${entries.join('')}`,
    );
  }
  await writeFile(
    join(dataDir, 'ledger.yaml'),
    'title: Bench reliability reviews\norganization: Bench\ntimezone: UTC\nfiscalYearStartMonth: 1\naudience: public\nseverities: [SEV1, SEV2, SEV3, SEV4]\n',
  );

  // The deployment log, in time order.
  const deployments: number[] = Array.from(
    { length: size.deployments },
    () => START_MS + Math.floor(rng.next() * (END_MS - START_MS)),
  ).sort((a, b) => a - b);
  let log = 'id,service,deployed_at,committed_at,status,kind\n';
  deployments.forEach((at, n) => {
    const r = rng.next();
    const status = r < 0.9 ? 'success' : r < 0.95 ? 'failed' : 'rolled-back';
    const q = rng.next();
    const kind = q < 0.92 ? 'change' : q < 0.97 ? 'hotfix' : 'rollback';
    const service = services[rng.int(0, services.length - 1)];
    log += `d-${n},${service},${iso(Math.floor(at / MINUTE) * MINUTE)},${iso(Math.floor(at / MINUTE) * MINUTE - rng.int(1, 72) * HOUR)},${status},${kind}\n`;
  });
  await mkdir(join(dataDir, 'deployments'), { recursive: true });
  await writeFile(join(dataDir, 'deployments', 'deployments.csv'), log);

  return {
    dataDir,
    contentDir,
    slos: slos.length,
    rows,
    bytes,
    postmortemToEdit: postmortems[Math.floor(postmortems.length / 2)] ?? '',
    fileToAppend,
  };
}

/** The day the generator left out of the first minute-level file, written now. */
export async function appendDay(org: Organisation): Promise<void> {
  const { path, layout, slos, step } = org.fileToAppend;
  await writeRows(path, layout, slos, END_MS - DAY, END_MS, true, step);
}

/** A sentence added to the impact of one postmortem. */
export async function editPostmortem(org: Organisation): Promise<void> {
  const text = await readFile(org.postmortemToEdit, 'utf8');
  await writeFile(
    org.postmortemToEdit,
    text.replace('## Timeline', 'Support received a few dozen contacts.\n\n## Timeline'),
  );
}
