/**
 * A plain Markdown incident report (no front matter, as teams keep them in a wiki or a repo) into
 * a ledger postmortem draft: the title from the first H1, `started` from a date in the file name
 * or the first date in the text, the sections mapped to the ledger's by their usual headings,
 * the action items listed ready for the front matter; and a list of what a person must still check, as the cState
 * import gives (cstate-import.ts).
 */
import { stringify } from 'yaml';
import { localDateTimeToEpochMs } from '../domain/zoned-time.ts';
import { slugify } from './slug.ts';

export interface MarkdownImportOptions {
  /** The site's zone: a date without a time is the start of that day there. */
  timezone: string;
  severities: string[];
  knownServices: string[];
}

export type MarkdownImport =
  { kind: 'skipped'; reason: string } | { kind: 'converted'; slug: string; text: string; needs: string[] };

/** The ledger's sections (SPEC §7), and the headings that mean each of them. */
const SECTIONS: [string, RegExp][] = [
  ['Summary', /^(summary|overview|executive summary|description|what happened)$/],
  ['Impact', /^(impact|customer impact|user impact|business impact)$/],
  ['Timeline', /^(timeline|chronology|sequence of events|detailed timeline)$/],
  ['Contributing factors', /^(root causes?|root cause analysis|contributing factors|causes?|trigger|rca)$/],
  ['What went well', /^(what went well|things that went well)$/],
  [
    'What could be better',
    /^(what went wrong|what could be better|things that went wrong|what didn'?t go well)$/,
  ],
  ['Action items', /^(action items|follow[- ]ups?|next steps|remediations?|corrective actions)$/],
];
const REQUIRED = ['Summary', 'Timeline', 'Contributing factors'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Day {
  y: number;
  m: number;
  d: number;
}

function realDay(y: number, m: number, d: number): Day | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? { y, m, d } : null;
}

/** The first date in a text: 2026-03-02, or Mar 2 2026 / March 2, 2026, or 2 March 2026. */
export function firstDate(text: string): Day | null {
  const patterns: [RegExp, (m: RegExpExecArray) => Day | null][] = [
    [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => realDay(Number(m[1]), Number(m[2]), Number(m[3]))],
    [
      /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i,
      (m) => realDay(Number(m[3]), MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1, Number(m[2])),
    ],
    [
      /\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/i,
      (m) => realDay(Number(m[3]), MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1, Number(m[1])),
    ],
  ];
  let best: { at: number; day: Day } | null = null;
  for (const [re, read] of patterns) {
    const m = re.exec(text);
    const day = m ? read(m) : null;
    if (m && day && (best === null || m.index < best.at)) best = { at: m.index, day };
  }
  return best?.day ?? null;
}

const dayText = (d: Day) => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;

interface ActionItem {
  title: string;
  owner: string;
  status: 'open' | 'done';
  link?: string;
}

/** Every list item of a section, nested ones too: one action item each. */
function actionItems(body: string): ActionItem[] {
  // An item's text runs on over indented lines until a blank line or the next item.
  const raws: { raw: string; box: string | undefined }[] = [];
  let open = false;
  for (const line of body.split('\n')) {
    const m = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[([ xX])\]\s+)?(.+)$/.exec(line);
    const last = raws[raws.length - 1];
    if (m) {
      raws.push({ raw: (m[2] ?? '').trim(), box: m[1] });
      open = true;
    } else if (open && last !== undefined && /^\s+\S/.test(line)) {
      last.raw += ` ${line.trim()}`;
    } else {
      open = false;
    }
  }
  const items: ActionItem[] = [];
  for (const { raw, box } of raws) {
    const link = /https?:\/\/[^\s)>\]]+/.exec(raw)?.[0];
    const title = raw
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<?https?:\/\/[^\s)>]+>?/g, '')
      .replace(/\(\s*\)/g, '')
      .replace(/[`*_]/g, '')
      .replace(/[\s:–-]+$/, '')
      .trim();
    if (title === '' && link === undefined) continue;
    items.push({
      title: title === '' ? (link ?? '') : title.length > 200 ? `${title.slice(0, 197)}…` : title,
      owner: 'unknown',
      status: box !== undefined && box !== ' ' ? 'done' : 'open',
      ...(link !== undefined ? { link } : {}),
    });
  }
  return items;
}

interface Section {
  heading: string;
  /** The ledger's section it maps to, or null when kept as written. */
  mapped: string | null;
  level: number;
  body: string[];
}

export function convertMarkdownReport(
  fileName: string,
  text: string,
  opts: MarkdownImportOptions,
): MarkdownImport {
  const base = fileName.replace(/^.*\//, '');
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines[0]?.trim() === '---')
    return {
      kind: 'skipped',
      reason: 'it has front matter: it is not a plain report (cState files: npm run import -- cstate)',
    };
  const h1At = lines.findIndex((l) => /^#\s+\S/.test(l));
  if (h1At < 0)
    return {
      kind: 'skipped',
      reason: 'it has no H1 (a first line like "# Checkout outage") to take the title from',
    };
  const h1 = (lines[h1At] ?? '')
    .replace(/^#\s+/, '')
    .replace(/\s+#*\s*$/, '')
    .trim();
  // "2017-09-27, Hub 403" → "Hub 403": the date is in `started`.
  const title = h1.replace(/^\d{4}-\d{2}-\d{2}\s*[,:–—-]?\s*/, '').trim() || h1;

  const fileDay = /^(\d{4})-(\d{2})-(\d{2})/.exec(base);
  const fromName = fileDay ? realDay(Number(fileDay[1]), Number(fileDay[2]), Number(fileDay[3])) : null;
  const inText = firstDate(lines.slice(h1At).join('\n'));
  const day = fromName ?? inText;
  if (day === null)
    return {
      kind: 'skipped',
      reason:
        'no date in the file name (2026-03-02-title.md) or in the text: name the file by the day it started',
    };
  const needs: string[] = [];
  if (fromName !== null && inText !== null && dayText(fromName) !== dayText(inText))
    needs.push(
      `the file name says ${dayText(fromName)} but the text first says ${dayText(inText)}: the file name was used`,
    );
  const started = localDateTimeToEpochMs(Date.UTC(day.y, day.m - 1, day.d), opts.timezone);
  needs.push(
    `started is the start of ${dayText(day)} (${opts.timezone}), from the ${fromName !== null ? 'file name' : 'text'}: set the time impact began, and add detected and mitigated from the timeline`,
  );

  // Sections: H2s, and H3s whose heading is one of the ledger's (Lessons learnt › What went well).
  const sections: Section[] = [];
  let current: Section = { heading: '', mapped: null, level: 2, body: [] };
  const preamble = current;
  let inFence = false;
  for (const line of lines.slice(h1At + 1)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = inFence ? null : /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      const heading = (h[2] ?? '').trim();
      const key = heading
        .toLowerCase()
        .replace(/[.:]+$/, '')
        .trim();
      const mapped = SECTIONS.find(([, re]) => re.test(key))?.[0] ?? null;
      const level = (h[1] ?? '').length;
      if (level === 2 || mapped !== null) {
        current = { heading, mapped, level, body: [] };
        sections.push(current);
        continue;
      }
    }
    current.body.push(line);
  }

  const found = new Set(sections.map((s) => s.mapped).filter((m): m is string => m !== null));
  const items = sections
    .filter((s) => s.mapped === 'Action items')
    .flatMap((s) => actionItems(s.body.join('\n')));
  const missing = REQUIRED.filter((r) => !found.has(r));
  if (missing.length > 0)
    needs.push(`write the ${missing.join(', ')} section${missing.length === 1 ? '' : 's'}`);
  const kept = sections.filter((s) => s.mapped === null && s.level === 2 && s.body.join('').trim() !== '');
  if (kept.length > 0)
    needs.push(
      `kept as written: ${kept.map((s) => `"${s.heading}"`).join(', ')}; move what is a cause into Contributing factors`,
    );
  if (items.length > 0)
    needs.push(
      `${items.length} action item${items.length === 1 ? ' was' : 's were'} taken from the list with owner "unknown": give each its owner, and a due date where one was agreed`,
    );
  else if (found.has('Action items'))
    needs.push('the Action items section has no list: add the items to action_items');

  const severity = opts.severities[Math.min(2, opts.severities.length - 1)] ?? 'SEV3';
  needs.push(`severity ${severity} is a placeholder: the report names none`);
  const haystack = text.toLowerCase();
  const services = opts.knownServices.filter((s) =>
    new RegExp(`\\b${s.replace(/[-]/g, '[- ]')}\\b`).test(haystack),
  );
  needs.push(
    services.length > 0
      ? `services ${services.join(', ')} were guessed from the text: check them`
      : 'no service of the catalog is named in the text: set services',
  );

  const front = {
    title,
    status: 'draft',
    severity,
    visibility: 'public',
    services: services.length > 0 ? services : ['unknown'],
    started: new Date(started).toISOString().replace(/\.000Z$/, 'Z'),
    authors: [],
    trigger: 'unknown',
    // A report rarely names an owner or a due date: the owner is a placeholder that `check` lets
    // through and the list above asks a person to fill in; `due` is optional, so no date is made up.
    action_items: items,
  };
  const body: string[] = [];
  const intro = preamble.body.join('\n').trim();
  const push = (heading: string, text: string) =>
    body.push(`## ${heading}`, '', text || 'To be written.', '');
  // The ledger's sections first, in its order; then the others as they were.
  for (const [name] of SECTIONS) {
    const parts = sections.filter((s) => s.mapped === name).map((s) => s.body.join('\n').trim());
    if (name === 'Summary' && intro !== '') parts.unshift(intro);
    if (parts.length > 0 || REQUIRED.includes(name)) push(name, parts.filter(Boolean).join('\n\n'));
  }
  for (const s of sections.filter((s) => s.mapped === null)) {
    const t = s.body.join('\n').trim();
    if (t !== '') push(s.heading, t);
  }
  const out = [
    '---',
    stringify(front, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    `<!-- Imported from ${base}. Before publishing: ${needs.join('; ')}. -->`,
    '',
    ...body,
  ];
  return {
    kind: 'converted',
    slug: `${dayText(day)}-${slugify(title)}`,
    text: `${out.join('\n').trimEnd()}\n`,
    needs,
  };
}
