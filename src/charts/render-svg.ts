/**
 * The one function that draws: Vega-Lite spec → Vega spec → SVG string, at build time and without
 * a browser or canvas (SPEC §9). The output depends on the spec and the words only, so it is cached
 * by their hash in memory and on disk, and an unchanged chart costs nothing on a rebuild.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { version as vegaVersion, type Spec as VegaSpec } from 'vega';
import { version as vegaLiteVersion, type TopLevelSpec } from 'vega-lite';
import { chartLogger, compileWith, drawChartSvg } from './chart-draw.ts';
import {
  ChartDrawError,
  chartThreadCount,
  chartThreadFile,
  createChartPool,
  type ChartPool,
} from './chart-pool.ts';
import type { SvgA11y } from './svg-markup.ts';

export type ChartA11y = SvgA11y;

/** Where rendered charts are kept between builds unless LEDGER_CHART_CACHE says otherwise. */
export const DEFAULT_CHART_CACHE_DIR = path.join('node_modules', '.cache', 'reliability-ledger', 'charts');

/** Bump when the post-processing changes, so that cached SVG from an older renderer is not reused. */
const RENDERER_REVISION = 1;

export interface ChartRendererOptions {
  /** Directory of the disk cache; null keeps the cache in memory only. */
  cacheDir?: string | null;
  /** Vega-Lite → Vega; replaced in tests to count how often the renderer really draws. */
  compile?: (spec: TopLevelSpec) => VegaSpec;
  /** Called with every warning of Vega-Lite or Vega (the default ignores them). */
  onWarning?: (message: string) => void;
  /**
   * Threads that draw charts not in the cache (chart-pool.ts); 0 or 1 draws on the calling
   * thread, as does a custom `compile`. Default 0.
   */
  threads?: number;
}

/** What a renderer did so far: charts drawn, charts found in the disk cache, threads used. */
export interface ChartRenderStats {
  drawn: number;
  fromDisk: number;
  threads: number;
}

export type RenderChartSvg = ((spec: TopLevelSpec, a11y: ChartA11y) => Promise<string>) & {
  stats?: () => ChartRenderStats;
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function createChartRenderer(options: ChartRendererOptions = {}): RenderChartSvg {
  const cacheDir = options.cacheDir ?? null;
  const onWarning = options.onWarning ?? (() => {});
  const logger = chartLogger(onWarning);
  const compile = options.compile ?? compileWith(logger);
  const memory = new Map<string, Promise<string>>();
  const stats: ChartRenderStats = { drawn: 0, fromDisk: 0, threads: 0 };
  const threads = options.compile === undefined ? (options.threads ?? 0) : 0;
  const threadFile = threads > 1 ? chartThreadFile() : null;
  let pool: ChartPool | null = threadFile === null ? null : createChartPool(threads, threadFile);

  async function draw(spec: TopLevelSpec, a11y: ChartA11y, idPrefix: string): Promise<string> {
    stats.drawn++;
    if (pool !== null) {
      try {
        const { svg, warnings } = await pool.draw(spec, a11y, idPrefix);
        stats.threads = Math.max(stats.threads, pool.started);
        for (const w of warnings) onWarning(w);
        return svg;
      } catch (e) {
        if (e instanceof ChartDrawError) {
          for (const w of e.warnings) onWarning(w);
          throw new Error(e.message);
        }
        // A thread that cannot run (e.g. out of memory): this thread draws from now on.
        pool = null;
      }
    }
    stats.threads = Math.max(stats.threads, 1);
    return drawChartSvg(spec, a11y, idPrefix, compile, logger);
  }

  async function readCached(file: string): Promise<string | null> {
    try {
      const svg = await readFile(file, 'utf8');
      // Used now: kept by the end-of-build pruning (src/cli/cache-prune.ts).
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return svg;
    } catch {
      return null;
    }
  }

  /** A failed write costs the next build a render, never this build its success. */
  async function writeCached(file: string, svg: string): Promise<void> {
    try {
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a parallel build never reads half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, svg, 'utf8');
      await rename(temporary, file);
    } catch {
      // The cache is an optimisation.
    }
  }

  async function renderUncached(spec: TopLevelSpec, a11y: ChartA11y, key: string): Promise<string> {
    const file = cacheDir === null ? null : path.join(cacheDir, `${key}.svg`);
    if (file !== null) {
      const cached = await readCached(file);
      if (cached !== null) {
        stats.fromDisk++;
        return cached;
      }
    }
    // Ids come from the spec and the title only — never random — so the same chart keeps its ids.
    const idPrefix = `chart-${sha256(JSON.stringify([spec, a11y.title])).slice(0, 10)}`;
    const svg = await draw(spec, a11y, idPrefix);
    if (file !== null) await writeCached(file, svg);
    return svg;
  }

  const render: RenderChartSvg = (spec, a11y) => {
    const key = sha256(
      JSON.stringify([RENDERER_REVISION, vegaVersion, vegaLiteVersion, spec, a11y.title, a11y.description]),
    );
    let pending = memory.get(key);
    if (pending === undefined) {
      pending = renderUncached(spec, a11y, key);
      memory.set(key, pending);
      // A failure is not remembered: the next call tries again and reports its own error.
      pending.catch(() => memory.delete(key));
    }
    return pending;
  };
  render.stats = () => ({ ...stats });
  return render;
}

let defaultRenderer: RenderChartSvg | null = null;

/**
 * Astro bundles the pages with their own copy of this module, so the default renderer is also
 * registered on the global object, where the command that ran the build finds its figures.
 */
const STATS_KEY = Symbol.for('reliability-ledger.chart-stats');

/** What the default renderer of this process did so far (null when it drew nothing). */
export function defaultChartRenderStats(): ChartRenderStats | null {
  const read = (globalThis as Record<symbol, unknown>)[STATS_KEY];
  return typeof read === 'function' ? (read as () => ChartRenderStats)() : null;
}

/** The default renderer's disk cache folder. */
export function chartCacheDir(): string {
  return path.resolve(process.env['LEDGER_CHART_CACHE'] || DEFAULT_CHART_CACHE_DIR);
}

/**
 * Renders a Vega-Lite spec to inline SVG named by `a11y`. The disk cache lives in
 * `node_modules/.cache/reliability-ledger/charts/` under the working directory, or in
 * `LEDGER_CHART_CACHE`.
 */
export function renderChartSvg(spec: TopLevelSpec, a11y: ChartA11y): Promise<string> {
  defaultRenderer ??= createChartRenderer({
    cacheDir: chartCacheDir(),
    threads: chartThreadCount(),
  });
  (globalThis as Record<symbol, unknown>)[STATS_KEY] = defaultRenderer.stats;
  return defaultRenderer(spec, a11y);
}

/** One line for logs: "charts: 212 drawn on 2 threads, 3,353 unchanged from the cache". */
export function describeChartStats(s: ChartRenderStats): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const threads = s.threads > 1 ? ` on ${s.threads} threads` : '';
  return `charts: ${n(s.drawn)} drawn${threads}, ${n(s.fromDisk)} unchanged from the cache`;
}
