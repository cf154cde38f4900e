/**
 * Worker thread entry: parses one byte range of a large CSV export with its own csv-parse (the
 * same parseRange as the main thread) and sends back the partial buckets, transferring their
 * buffers rather than copying them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseRange, type RangeJob } from './range.ts';

const port = parentPort;
if (port !== null) {
  const job = workerData as RangeJob;
  try {
    const result = await parseRange(job, (bytes) => port.postMessage({ kind: 'progress', bytes }));
    const transfer = [
      ...new Set(
        result.consumers.flatMap((c) => [
          c.buckets.runs.buffer,
          ...c.buckets.counts.map((chunk) => chunk.buffer),
          ...(c.buckets.values ?? []).map((chunk) => chunk.buffer),
        ]),
      ),
    ];
    port.postMessage({ kind: 'done', result }, transfer);
  } catch (e) {
    port.postMessage({ kind: 'failed', message: (e as Error).message });
  }
}
