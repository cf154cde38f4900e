/**
 * Preloaded into each process the bench measures (`node --import ./bench/peak-rss.ts …`): on exit,
 * writes the process's peak resident set size in kilobytes and its CPU time in microseconds
 * (worker threads included, since they share the process) to the file named by
 * BENCH_PEAK_RSS_FILE, as JSON.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_PEAK_RSS_FILE'];
if (file)
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }));
  });
