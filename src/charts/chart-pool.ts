/**
 * Worker threads that draw charts, so that a build with thousands of charts uses every core
 * (`os.availableParallelism()`). Each thread loads Vega once and draws one chart at a time; the
 * threads start on demand and keep the process alive only while they have work. A chart's SVG
 * does not depend on the thread that drew it.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartAnswer, ChartJob } from './chart-thread.ts';
import type { SvgA11y } from './svg-markup.ts';

/** Set by astro.config.mjs: inside Astro's bundle this module no longer sits beside the thread's file. */
export const CHART_THREAD_ENV = 'LEDGER_CHART_THREAD';
/** Overrides the number of chart threads (0 or 1 draws on the calling thread). */
export const CHART_THREADS_ENV = 'LEDGER_CHART_THREADS';
/** Each thread holds its own Vega (about 60 MB): more than this buys little and costs memory. */
const MAX_THREADS = 8;

/** The chart itself could not be drawn (as opposed to a thread that failed). */
export class ChartDrawError extends Error {
  readonly warnings: string[];
  constructor(message: string, warnings: string[]) {
    super(message);
    this.warnings = warnings;
  }
}

export interface ChartPool {
  /** The chart's SVG and the warnings Vega gave; rejects when no thread could draw it. */
  draw(spec: TopLevelSpec, a11y: SvgA11y, idPrefix: string): Promise<{ svg: string; warnings: string[] }>;
  /** Threads started so far. */
  readonly started: number;
}

interface Slot {
  worker: Worker;
  job: { id: number; resolve: (a: ChartAnswer) => void; reject: (e: Error) => void } | null;
}

/** The thread count to use: LEDGER_CHART_THREADS, else every core up to MAX_THREADS. */
export function chartThreadCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env[CHART_THREADS_ENV]);
  if (env[CHART_THREADS_ENV] !== undefined && Number.isInteger(asked) && asked >= 0) return asked;
  return Math.min(availableParallelism(), MAX_THREADS);
}

/** The thread's entry file, or null when none can be found (the caller then draws itself). */
export function chartThreadFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'chart-thread.ts');
  if (existsSync(beside)) return beside;
  const told = env[CHART_THREAD_ENV];
  return told !== undefined && existsSync(told) ? told : null;
}

export function createChartPool(size: number, file: string): ChartPool {
  const slots: Slot[] = [];
  const queue: { job: ChartJob; resolve: (a: ChartAnswer) => void; reject: (e: Error) => void }[] = [];
  let nextId = 0;

  function retire(slot: Slot, error: Error): void {
    const i = slots.indexOf(slot);
    if (i !== -1) slots.splice(i, 1);
    slot.job?.reject(error);
    slot.job = null;
    void slot.worker.terminate();
    // A thread that cannot start fails the queue too, rather than failing every chart in turn.
    if (slots.length === 0) for (const q of queue.splice(0)) q.reject(error);
  }

  function start(): Slot {
    // A chart needs a few MB; unbounded, each thread's heap grew to over 200 MB between
    // collections on a large build. A thread that runs out is retired and the chart drawn here.
    const worker = new Worker(file, {
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    });
    const slot: Slot = { worker, job: null };
    worker.on('message', (answer: ChartAnswer) => {
      const job = slot.job;
      slot.job = null;
      if (job !== null && job.id === answer.id) job.resolve(answer);
      dispatch();
    });
    worker.on('error', (e) => retire(slot, e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => retire(slot, new Error(`chart thread exited with code ${code}`)));
    slots.push(slot);
    return slot;
  }

  function dispatch(): void {
    while (queue.length > 0) {
      let slot = slots.find((s) => s.job === null);
      if (slot === undefined && slots.length < size) slot = start();
      if (slot === undefined) break;
      const next = queue.shift();
      if (next === undefined) break;
      slot.job = { id: next.job.id, resolve: next.resolve, reject: next.reject };
      slot.worker.postMessage(next.job);
    }
    // Idle threads do not keep the process alive; busy ones do, or Node would exit mid-build.
    for (const s of slots) {
      if (s.job === null) s.worker.unref();
      else s.worker.ref();
    }
  }

  return {
    get started() {
      return slots.length;
    },
    draw(spec, a11y, idPrefix) {
      return new Promise((resolve, reject) => {
        const job: ChartJob = {
          id: nextId++,
          spec,
          a11y: { title: a11y.title, description: a11y.description },
          idPrefix,
        };
        queue.push({
          job,
          resolve: (answer) => {
            if (answer.ok) resolve({ svg: answer.svg, warnings: answer.warnings });
            else reject(new ChartDrawError(answer.message, answer.warnings));
          },
          reject,
        });
        dispatch();
      });
    },
  };
}
