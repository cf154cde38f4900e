/**
 * The SLO catalog as every format maps into it (STYLE rule 17): domain SloDefinitions, the
 * services that own them, and where each SLO's indicator lives in the CSV exports. The native
 * format (native.ts) and OpenSLO (openslo.ts) each return this model; nothing downstream sees a
 * format.
 */
import type { SloDefinition } from '../../domain/slo.ts';
import type { PrometheusQueries } from '../prometheus/sli-prometheus.ts';
import type { TimeFormat } from '../sli/timestamp.ts';

export type ThresholdOp = 'lt' | 'lte' | 'gt' | 'gte';

/** Where an SLO's indicator lives in the CSV exports, and how to read it. */
export interface SliMapping {
  /** Relative to the data directory, e.g. `sli/checkout.csv`. */
  source: string;
  timestampColumn: string;
  seriesColumn: string;
  series: string | null;
  good: string | null;
  bad: string | null;
  total: string | null;
  value: string | null;
  threshold: { op: ThresholdOp; value: number } | null;
  /** Zone of timestamps written without an offset. */
  timezone: string | null;
  stepMs: number | null;
  duplicates: 'error' | 'sum' | 'last';
  /** `long` (a series column), `wide` (one column per series), or null: whatever the mapping implies. */
  layout: 'long' | 'wide' | null;
  /** How timestamps are written; `auto` tells ISO 8601 and epoch seconds/milliseconds apart. */
  timeFormat: TimeFormat;
  /** PromQL that `npm run pull` evaluates to write `source`, per column. */
  prometheus?: PrometheusQueries;
}

/** An OpenSLO `timeWindow`, kept as written for display and the rolling trend line. */
export interface TimeWindow {
  /** Duration shorthand as written, e.g. `28d`, `1M`, `1Q`. */
  duration: string;
  isRolling: boolean;
  calendar?: { startTime: string; timeZone: string };
}

export interface Service {
  id: string;
  owner: string;
  team: string;
}

export interface CatalogEntry {
  slo: SloDefinition;
  sli: SliMapping;
  file: string;
  line: number;
  /** OpenSLO only: the declared time window. */
  timeWindow?: TimeWindow;
}

export interface Catalog {
  services: Service[];
  entries: CatalogEntry[];
}
