/**
 * An SLI mapping as the catalog would resolve it (src/ingest/catalog/model.ts), for tests that read
 * a CSV without a catalog: columns timestamp, series, good and total, series `api`, unless `over`
 * says otherwise.
 */
import type { SliMapping } from '../../src/ingest/catalog/model.ts';

export function sliMapping(over: Partial<SliMapping> = {}): SliMapping {
  return {
    source: 'x.csv',
    timestampColumn: 'timestamp',
    seriesColumn: 'series',
    series: 'api',
    good: 'good',
    bad: null,
    total: 'total',
    value: null,
    threshold: null,
    timezone: null,
    stepMs: null,
    duplicates: 'error',
    layout: null,
    timeFormat: 'auto',
    ...over,
  };
}
