/**
 * The bench's input: a canonical long-layout export (`timestamp,series,good,total`) of ten
 * series with one row per series per minute, from a fixed seed, so every run reads the same bytes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../scripts/lib/prng.ts';

export const SERIES = Array.from({ length: 10 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);

export async function generateCanonicalCsv(path: string, rows: number, seed = 42): Promise<void> {
  const next = mulberry32(seed);
  const out = createWriteStream(path);
  const start = Date.UTC(2026, 0, 1);
  const minutes = Math.ceil(rows / SERIES.length);
  let written = 0;
  let batch = 'timestamp,series,good,total\n';
  for (let m = 0; m < minutes && written < rows; m++) {
    const ts = new Date(start + m * 60_000).toISOString().replace('.000Z', 'Z');
    for (const series of SERIES) {
      if (written++ >= rows) break;
      const total = 500 + Math.floor(next() * 1000);
      const bad = next() < 0.02 ? Math.floor(next() * 50) : 0;
      batch += `${ts},${series},${total - bad},${total}\n`;
    }
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}
