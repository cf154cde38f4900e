/**
 * OpenSLO v1 documents in data/slos/ (SPEC §4): Service, SLI and SLO kinds, as separate YAML
 * documents or as a YAML list of objects, inline indicators or `indicatorRef`, and several
 * objectives per SLO. They become the same CatalogEntry as the native format. The spec's rules
 * are enforced in the spec's own words (https://github.com/OpenSLO/OpenSLO, v1); the metric
 * source of every indicator must be a CSV export (`type: csv`).
 */
import { z } from 'zod';
import type { BudgetingMethod, SloDefinition } from '../../domain/slo.ts';
import { isValidTimeZone } from '../../domain/zoned-time.ts';
import { diagnose, type Diagnostic } from '../diagnostic.ts';
import type { DiagnosticCode } from '../diagnostic-codes.ts';
import { isRealDay } from '../instant.ts';
import { openSloPrometheusSpecSchema, type PrometheusQueries } from '../prometheus/sli-prometheus.ts';
import { csvReadingShape, refineLayout, toSliMapping } from './sli-mapping.ts';
import type { CatalogEntry, Service, SliMapping, ThresholdOp, TimeWindow } from './model.ts';
import { diagnoseSchemaIssues, type YamlSource } from '../yaml-source.ts';

/** One object of a stream, with where it sits, for messages. */
export interface OpenSloObject {
  kind: string;
  name: string;
  metadata: Metadata;
  spec: unknown;
  at: Where;
}

interface Where {
  source: YamlSource;
  docIndex: number;
  /** Path of the object inside its document: [] or [i] for a YAML list of objects. */
  basePath: (string | number)[];
}

const KINDS = [
  'SLO',
  'SLI',
  'Service',
  'DataSource',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
];

/** RFC 1123 label names, as the OpenSLO spec states them for metadata.name. */
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAME_RULE =
  'OpenSLO names "are up to 63 characters in length, contain lowercase alphanumeric characters or `-`, start with an alphanumeric character, end with an alphanumeric character"';

const metadataSchema = z.strictObject({
  /** Unique per kind, e.g. checkout-availability. */
  name: z.string(),
  /** Shown instead of the name, e.g. "Checkout requests succeed". */
  displayName: z.string().optional(),
  /** e.g. { team: payments } or { team: [payments, web] }. */
  labels: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  /** e.g. { ledger/owner: Dana Ruiz, ledger/team: payments }. */
  annotations: z.record(z.string(), z.string()).optional(),
});
type Metadata = z.infer<typeof metadataSchema>;

const envelopeSchema = z.strictObject({
  /** Always openslo/v1. */
  apiVersion: z.string(),
  /** SLO, SLI, Service (read); DataSource and the alerting kinds (accepted, not used). */
  kind: z.string(),
  metadata: metadataSchema,
  /** Optional for a Service, required (and checked) for SLO and SLI. */
  spec: z.unknown().optional(),
});

const metricSourceSchema = z.strictObject({
  /** Name of a DataSource object. */
  metricSourceRef: z.string().optional(),
  /** csv for the ledger, e.g. type: csv. */
  type: z.string().optional(),
  /** For csv: { source: sli/x.csv, column: good, series: … }. */
  spec: z.unknown(),
});
const metricSchema = z.strictObject({ metricSource: metricSourceSchema });

const sliSpecSchema = z.strictObject({
  description: z.string().max(1050).optional(),
  /** A measured value, compared with the objective's op and value. */
  thresholdMetric: metricSchema.optional(),
  /** good or bad over total events. */
  ratioMetric: z
    .strictObject({
      counter: z.boolean().optional(),
      good: metricSchema.optional(),
      bad: metricSchema.optional(),
      total: metricSchema.optional(),
      rawType: z.enum(['success', 'failure']).optional(),
      raw: metricSchema.optional(),
    })
    .optional(),
});
type SliSpec = z.infer<typeof sliSpecSchema>;

const csvSpecSchema = z
  .strictObject({
    ...csvReadingShape,
    /** The column this metric reads, e.g. good. */
    column: z.string().min(1),
  })
  .superRefine(refineLayout);
type CsvSpec = z.infer<typeof csvSpecSchema>;

const objectiveSchema = z.strictObject({
  displayName: z.string().optional(),
  op: z.enum(['lte', 'gte', 'lt', 'gt']).optional(),
  value: z.number().optional(),
  target: z.number().optional(),
  targetPercent: z.number().optional(),
  timeSliceTarget: z.number().optional(),
  timeSliceWindow: z.union([z.number(), z.string()]).optional(),
});

const timeWindowSchema = z.strictObject({
  /** Duration shorthand: 28d, 4w, 1M, 1Q (m is minutes, M months). */
  duration: z.string(),
  isRolling: z.boolean().optional(),
  calendar: z
    .strictObject({
      /** Date with time, without a zone, e.g. 2026-01-01 00:00:00. */
      startTime: z.union([z.string(), z.date()]),
      /** IANA zone, e.g. America/New_York. */
      timeZone: z.string(),
    })
    .optional(),
});

const sloSpecSchema = z.strictObject({
  description: z.string().max(1050).optional(),
  /** Name of the Service, e.g. checkout-api. */
  service: z.string(),
  /** The SLI inline: { metadata: { name }, spec: { ratioMetric | thresholdMetric } }. */
  indicator: z.strictObject({ metadata: metadataSchema, spec: z.unknown() }).optional(),
  /** Name of an SLI object, instead of `indicator`. */
  indicatorRef: z.string().optional(),
  timeWindow: z.array(timeWindowSchema).optional(),
  budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']),
  objectives: z.array(objectiveSchema).min(1),
  /** Accepted and ignored: the ledger does not alert. */
  alertPolicies: z.array(z.unknown()).nullable().optional(),
});

const serviceSpecSchema = z
  .strictObject({ description: z.string().max(1050).optional() })
  .nullable()
  .optional();

/** Whether a file holds OpenSLO objects (any document, or item of a list document, with apiVersion). */
export function isOpenSloSource(source: YamlSource): boolean {
  const has = (v: unknown) => typeof v === 'object' && v !== null && 'apiVersion' in v;
  return source.documents.some((d) => (Array.isArray(d) ? d.some(has) : has(d)));
}

/** The objects of one file, checked for the envelope rules (apiVersion, kind, the name rule). */
export function readOpenSloObjects(source: YamlSource): {
  objects: OpenSloObject[];
  diagnostics: Diagnostic[];
} {
  const objects: OpenSloObject[] = [];
  const diagnostics: Diagnostic[] = [];
  source.documents.forEach((doc, docIndex) => {
    if (doc === null || doc === undefined) return;
    const items: [unknown, (string | number)[]][] = Array.isArray(doc)
      ? doc.map((d, i) => [d, [i]])
      : [[doc, []]];
    for (const [raw, basePath] of items) {
      const at: Where = { source, docIndex, basePath };
      const parsed = envelopeSchema.safeParse(raw);
      if (!parsed.success) {
        diagnostics.push(
          ...diagnoseSchemaIssues(source, parsed.error, { schema: envelopeSchema, docIndex, basePath }),
        );
        continue;
      }
      const { apiVersion, kind, metadata, spec } = parsed.data;
      const report = (code: DiagnosticCode, path: (string | number)[], message: string, hint?: string) =>
        diagnostics.push(place(at, path, code, message, hint));
      if (apiVersion !== 'openslo/v1') {
        report(
          'openslo-rule',
          ['apiVersion'],
          `apiVersion "${apiVersion}" is not supported: the ledger reads OpenSLO v1`,
          'write apiVersion: openslo/v1 (v1alpha documents need the v1 field names)',
        );
        continue;
      }
      if (!KINDS.includes(kind)) {
        report('openslo-rule', ['kind'], `kind "${kind}" is not an OpenSLO v1 kind (${KINDS.join(', ')})`);
        continue;
      }
      if (!NAME.test(metadata.name) || metadata.name.length > 63) {
        report(
          'openslo-rule',
          ['metadata', 'name'],
          `metadata.name "${metadata.name}" breaks the name rule: ${NAME_RULE}`,
          `e.g. ${suggestName(metadata.name)}`,
        );
        continue;
      }
      objects.push({ kind, name: metadata.name, metadata, spec, at });
    }
  });
  return { objects, diagnostics };
}

/**
 * Joins the objects of every file: SLOs find their SLI (inline or by `indicatorRef`) and their
 * Service, and each objective becomes one catalog entry.
 */
export function resolveOpenSlo(
  objects: readonly OpenSloObject[],
  nativeServices: readonly Service[],
): { services: Service[]; entries: CatalogEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const index: ObjectIndex = {
    slis: indexKind(objects, 'SLI', diagnostics),
    services: indexKind(objects, 'Service', diagnostics),
    dataSources: indexKind(objects, 'DataSource', diagnostics),
  };
  const native = new Map(nativeServices.map((s) => [s.id, s]));
  const services = resolveServices(index.services, native, diagnostics);
  const indicators = indicatorResolver(index, diagnostics);
  const entries: CatalogEntry[] = [];
  for (const o of indexKind(objects, 'SLO', diagnostics).values())
    entries.push(...resolveSlo(o, { index, native, services, indicators, diagnostics }));
  return {
    services: [...services.values()].map(({ id, owner, team }) => ({ id, owner, team })),
    entries,
    diagnostics,
  };
}

/** The objects an SLO refers to, by name. */
interface ObjectIndex {
  slis: Map<string, OpenSloObject>;
  services: Map<string, OpenSloObject>;
  dataSources: Map<string, OpenSloObject>;
}

/** The objects of one kind by name; a second object of a kind and name is a diagnostic. */
function indexKind(
  objects: readonly OpenSloObject[],
  kind: string,
  diagnostics: Diagnostic[],
): Map<string, OpenSloObject> {
  const map = new Map<string, OpenSloObject>();
  for (const o of objects.filter((x) => x.kind === kind)) {
    const first = map.get(o.name);
    if (first) {
      diagnostics.push(
        place(
          o.at,
          ['metadata', 'name'],
          kind === 'SLO' ? 'duplicate-slo-id' : 'openslo-rule',
          `${kind === 'SLO' || kind === 'SLI' ? 'an' : 'a'} ${kind} named "${o.name}" is already defined at ${first.at.source.file}:${locate(first.at, []).line}`,
          `names are unique per kind; rename one of them`,
        ),
      );
      continue;
    }
    map.set(o.name, o);
  }
  return map;
}

/** `since`: the Service's `ledger/since`, the day its SLOs start unless one says otherwise. */
type ResolvedService = Service & { declared: boolean; since?: string };

/** The OpenSLO Services, their owners from the `ledger/owner` and `ledger/team` annotations. */
function resolveServices(
  serviceObjects: ReadonlyMap<string, OpenSloObject>,
  native: ReadonlyMap<string, Service>,
  diagnostics: Diagnostic[],
): Map<string, ResolvedService> {
  const services = new Map<string, ResolvedService>();
  for (const o of serviceObjects.values()) {
    const spec = serviceSpecSchema.safeParse(o.spec);
    if (!spec.success)
      diagnostics.push(
        ...diagnoseSchemaIssues(o.at.source, spec.error, {
          docIndex: o.at.docIndex,
          basePath: [...o.at.basePath, 'spec'],
        }),
      );
    if (native.has(o.name)) {
      diagnostics.push(
        place(
          o.at,
          ['metadata', 'name'],
          'openslo-rule',
          `service "${o.name}" is also defined in the native format`,
          'define each service once: keep either the native file or the OpenSLO Service',
        ),
      );
      continue;
    }
    const owner = ownerOf(o.metadata);
    const serviceSince = sinceOf(o, diagnostics);
    services.set(o.name, {
      id: o.name,
      owner: owner.owner ?? UNASSIGNED,
      team: owner.team ?? UNASSIGNED,
      declared: owner.owner !== null,
      ...(serviceSince !== undefined ? { since: serviceSince } : {}),
    });
  }
  return services;
}

interface IndicatorResolver {
  /** An indicator written inside an SLO. */
  inline(name: string, spec: unknown, at: Where, path: (string | number)[]): IndicatorMapping | null;
  /** An SLI named by `indicatorRef`; undefined when no SLI has that name. */
  referenced(name: string): IndicatorMapping | null | undefined;
}

/** Reads SLI specs into CSV mappings; each SLI is checked once, however many SLOs use it. */
function indicatorResolver(index: ObjectIndex, diagnostics: Diagnostic[]): IndicatorResolver {
  const sliMappings = new Map<string, IndicatorMapping | null>();
  const inline = (
    name: string,
    spec: unknown,
    at: Where,
    path: (string | number)[],
  ): IndicatorMapping | null => {
    const parsed = sliSpecSchema.safeParse(spec);
    if (!parsed.success) {
      diagnostics.push(
        ...diagnoseSchemaIssues(at.source, parsed.error, {
          schema: sliSpecSchema,
          docIndex: at.docIndex,
          basePath: [...at.basePath, ...path],
        }),
      );
      return null;
    }
    return indicatorMapping(name, parsed.data, at, path, index.dataSources, diagnostics);
  };
  const referenced = (name: string): IndicatorMapping | null | undefined => {
    if (!sliMappings.has(name)) {
      const o = index.slis.get(name);
      if (o === undefined) return undefined;
      sliMappings.set(name, inline(name, o.spec, o.at, ['spec']));
    }
    return sliMappings.get(name);
  };
  return { inline, referenced };
}

interface SloContext {
  index: ObjectIndex;
  native: ReadonlyMap<string, Service>;
  services: Map<string, ResolvedService>;
  indicators: IndicatorResolver;
  diagnostics: Diagnostic[];
}

type SloSpec = z.output<typeof sloSpecSchema>;

interface ReadObjective {
  obj: SloSpec['objectives'][number];
  objective: number | null;
  windowMs: number | null;
}

/** One OpenSLO SLO: its indicator, objectives and owner, then one catalog entry per objective. */
function resolveSlo(o: OpenSloObject, ctx: SloContext): CatalogEntry[] {
  const { diagnostics } = ctx;
  const parsed = sloSpecSchema.safeParse(o.spec);
  if (!parsed.success) {
    diagnostics.push(
      ...diagnoseSchemaIssues(o.at.source, parsed.error, {
        schema: sloSpecSchema,
        docIndex: o.at.docIndex,
        basePath: [...o.at.basePath, 'spec'],
      }),
    );
    return [];
  }
  const spec = parsed.data;
  const report: Report = (path, message, code = 'openslo-rule', hint) =>
    diagnostics.push(place(o.at, ['spec', ...path], code, message, hint));
  const before = diagnostics.length;

  if (!NAME.test(spec.service))
    report(['service'], `service "${spec.service}" breaks the name rule: ${NAME_RULE}`);
  const indicator = resolveIndicator(spec, o, ctx, report);
  const timeWindow = readTimeWindow(spec.timeWindow, (path, message, code, hint) =>
    report(['timeWindow', ...path], message, code, hint),
  );
  const budgeting = budgetingOf(spec.budgetingMethod);
  const objectives = readObjectives(spec, indicator, budgeting, report);

  const mapping = indicator?.mapping ?? null;
  if (diagnostics.slice(before).some((d) => d.severity === 'error') || indicator === null || mapping === null)
    return [];
  const since = sinceOf(o, diagnostics) ?? ctx.services.get(spec.service)?.since;
  const { owner, team } = sloOwner(o, spec.service, ctx);
  const unit = sloUnit(o, diagnostics);
  const baseName = o.metadata.displayName ?? o.name;
  return objectives.flatMap(({ obj, objective, windowMs }, i): CatalogEntry[] => {
    if (objective === null) return [];
    const id = objectives.length === 1 ? o.name : `${o.name}-${i + 1}`;
    const slo: SloDefinition = {
      id,
      name:
        obj.displayName !== undefined && objectives.length > 1
          ? `${baseName} (${obj.displayName})`
          : baseName,
      service: spec.service,
      owner,
      team,
      objective,
      budgeting,
      ...(unit !== undefined ? { unit } : {}),
      ...(windowMs !== null
        ? {
            timeslice: {
              windowMs,
              ...(obj.timeSliceTarget !== undefined ? { target: obj.timeSliceTarget } : {}),
            },
          }
        : {}),
      ...(since !== undefined ? { since } : {}),
    };
    const sli: SliMapping =
      indicator.kind === 'threshold'
        ? {
            ...mapping,
            threshold:
              obj.op !== undefined && obj.value !== undefined
                ? { op: obj.op as ThresholdOp, value: obj.value }
                : null,
          }
        : mapping;
    return [
      {
        slo,
        sli,
        file: o.at.source.file,
        line: locate(o.at, ['spec', 'objectives', i]).line,
        ...(timeWindow !== null ? { timeWindow } : {}),
      },
    ];
  });
}

/** The SLO's indicator: inline or by reference, exactly one of them. */
function resolveIndicator(
  spec: SloSpec,
  o: OpenSloObject,
  ctx: SloContext,
  report: Report,
): IndicatorMapping | null {
  if (spec.indicator !== undefined && spec.indicatorRef !== undefined) {
    report(
      ['indicatorRef'],
      'give either `indicator` or `indicatorRef`, not both: "One of `indicator` or `indicatorRef` must be given"',
    );
    return null;
  }
  if (spec.indicator !== undefined)
    return ctx.indicators.inline(spec.indicator.metadata.name, spec.indicator.spec, o.at, [
      'spec',
      'indicator',
      'spec',
    ]);
  if (spec.indicatorRef !== undefined) {
    const found = ctx.indicators.referenced(spec.indicatorRef);
    if (found === undefined) {
      const slis = ctx.index.slis;
      report(
        ['indicatorRef'],
        `indicatorRef "${spec.indicatorRef}" names no SLI${slis.size > 0 ? ` (SLIs: ${[...slis.keys()].join(', ')})` : ''}`,
        'openslo-unresolved-ref',
      );
    }
    return found ?? null;
  }
  report(
    [],
    '"One of `indicator` or `indicatorRef` must be given"',
    'openslo-rule',
    'add indicatorRef: <name of an SLI> or an inline indicator',
  );
  return null;
}

function budgetingOf(method: SloSpec['budgetingMethod']): BudgetingMethod {
  return method === 'Occurrences'
    ? 'occurrences'
    : method === 'Timeslices'
      ? 'timeslices'
      : 'ratio-timeslices';
}

/** Each objective's target as a fraction and its slice length, checked against the indicator's kind. */
function readObjectives(
  spec: SloSpec,
  indicator: IndicatorMapping | null,
  budgeting: BudgetingMethod,
  report: Report,
): ReadObjective[] {
  const isThreshold = indicator?.kind === 'threshold';
  if (isThreshold && spec.objectives.length > 1) {
    report(
      ['objectives'],
      `this SLO has ${spec.objectives.length} objectives on a thresholdMetric: "If thresholdMetric has been defined, only one Threshold can be defined"`,
      'openslo-rule',
      'split it into one SLO per threshold, or use a ratioMetric',
    );
  }
  return spec.objectives.map((obj, i) => {
    const at = (key: string) => ['objectives', i, key];
    let objective: number | null = null;
    if (obj.target !== undefined && obj.targetPercent !== undefined)
      report(
        at('targetPercent'),
        'target and targetPercent are both given: target "can\'t be used with targetPercent"',
        'openslo-rule',
        `keep one of them, e.g. target: ${obj.target}`,
      );
    else if (obj.target === undefined && obj.targetPercent === undefined)
      report(
        ['objectives', i],
        '"Either `target` or `targetPercent` must be used"',
        'openslo-rule',
        'e.g. target: 0.999 or targetPercent: 99.9',
      );
    else if (obj.target !== undefined) {
      if (!(obj.target >= 0 && obj.target < 1))
        report(
          at('target'),
          `target ${obj.target} is outside [0.0, 1.0): a target is a fraction, e.g. 0.999`,
          'openslo-rule',
          obj.target >= 1 && obj.target < 100
            ? `for a percentage write targetPercent: ${obj.target}`
            : undefined,
        );
      else if (obj.target === 0)
        report(at('target'), 'target 0 allows every event to fail: the ledger needs an objective above 0');
      else objective = obj.target;
    } else if (obj.targetPercent !== undefined) {
      if (!(obj.targetPercent > 0 && obj.targetPercent < 100))
        report(
          at('targetPercent'),
          `targetPercent ${obj.targetPercent} is outside (0, 100): e.g. targetPercent: 99.9`,
        );
      else objective = Number((obj.targetPercent / 100).toPrecision(12));
    }
    if (indicator?.kind === 'ratio') {
      if (obj.op !== undefined)
        report(
          at('op'),
          'op is refused on a ratioMetric: OpenSLO\'s op is "Only needed when using a thresholdMetric"',
          'openslo-rule',
          'remove op (and value) from the objective: a ratio objective is its target alone',
        );
      else if (obj.value !== undefined)
        report(
          at('value'),
          'value is refused on a ratioMetric: OpenSLO\'s value is "Only needed when using a thresholdMetric"',
          'openslo-rule',
          'remove value from the objective',
        );
    }
    if (isThreshold && (obj.op === undefined || obj.value === undefined)) {
      report(
        ['objectives', i],
        `a thresholdMetric needs op and value in its objective (missing: ${[obj.op === undefined ? 'op' : '', obj.value === undefined ? 'value' : ''].filter(Boolean).join(', ')})`,
        'openslo-rule',
        'e.g. op: lte and value: 300, meaning a value of at most 300 is good',
      );
    }
    if (budgeting === 'timeslices' && obj.timeSliceTarget === undefined) {
      report(
        ['objectives', i],
        'this objective needs timeSliceTarget: OpenSLO requires it "when budgetingMethod is set to TimeSlices", as it is here',
        'openslo-rule',
        'e.g. timeSliceTarget: 0.95 — a slice is good when at least 95% of its events are',
      );
    }
    if (obj.timeSliceTarget !== undefined && !(obj.timeSliceTarget > 0 && obj.timeSliceTarget <= 1)) {
      report(at('timeSliceTarget'), `timeSliceTarget ${obj.timeSliceTarget} is outside (0.0, 1.0]`);
    }
    let windowMs: number | null = null;
    if (budgeting !== 'occurrences') {
      if (obj.timeSliceWindow === undefined)
        report(
          ['objectives', i],
          `budgetingMethod ${spec.budgetingMethod} needs timeSliceWindow, the length of a slice (e.g. 1m, 5m)`,
        );
      else
        windowMs = readSliceWindow(obj.timeSliceWindow, (message, hint) =>
          report(at('timeSliceWindow'), message, 'openslo-rule', hint),
        );
    }
    return { obj, objective, windowMs };
  });
}

/**
 * The SLO's accountable owner and team: its own annotations, else its Service's. A service
 * named only by SLOs is added, unassigned; an SLO with no owner anywhere is a warning.
 */
function sloOwner(o: OpenSloObject, service: string, ctx: SloContext): { owner: string; team: string } {
  const { services, native } = ctx;
  const svc = services.get(service) ?? native.get(service);
  const own = ownerOf(o.metadata);
  const owner = own.owner ?? svc?.owner ?? UNASSIGNED;
  const team = own.team ?? svc?.team ?? UNASSIGNED;
  if (!services.has(service) && !native.has(service)) {
    services.set(service, { id: service, owner: UNASSIGNED, team: UNASSIGNED, declared: false });
  }
  if (owner === UNASSIGNED) {
    ctx.diagnostics.push(
      place(
        o.at,
        ['metadata', 'name'],
        'slo-owner-missing',
        `SLO ${o.name} has no accountable owner: neither ${ctx.index.services.has(service) ? `the Service "${service}"` : `a Service named "${service}"`} nor the SLO has a ledger/owner annotation`,
        `add to the metadata of the Service "${service}" (or of this SLO): annotations: { ledger/owner: <person>, ledger/team: <team> }`,
      ),
    );
  }
  return { owner, team };
}

/** What one event is: OpenSLO has no field for it, so an annotation like the owner's. */
function sloUnit(
  o: OpenSloObject,
  diagnostics: Diagnostic[],
): { singular: string; plural: string } | undefined {
  const unitText = o.metadata.annotations?.['ledger/unit'];
  const unitParts = unitText?.split(',').map((x) => x.trim()) ?? [];
  const unit =
    unitParts.length === 2 && unitParts.every((x) => x !== '')
      ? { singular: unitParts[0] ?? '', plural: unitParts[1] ?? '' }
      : undefined;
  if (unitText !== undefined && unit === undefined)
    diagnostics.push(
      place(
        o.at,
        ['metadata', 'annotations', 'ledger/unit'],
        'openslo-unit',
        `ledger/unit "${unitText}" of SLO ${o.name} is not a singular and a plural separated by a comma`,
      ),
    );
  return unit;
}

/**
 * The `ledger/since` annotation of an SLO or Service (OpenSLO has no field for when an SLO
 * starts): a `YYYY-MM-DD` day; anything else is an error at the annotation.
 */
function sinceOf(o: { metadata: Metadata; at: Where }, diagnostics: Diagnostic[]): string | undefined {
  const since = o.metadata.annotations?.['ledger/since'];
  if (since === undefined) return undefined;
  if (isRealDay(since)) return since;
  diagnostics.push(
    place(
      o.at,
      ['metadata', 'annotations', 'ledger/since'],
      'openslo-rule',
      `ledger/since "${since}" is not a date`,
      'write the day the SLO starts as YYYY-MM-DD, e.g. ledger/since: "2025-04-01"',
    ),
  );
  return undefined;
}

/** Shown where an SLO has no owner; `check` warns about it. */
export const UNASSIGNED = 'unassigned';

/**
 * The accountable person and team: annotations `ledger/owner` and `ledger/team` (OpenSLO leaves
 * ownership to implementations), else a `team` label (the Go SDK's examples use one).
 */
function ownerOf(metadata: Metadata): { owner: string | null; team: string | null } {
  const a = metadata.annotations ?? {};
  const label = metadata.labels?.['team'];
  const team =
    a['ledger/team'] ?? (Array.isArray(label) ? (label.length > 0 ? label.join(', ') : undefined) : label);
  return { owner: a['ledger/owner'] ?? null, team: team ?? null };
}

/** The kind is known even when the mapping is not (e.g. a Prometheus source), so that the objective's rules still apply. */
type IndicatorMapping = { kind: 'ratio' | 'threshold'; mapping: SliMapping | null };

function indicatorMapping(
  name: string,
  spec: SliSpec,
  at: Where,
  path: (string | number)[],
  dataSources: ReadonlyMap<string, OpenSloObject>,
  out: Diagnostic[],
): IndicatorMapping | null {
  const report = (p: (string | number)[], code: DiagnosticCode, message: string, hint?: string) =>
    out.push(place(at, [...path, ...p], code, message, hint));
  let unsupported = false;
  const queries: PrometheusQueries = {};
  const pulled = (mapping: SliMapping): SliMapping =>
    Object.keys(queries).length > 0 ? { ...mapping, prometheus: queries } : mapping;
  const csv = (
    metric: { metricSource: z.infer<typeof metricSourceSchema> },
    p: (string | number)[],
  ): CsvSpec | null => {
    const ms = metric.metricSource;
    const type = ms.type ?? typeOfDataSource(ms.metricSourceRef, dataSources);
    if (type?.toLowerCase() === 'prometheus') {
      // Pulled into a CSV by `npm run pull`; the column is the query's role (good, bad, total, value).
      const role = p[0] === 'thresholdMetric' ? 'value' : (p[1] as keyof PrometheusQueries);
      const schema = openSloPrometheusSpecSchema(csvReadingShape, name);
      const parsed = schema.safeParse(ms.spec);
      if (!parsed.success) {
        out.push(
          ...diagnoseSchemaIssues(at.source, parsed.error, {
            docIndex: at.docIndex,
            basePath: [...at.basePath, ...path, ...p, 'metricSource', 'spec'],
          }),
        );
        return null;
      }
      queries[role] = parsed.data.query;
      return { ...(parsed.data.reading as Omit<CsvSpec, 'column'>), column: role };
    }
    if (type?.toLowerCase() !== 'csv') {
      if (unsupported) return null;
      unsupported = true;
      report(
        [...p, 'metricSource', ms.type !== undefined ? 'type' : 'metricSourceRef'],
        'openslo-unsupported-source',
        `SLI ${name} reads ${type === undefined ? 'a metric source without a type' : `a metric source of type "${type}"`}; the ledger reads SLIs from CSV exports, or pulls them from Prometheus`,
        `export the metric to CSV (e.g. Grafana's "Download CSV") and write metricSource: { type: csv, spec: { source: sli/${name}.csv, column: <column> } }`,
      );
      return null;
    }
    const parsed = csvSpecSchema.safeParse(ms.spec);
    if (!parsed.success) {
      out.push(
        ...diagnoseSchemaIssues(at.source, parsed.error, {
          schema: csvSpecSchema,
          docIndex: at.docIndex,
          basePath: [...at.basePath, ...path, ...p, 'metricSource', 'spec'],
        }),
      );
      return null;
    }
    return parsed.data;
  };

  if ((spec.thresholdMetric === undefined) === (spec.ratioMetric === undefined)) {
    report(
      [],
      'openslo-rule',
      `SLI ${name}: "Either \`ratioMetric\` or \`thresholdMetric\` must be used"${spec.thresholdMetric !== undefined ? ', not both' : ''}`,
    );
    return null;
  }
  if (spec.thresholdMetric !== undefined) {
    const c = csv(spec.thresholdMetric, ['thresholdMetric']);
    return { kind: 'threshold', mapping: c === null ? null : pulled(toSliMapping(c, { value: c.column })) };
  }
  const r = spec.ratioMetric;
  if (r === undefined) return null;
  if (r.raw !== undefined || r.rawType !== undefined) {
    report(
      ['ratioMetric', r.raw !== undefined ? 'raw' : 'rawType'],
      'openslo-unsupported-source',
      `SLI ${name} is a raw (precomputed) ratio; the ledger needs counts to compute error budgets`,
      'export the good (or bad) and total counts to CSV and use ratioMetric: { good, total } with type: csv',
    );
    return { kind: 'ratio', mapping: null };
  }
  if (r.total === undefined) {
    report(['ratioMetric'], 'openslo-rule', `SLI ${name}: a ratioMetric needs "total", the denominator`);
    return { kind: 'ratio', mapping: null };
  }
  if ((r.good === undefined) === (r.bad === undefined)) {
    report(
      ['ratioMetric'],
      'openslo-rule',
      `SLI ${name}: ${r.good === undefined ? '"either "good" or "bad" must be provided if "total" is used"' : '"If `bad` is defined then `good` must not be set"'}`,
    );
    return { kind: 'ratio', mapping: null };
  }
  const numeratorKey = r.good !== undefined ? 'good' : 'bad';
  const numerator = r.good ?? r.bad;
  if (numerator === undefined) return { kind: 'ratio', mapping: null };
  const n = csv(numerator, ['ratioMetric', numeratorKey]);
  const t = csv(r.total, ['ratioMetric', 'total']);
  if (n === null || t === null) return { kind: 'ratio', mapping: null };
  const { column: _n, ...nRest } = n;
  const { column: _t, ...tRest } = t;
  if (JSON.stringify(nRest) !== JSON.stringify(tRest)) {
    report(
      ['ratioMetric', 'total', 'metricSource', 'spec'],
      'openslo-rule',
      `SLI ${name}: ${numeratorKey} and total must come from the same CSV rows, but their spec differs in ${differingKeys(nRest, tRest).join(', ')}`,
      `give ${numeratorKey} and total the same source, series and reading options; only column differs`,
    );
    return { kind: 'ratio', mapping: null };
  }
  return { kind: 'ratio', mapping: pulled(toSliMapping(t, { [numeratorKey]: n.column, total: t.column })) };
}

function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}

function typeOfDataSource(
  ref: string | undefined,
  dataSources: ReadonlyMap<string, OpenSloObject>,
): string | undefined {
  if (ref === undefined) return undefined;
  const spec = dataSources.get(ref)?.spec;
  return typeof spec === 'object' && spec !== null && 'type' in spec && typeof spec.type === 'string'
    ? spec.type
    : undefined;
}

const SHORTHAND = /^([1-9]\d*)([mhdwMQY])$/;
const UNIT_WORDS: Record<string, string> = {
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  M: 'month',
  Q: 'quarter',
  Y: 'year',
};
const FIXED_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

type Report = (path: (string | number)[], message: string, code?: DiagnosticCode, hint?: string) => void;

function readTimeWindow(
  windows: z.infer<typeof timeWindowSchema>[] | undefined,
  report: Report,
): TimeWindow | null {
  if (windows === undefined) return null;
  if (windows.length !== 1) {
    report(
      [],
      `timeWindow has ${windows.length} items: OpenSLO's "TimeWindow is a list but accepting only exactly one item"`,
    );
    return null;
  }
  const w = windows[0];
  if (w === undefined) return null;
  const m = SHORTHAND.exec(w.duration);
  if (!m) {
    report(
      [0, 'duration'],
      `duration "${w.duration}" is not a duration shorthand: "a positive integer number followed by a case–sensitive single–character postfix" (m, h, d, w, M, Q, Y)`,
      'openslo-rule',
      'e.g. 28d, 4w, 1M (one month) or 1Q',
    );
    return null;
  }
  if (m[2] === 'm') {
    const n = Number(m[1]);
    report(
      [0, 'duration'],
      `timeWindow duration "${w.duration}" is ${n} minute${n === 1 ? '' : 's'}: in OpenSLO "m" is minutes and "M" is months`,
      'openslo-minutes-window',
      `write ${n}M for ${n} month${n === 1 ? '' : 's'}; a window of minutes is too short to review`,
    );
  }
  if (w.calendar !== undefined && !isValidTimeZone(w.calendar.timeZone)) {
    report(
      [0, 'calendar', 'timeZone'],
      `calendar.timeZone "${w.calendar.timeZone}" is not a name "as in IANA Time Zone Database"`,
      'openslo-rule',
      'e.g. America/New_York, Europe/London or UTC',
    );
  }
  if (w.calendar !== undefined && w.isRolling === true) {
    report(
      [0, 'isRolling'],
      'a calendar-aligned time window cannot be rolling: remove isRolling or calendar',
    );
  }
  const startTime = w.calendar?.startTime;
  return {
    duration: w.duration,
    isRolling: w.isRolling ?? w.calendar === undefined,
    ...(w.calendar !== undefined && startTime !== undefined
      ? {
          calendar: {
            startTime: startTime instanceof Date ? startTime.toISOString() : startTime,
            timeZone: w.calendar.timeZone,
          },
        }
      : {}),
  };
}

/** A slice is a fixed length; OpenSLO reads a bare number as minutes. */
function readSliceWindow(
  value: number | string,
  report: (message: string, hint?: string) => void,
): number | null {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0) return value * 60_000;
    report(
      `timeSliceWindow ${value} is not a positive whole number of minutes`,
      'e.g. timeSliceWindow: 1m or 5',
    );
    return null;
  }
  const m = SHORTHAND.exec(value);
  if (!m) {
    report(
      `timeSliceWindow "${value}" is not a duration shorthand: "a positive integer number followed by a case–sensitive single–character postfix"`,
      'e.g. 1m (one minute), 5m or 1h',
    );
    return null;
  }
  const unit = m[2] ?? '';
  const ms = FIXED_MS[unit];
  if (ms === undefined) {
    report(
      `timeSliceWindow "${value}" is ${m[1]} ${UNIT_WORDS[unit]}${m[1] === '1' ? '' : 's'} (in OpenSLO "M" is months and "m" minutes); a slice must have a fixed length`,
      `use m, h, d or w, e.g. ${m[1]}m for ${m[1]} minute${m[1] === '1' ? '' : 's'}`,
    );
    return null;
  }
  return Number(m[1]) * ms;
}

function locate(at: Where, path: (string | number)[]): { line: number; column: number } {
  return at.source.locate([...at.basePath, ...path], at.docIndex);
}

function place(
  at: Where,
  path: (string | number)[],
  code: DiagnosticCode,
  message: string,
  hint?: string,
): Diagnostic {
  return diagnose(code, { file: at.source.file, ...locate(at, path) }, message, hint);
}

function suggestName(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return s === '' ? 'checkout-availability' : s;
}
