/**
 * The part of an SLO definition that says how its CSV export is read, shared by the native
 * `sli:` block and OpenSLO's `metricSource: { type: csv, spec: … }`.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../../domain/zoned-time.ts';
import { parseDurationText } from '../duration-text.ts';
import type { SliMapping } from './model.ts';

export const durationSchema = z
  .string()
  .refine(
    (s) => parseDurationText(s) !== undefined,
    'write a duration like 1m, 5m or 1h (m is minutes), at most 92d',
  )
  .transform((s) => parseDurationText(s) ?? 0);

/** How a CSV export is read: shared by the native `sli:` and OpenSLO's `metricSource.spec`. */
export const csvReadingShape = {
  /** CSV export relative to data/, e.g. sli/checkout.csv; may be a glob, e.g. sli/checkout/*.csv. */
  source: z.string().min(1),
  /** Value of the series column to read (long layout), e.g. checkout-availability. */
  series: z.string().min(1).optional(),
  /** long (a series column) or wide (one column per series, Grafana's "series joined by time"). */
  layout: z.enum(['long', 'wide']).optional(),
  /** Name of the timestamp column, default `timestamp` (or `time`, in any case). */
  timestampColumn: z.string().min(1).default('timestamp'),
  /** Name of the series column, default `series`. */
  seriesColumn: z.string().min(1).default('series'),
  /** IANA zone of timestamps written without an offset, e.g. Europe/Berlin. */
  timezone: z
    .string()
    .min(1)
    .refine(isValidTimeZone, 'not an IANA time zone, e.g. UTC or Europe/Berlin')
    .optional(),
  /** iso, epoch-s or epoch-ms; by default told apart by their shape and magnitude. */
  timeFormat: z.enum(['iso', 'epoch-s', 'epoch-ms']).optional(),
  /** Span each row covers, e.g. 5m; inferred from the data when absent. */
  step: durationSchema.optional(),
  /** What to do with the same series and timestamp twice: error (default), sum or last. */
  duplicates: z.enum(['error', 'sum', 'last']).default('error'),
};

/** The wide layout has no series column: each series is a column of its own. */
export function refineLayout(
  sli: { layout?: 'long' | 'wide' | undefined; series?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (sli.layout === 'wide' && sli.series !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['series'],
      message:
        "a wide export has one column per series: remove `series:` and name the series' columns in good/total or value",
    });
  }
}

/** The parsed `csvReadingShape`: where a CSV is and how to read its rows. */
export type CsvReading = z.output<z.ZodObject<typeof csvReadingShape>>;

/** A CSV reading and the columns an SLO takes from it, as the reader wants them. */
export function toSliMapping(
  reading: CsvReading,
  columns: { [K in 'good' | 'bad' | 'total' | 'value' | 'threshold']?: SliMapping[K] | undefined },
): SliMapping {
  return {
    source: reading.source,
    timestampColumn: reading.timestampColumn,
    seriesColumn: reading.seriesColumn,
    series: reading.series ?? null,
    good: columns.good ?? null,
    bad: columns.bad ?? null,
    total: columns.total ?? null,
    value: columns.value ?? null,
    threshold: columns.threshold ?? null,
    timezone: reading.timezone ?? null,
    stepMs: reading.step ?? null,
    duplicates: reading.duplicates,
    layout: reading.layout ?? null,
    timeFormat: reading.timeFormat ?? 'auto',
  };
}
