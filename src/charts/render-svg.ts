/**
 * The one function that draws: Vega-Lite spec → Vega spec → SVG string, at build time and without
 * a browser or canvas (SPEC §9). The output depends on the spec and the words only, so it is cached
 * by their hash in memory and on disk, and an unchanged chart costs nothing on a rebuild.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vega from 'vega';
import { parse, version as vegaVersion, View, type Spec as VegaSpec } from 'vega';
import { compile as compileVegaLite, version as vegaLiteVersion, type TopLevelSpec } from 'vega-lite';
import { finishSvg, type SvgA11y } from './svg-markup.ts';

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
}

export type RenderChartSvg = (spec: TopLevelSpec, a11y: ChartA11y) => Promise<string>;

/**
 * Vega measures text with the `canvas` package when it can load it and estimates widths otherwise.
 * Charts must not change because a dependency happened to install canvas, so the estimate is
 * always used (the typings do not declare `textMetrics`, hence the narrowing).
 */
function useEstimatedTextWidths(): void {
  const metrics = (vega as unknown as { textMetrics?: { canvas?: (use: boolean) => void } }).textMetrics;
  metrics?.canvas?.(false);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function loggerFor(onWarning: (message: string) => void) {
  let level = 0;
  const text = (args: readonly unknown[]): string => args.map(String).join(' ');
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      throw new Error(text(args));
    },
    warn(...args: readonly unknown[]) {
      onWarning(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

export function createChartRenderer(options: ChartRendererOptions = {}): RenderChartSvg {
  const cacheDir = options.cacheDir ?? null;
  const onWarning = options.onWarning ?? (() => {});
  const logger = loggerFor(onWarning);
  const compile = options.compile ?? ((spec: TopLevelSpec) => compileVegaLite(spec, { logger }).spec);
  const memory = new Map<string, Promise<string>>();

  async function draw(spec: TopLevelSpec, a11y: ChartA11y, idPrefix: string): Promise<string> {
    useEstimatedTextWidths();
    const view = new View(parse(compile(spec)), { renderer: 'none', logger, logLevel: 2 });
    try {
      return finishSvg(await view.toSVG(), a11y, idPrefix);
    } finally {
      view.finalize();
    }
  }

  async function readCached(file: string): Promise<string | null> {
    try {
      return await readFile(file, 'utf8');
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
      if (cached !== null) return cached;
    }
    // Ids come from the spec and the title only — never random — so the same chart keeps its ids.
    const idPrefix = `chart-${sha256(JSON.stringify([spec, a11y.title])).slice(0, 10)}`;
    const svg = await draw(spec, a11y, idPrefix);
    if (file !== null) await writeCached(file, svg);
    return svg;
  }

  return (spec, a11y) => {
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
}

let defaultRenderer: RenderChartSvg | null = null;

/**
 * Renders a Vega-Lite spec to inline SVG named by `a11y`. The disk cache lives in
 * `node_modules/.cache/reliability-ledger/charts/` under the working directory, or in
 * `LEDGER_CHART_CACHE`.
 */
export function renderChartSvg(spec: TopLevelSpec, a11y: ChartA11y): Promise<string> {
  defaultRenderer ??= createChartRenderer({
    cacheDir: path.resolve(process.env['LEDGER_CHART_CACHE'] || DEFAULT_CHART_CACHE_DIR),
  });
  return defaultRenderer(spec, a11y);
}
