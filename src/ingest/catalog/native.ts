/**
 * data/slos/*.yaml in the native format (SPEC §4): one service and its SLOs per file, parsed into
 * the catalog model (model.ts) — domain SloDefinitions plus the mapping that tells the CSV reader
 * where each SLI lives.
 */
import { z } from 'zod';
import type { SloDefinition } from '../../domain/slo.ts';
import { diagnose, type Diagnostic } from '../diagnostic.ts';
import { localDaySchema } from '../local-day.ts';
import {
  columnsWithPrometheus,
  prometheusMismatch,
  prometheusQueriesSchema,
} from '../prometheus/sli-prometheus.ts';
import { UNASSIGNED } from './openslo.ts';
import { csvReadingShape, durationSchema, refineLayout, toSliMapping } from './sli-mapping.ts';
import { diagnoseSchemaIssues, type YamlSource } from '../yaml-source.ts';
import type { Catalog, CatalogEntry } from './model.ts';

/** "99.9%" or 0.999; a bare 99.9 is refused, since it could mean either. */
const objectiveSchema = z.unknown().transform((v, ctx): number => {
  const fraction =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && /^\d{1,2}(\.\d+)?%$/.test(v.trim())
        ? Number(v.trim().slice(0, -1)) / 100
        : NaN;
  if (typeof v === 'number' && v >= 1 && v < 100) {
    ctx.addIssue({
      code: 'custom',
      message: `objective ${v} is ambiguous: write it as a percentage in quotes ("${v}%") or as a fraction (${Number((v / 100).toPrecision(12))})`,
    });
  } else if (!(fraction > 0 && fraction < 1)) {
    ctx.addIssue({
      code: 'custom',
      message: `objective ${JSON.stringify(v)} is not a percentage like "99.9%" or a fraction like 0.999`,
    });
  }
  return fraction;
});

const thresholdSchema = z.strictObject({
  /** Comparison a good value passes, e.g. lte. */
  op: z.enum(['lt', 'lte', 'gt', 'gte']),
  /** The limit, in the column's unit, e.g. 300. */
  value: z.number(),
});

const sliSchema = z
  .strictObject({
    ...csvReadingShape,
    /** Column of good events, e.g. ok. */
    good: z.string().min(1).optional(),
    /** Column of bad events (instead of good), e.g. errors. */
    bad: z.string().min(1).optional(),
    /** Column of all events, e.g. requests. */
    total: z.string().min(1).optional(),
    /** Column of a measured value for threshold SLIs, e.g. p99_ms. */
    value: z.string().min(1).optional(),
    /** The limit a good value passes, e.g. { op: lte, value: 300 }. */
    threshold: thresholdSchema.optional(),
    /** Pulled by `npm run pull`, e.g. { bad: 'http_requests_total{code=~"5.."}', total: http_requests_total }. */
    prometheus: prometheusQueriesSchema.optional(),
  })
  .superRefine((written, ctx) => {
    refineLayout(written, ctx);
    if (written.prometheus !== undefined) {
      const mismatch = prometheusMismatch(written, written.prometheus);
      if (mismatch !== null) {
        ctx.addIssue({ code: 'custom', path: ['prometheus'], message: mismatch });
        return;
      }
    }
    const sli = columnsWithPrometheus(written);
    const counts = sli.total !== undefined || sli.good !== undefined || sli.bad !== undefined;
    const threshold = sli.value !== undefined || sli.threshold !== undefined;
    if (counts && threshold) {
      ctx.addIssue({
        code: 'custom',
        message: 'use either good/bad + total columns or value + threshold, not both',
      });
    } else if (threshold) {
      if (sli.value === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'a threshold SLI needs `value:` (the column)',
        });
      if (sli.threshold === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['threshold'],
          message: 'a value SLI needs `threshold: { op, value }`',
        });
    } else {
      if (sli.total === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['total'],
          message: 'missing `total:` (the column of all events)',
        });
      if ((sli.good === undefined) === (sli.bad === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'give exactly one of `good:` or `bad:` (a column name)' });
      }
    }
  });

const sloSchema = z
  .strictObject({
    /** Unique across the catalog, e.g. checkout-availability. */
    id: z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'ids are lower-case letters, digits and dashes'),
    /** What users get when it is met, e.g. "Checkout requests succeed". */
    name: z.string().min(1),
    /** e.g. 99.9% or 0.999. */
    objective: objectiveSchema,
    /** occurrences (default), timeslices or ratio-timeslices. */
    budgeting: z.enum(['occurrences', 'timeslices', 'ratio-timeslices']).default('occurrences'),
    /**
     * Slice length, and for `timeslices` the share of good events that makes a slice good,
     * e.g. { window: 1m, target: 0.95 }. `ratio-timeslices` averages slice ratios and needs no target.
     */
    timeslice: z
      .strictObject({ window: durationSchema, target: z.number().gt(0).max(1).optional() })
      .optional(),
    /** Low-traffic threshold for this SLO, e.g. 500. */
    minEvents: z.number().int().positive().optional(),
    /** Shown on the review, e.g. "Share of checkout API requests answered without a 5xx". */
    description: z.string().optional(),
    /** The rolling window the SLO was defined over elsewhere (Sloth, Pyrra), shown with it, e.g. 28d. */
    window: z
      .string()
      .regex(/^[1-9]\d*[hdw]$/, 'write a rolling window like 28d, 4w or 720h')
      .optional(),
    /** What one event is, singular and plural, e.g. [minute, minutes]; [request, requests] when absent. */
    unit: z.tuple([z.string().min(1), z.string().min(1)]).optional(),
    /** The day the SLO starts, e.g. 2025-04-01: before it, it is not part of any quarter. */
    since: localDaySchema.optional(),
    sli: sliSchema,
  })
  .superRefine((slo, ctx) => {
    if (slo.budgeting !== 'occurrences' && slo.timeslice === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeslice'],
        message: `budgeting ${slo.budgeting} needs timeslice: { window${slo.budgeting === 'timeslices' ? ', target' : ''} }`,
      });
    } else if (slo.budgeting === 'timeslices' && slo.timeslice?.target === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeslice', 'target'],
        message:
          'budgeting timeslices needs timeslice.target, the share of good events that makes a slice good (e.g. 0.95)',
      });
    }
  });

const serviceFileSchema = z.strictObject({
  /** Service id, e.g. checkout-api. */
  service: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'service ids are lower-case letters, digits and dashes'),
  /** The accountable person, usually the product manager, e.g. Dana Ruiz. */
  owner: z.string().min(1),
  /** The responsible team, e.g. payments. */
  team: z.string().min(1),
  /** The day the service's SLOs start unless one says otherwise, e.g. 2025-04-01. */
  since: localDaySchema.optional(),
  /**
   * Validated one by one below, so that one bad SLO does not hide the others' problems. A service
   * may have none yet (`slos: []`, `slos:` or no key): it still has incidents and throughput.
   */
  slos: z.array(z.unknown()).nullish(),
});

function withSince(since: string | undefined): { since?: string } {
  return since === undefined ? {} : { since };
}

/** The native format: one service and its SLOs per file. */
export function parseNativeSloSource(source: YamlSource): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const file = source.file;
  const empty: Catalog = { services: [], entries: [] };
  const result = serviceFileSchema.safeParse(source.documents[0]);
  if (!result.success) {
    return {
      catalog: empty,
      diagnostics: diagnoseSchemaIssues(source, result.error, { schema: serviceFileSchema }),
    };
  }
  const svc = result.data;
  const problems: Diagnostic[] = unassignedOwner(source, svc);
  const entries: CatalogEntry[] = [];
  (svc.slos ?? []).forEach((raw, i) => {
    const parsed = sloSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(
        ...diagnoseSchemaIssues(source, parsed.error, { schema: sloSchema, basePath: ['slos', i] }),
      );
      return;
    }
    const s = parsed.data;
    const slo: SloDefinition = {
      id: s.id,
      name: s.name,
      service: svc.service,
      owner: svc.owner,
      team: svc.team,
      objective: s.objective,
      budgeting: s.budgeting,
      ...(s.timeslice
        ? {
            timeslice: {
              windowMs: s.timeslice.window,
              ...(s.timeslice.target !== undefined ? { target: s.timeslice.target } : {}),
            },
          }
        : {}),
      ...(s.minEvents !== undefined ? { minEvents: s.minEvents } : {}),
      ...(s.unit !== undefined ? { unit: { singular: s.unit[0], plural: s.unit[1] } } : {}),
      ...withSince(s.since ?? svc.since),
    };
    const sli = columnsWithPrometheus(s.sli);
    entries.push({
      slo,
      sli: {
        ...toSliMapping(sli, sli),
        ...(s.sli.prometheus !== undefined ? { prometheus: s.sli.prometheus } : {}),
      },
      file,
      line: source.locate(['slos', i]).line,
      ...(s.window !== undefined ? { timeWindow: { duration: s.window, isRolling: true } } : {}),
    });
  });
  return {
    catalog: { services: [{ id: svc.service, owner: svc.owner, team: svc.team }], entries },
    diagnostics: problems,
  };
}

/** An imported service may have no owner or team yet (`unassigned`): built, with a warning. */
function unassignedOwner(source: YamlSource, svc: { owner: string; team: string }): Diagnostic[] {
  const missing = (['owner', 'team'] as const).filter((k) => svc[k] === UNASSIGNED);
  return missing.map((k) =>
    diagnose(
      'slo-owner-missing',
      { file: source.file, ...source.locate([k]) },
      `${k} is "${UNASSIGNED}": the service has no accountable ${k === 'owner' ? 'person' : 'team'} yet`,
      `write the ${k === 'owner' ? 'accountable person (usually the product manager)' : 'responsible team'} in ${k}:`,
    ),
  );
}
