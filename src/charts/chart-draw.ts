/**
 * Vega-Lite spec → Vega spec → SVG string, without a browser or canvas: what render-svg.ts runs in
 * its own thread and what each chart thread (chart-thread.ts) runs. Knows nothing of caches.
 */
import * as vega from 'vega';
import { parse, View, type Spec as VegaSpec } from 'vega';
import { compile as compileVegaLite, type TopLevelSpec } from 'vega-lite';
import { finishSvg, type SvgA11y } from './svg-markup.ts';

/**
 * Vega measures text with the `canvas` package when it can load it and estimates widths otherwise.
 * Charts must not change because a dependency happened to install canvas, so the estimate is
 * always used (the typings do not declare `textMetrics`, hence the narrowing).
 */
function useEstimatedTextWidths(): void {
  const metrics = (vega as unknown as { textMetrics?: { canvas?: (use: boolean) => void } }).textMetrics;
  metrics?.canvas?.(false);
}

export function chartLogger(onWarning: (message: string) => void) {
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

export type ChartLogger = ReturnType<typeof chartLogger>;

export function compileWith(logger: ChartLogger): (spec: TopLevelSpec) => VegaSpec {
  return (spec) => compileVegaLite(spec, { logger }).spec;
}

/** Draws one chart; ids in the markup start with `idPrefix`. */
export async function drawChartSvg(
  spec: TopLevelSpec,
  a11y: SvgA11y,
  idPrefix: string,
  compile: (spec: TopLevelSpec) => VegaSpec,
  logger: ChartLogger,
): Promise<string> {
  useEstimatedTextWidths();
  const view = new View(parse(compile(spec)), { renderer: 'none', logger, logLevel: 2 });
  try {
    return finishSvg(await view.toSVG(), a11y, idPrefix);
  } finally {
    view.finalize();
  }
}
