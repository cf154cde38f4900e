/**
 * The baseline the ingest is measured against: the fastest obvious single-threaded reader, which
 * splits lines with indexOf and sums the count columns with Number(), checking nothing.
 * Prints one JSON line: { rows, ms, maxRssMb, good, total }.
 */
import { createReadStream } from 'node:fs';

const path = process.argv[2] ?? '';
const t0 = performance.now();
let rows = 0;
let good = 0;
let total = 0;
let carry = '';
let header = true;
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const text = carry + (chunk as string);
  let pos = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', pos)) {
    if (header) header = false;
    else {
      const c1 = text.indexOf(',', pos);
      const c2 = text.indexOf(',', c1 + 1);
      const c3 = text.indexOf(',', c2 + 1);
      good += Number(text.slice(c2 + 1, c3));
      total += Number(text.slice(c3 + 1, nl));
      rows++;
    }
    pos = nl + 1;
  }
  carry = text.slice(pos);
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, good, total }));
