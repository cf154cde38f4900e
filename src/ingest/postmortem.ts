/**
 * Postmortem front matter (SPEC §7): one zod schema, used by the Astro collection (which hands
 * over YAML timestamps as Date objects) and by `check` (which parses with the `yaml` package and
 * keeps them as text, so that a missing offset can be reported).
 */
import { z } from 'zod';
import { isValidTimeZone } from '../domain/zoned-time.ts';
import { isRealDay, readInstant } from './instant.ts';

const INSTANT_KEYS = ['started', 'detected', 'mitigated', 'resolved'] as const;
const ZONELESS = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * An instant, e.g. 2026-08-14T09:12:00Z, 2026-08-14T10:12:00+01:00, or 2026-08-14 09:12 with
 * `timezone:`. The front matter's times were read in its zone beforehand (see `readZonedTimes`);
 * what is still text here could not be read, and says why.
 */
const instant = z.union([z.number(), z.date(), z.string()]).transform((v, ctx): number => {
  if (typeof v === 'number') return v;
  const r = readInstant(v);
  if (r.ok) return r.ms;
  ctx.addIssue({
    code: 'custom',
    message: ZONELESS.test(String(v).trim())
      ? `${r.message}, or say which zone the write-up's times are in with timezone: (e.g. timezone: America/Los_Angeles)`
      : r.message,
  });
  return z.NEVER;
});

/**
 * Times written without an offset are wall-clock times in the front matter's `timezone:`, so they
 * are read before the fields are validated one by one (each field cannot see the zone).
 */
function readZonedTimes(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const doc = raw as Record<string, unknown>;
  const zone = doc['timezone'];
  if (typeof zone !== 'string' || !isValidTimeZone(zone)) return raw;
  const out: Record<string, unknown> = { ...doc };
  for (const key of INSTANT_KEYS) {
    const v = doc[key];
    if (typeof v !== 'string') continue;
    const r = readInstant(v, zone);
    if (r.ok) out[key] = r.ms;
  }
  return out;
}

/** A calendar day, e.g. 2026-09-01. */
const day = z
  .union([z.date(), z.string().refine(isRealDay, 'write a real date as YYYY-MM-DD, e.g. 2026-09-01')])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));

export const actionItemSchema = z.strictObject({
  /** What will be done, e.g. "Alert on certificate expiry 14 days ahead". */
  title: z.string().min(1),
  /** Team or person, e.g. payments. */
  owner: z.string().min(1),
  /** e.g. 2026-09-01; optional: an item without a due date is never overdue. */
  due: day.optional(),
  status: z.enum(['open', 'in-progress', 'done', 'wont-do']),
  priority: z.enum(['P0', 'P1', 'P2', 'P3']).optional(),
  /** Tracker URL, e.g. https://tracker.example/PAY-123. */
  link: z.url({ protocol: /^https?$/ }).optional(),
});

export const postmortemSchema = z.preprocess(
  readZonedTimes,
  z
    .strictObject({
      title: z.string().min(1),
      /** draft | in-review | final; drafts only appear in internal builds. */
      status: z.enum(['draft', 'in-review', 'final']),
      /** One of settings.severities, e.g. SEV2. */
      severity: z.string().min(1),
      /** public | internal. */
      visibility: z.enum(['public', 'internal']).default('public'),
      /** Service ids from the catalog, e.g. [checkout-api]. */
      services: z.array(z.string().min(1)).min(1),
      /** SLO ids; default: every SLO of the services. */
      slos: z.array(z.string().min(1)).optional(),
      /** IANA zone of the times written without an offset, e.g. America/Los_Angeles ("All times in PST"). */
      timezone: z
        .string()
        .refine(isValidTimeZone, {
          message: 'not an IANA time zone (e.g. America/Los_Angeles, Europe/London, UTC)',
        })
        .optional(),
      started: instant,
      detected: instant.optional(),
      mitigated: instant.optional(),
      resolved: instant.optional(),
      authors: z.array(z.string().min(1)).default([]),
      /** deploy | config | dependency | capacity | infrastructure | unknown | … */
      trigger: z.string().min(1).default('unknown'),
      /** Id in the deployment log, e.g. d-2026-08-14-3. */
      deployment: z.string().min(1).optional(),
      action_items: z.array(actionItemSchema).default([]),
    })
    .superRefine((pm, ctx) => {
      const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
      if (pm.status !== 'draft' && pm.mitigated === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['mitigated'],
          message: `is required unless status is draft: add the time impact ended`,
        });
      }
      if (pm.detected !== undefined && pm.detected < pm.started) {
        ctx.addIssue({
          code: 'custom',
          path: ['detected'],
          message: `${at(pm.detected)} is before started (${at(pm.started)}); an incident is detected after it starts`,
        });
      }
      if (pm.mitigated !== undefined && pm.mitigated < pm.started) {
        ctx.addIssue({
          code: 'custom',
          path: ['mitigated'],
          message: `${at(pm.mitigated)} is before started (${at(pm.started)}); impact ends after it starts`,
        });
      }
      if (pm.resolved !== undefined && pm.mitigated !== undefined && pm.resolved < pm.mitigated) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolved'],
          message: `${at(pm.resolved)} is before mitigated (${at(pm.mitigated)})`,
        });
      }
    }),
);

export type PostmortemFrontMatter = z.output<typeof postmortemSchema>;
export type ActionItem = z.output<typeof actionItemSchema>;

export interface Postmortem extends PostmortemFrontMatter {
  /** From the file name: `2026-08-14-checkout-cert-rotation`. */
  slug: string;
  /** The first sentence of the Impact (or Summary) section, for lists of incidents. */
  impact: string | null;
}
