/**
 * Worker thread entry of the chart pool (chart-pool.ts): draws the charts it is sent, one at a
 * time, with the same code as the main thread, and answers each with its SVG and its warnings.
 */
import { parentPort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { chartLogger, compileWith, drawChartSvg } from './chart-draw.ts';
import type { SvgA11y } from './svg-markup.ts';

export interface ChartJob {
  id: number;
  spec: TopLevelSpec;
  a11y: SvgA11y;
  idPrefix: string;
}

export type ChartAnswer =
  | { id: number; ok: true; svg: string; warnings: string[] }
  | { id: number; ok: false; message: string; warnings: string[] };

const port = parentPort;
if (port !== null) {
  let warnings: string[] = [];
  const logger = chartLogger((message) => warnings.push(message));
  const compile = compileWith(logger);
  port.on('message', (job: ChartJob) => {
    warnings = [];
    drawChartSvg(job.spec, job.a11y, job.idPrefix, compile, logger).then(
      (svg) => port.postMessage({ id: job.id, ok: true, svg, warnings } satisfies ChartAnswer),
      (e: unknown) =>
        port.postMessage({
          id: job.id,
          ok: false,
          message: e instanceof Error ? e.message : String(e),
          warnings,
        } satisfies ChartAnswer),
    );
  });
}
