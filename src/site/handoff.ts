/**
 * How the site receives the ledger the CLI loaded, without reading or parsing any input again.
 *
 * `npm run build` and `npm run dev` load the ledger (src/ingest/load-ledger.ts) and call Astro in
 * the same process. Astro evaluates the content config and the pages in its own module graph, so
 * a module-level variable would be a second, empty copy; the hand-off goes through `globalThis`
 * under a registered symbol, which both graphs share. Nothing is serialised: SLI series stay in
 * the process, out of Astro's content store.
 */
import type { Ledger } from '../ingest/load-ledger.ts';
import type { LedgerPaths } from '../ingest/ledger-paths.ts';

/** What one build (or dev server) renders. */
export interface SiteInput {
  ledger: Ledger;
  /** `--as-of`; undefined: the end of the data. */
  asOfMs: number | undefined;
}

export interface SiteSource {
  /** The ledger's folders, known before it is loaded (for the review narratives' collection). */
  paths: LedgerPaths;
  /** The loaded ledger: the same object until `invalidate` is called. */
  get(): Promise<SiteInput>;
  /** `npm run dev`: an input changed, so the next `get` loads the ledger again. */
  invalidate?(): void;
}

const KEY = Symbol.for('reliability-ledger.site-source');
const registry = globalThis as { [KEY]?: SiteSource };

/** Called by the CLI before it starts Astro. */
export function handOverSite(source: SiteSource): void {
  registry[KEY] = source;
}

/** The source the CLI handed over; undefined when Astro runs on its own (`astro check`). */
export function siteSource(): SiteSource | undefined {
  return registry[KEY];
}

/** The ledger to render; an error when Astro was started without the CLI. */
export function receiveSite(): Promise<SiteInput> {
  const source = siteSource();
  if (source === undefined)
    throw new Error('no ledger was handed to the site: build it with npm run build, or npm run dev');
  return source.get();
}
