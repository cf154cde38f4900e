/**
 * Postmortem front matter (SPEC §7): one zod schema, used by the Astro collection (which hands
 * over YAML timestamps as Date objects) and by `check` (which parses with the `yaml` package and
 * keeps them as text, so that a missing offset can be reported).
 */
import { z } from 'zod';
import { instantSchema, isRealDay } from './instant.ts';

/** An instant with an explicit offset, e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00. */
const instant = instantSchema;

/** A calendar day, e.g. 2026-09-01. */
const day = z
  .union([z.date(), z.string().refine(isRealDay, 'write a real date as YYYY-MM-DD, e.g. 2026-09-01')])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));

export const actionItemSchema = z.strictObject({
  /** What will be done, e.g. "Alert on certificate expiry 14 days ahead". */
  title: z.string().min(1),
  /** Team or person, e.g. payments. */
  owner: z.string().min(1),
  /** e.g. 2026-09-01. */
  due: day,
  status: z.enum(['open', 'in-progress', 'done', 'wont-do']),
  priority: z.enum(['P0', 'P1', 'P2', 'P3']).optional(),
  /** Tracker URL, e.g. https://tracker.example/PAY-123. */
  link: z.url({ protocol: /^https?$/ }).optional(),
});

export const postmortemSchema = z
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
  });

export type PostmortemFrontMatter = z.output<typeof postmortemSchema>;
export type ActionItem = z.output<typeof actionItemSchema>;

export interface Postmortem extends PostmortemFrontMatter {
  /** From the file name: `2026-08-14-checkout-cert-rotation`. */
  slug: string;
  /** The first sentence of the Impact (or Summary) section, for lists of incidents. */
  impact: string | null;
}
