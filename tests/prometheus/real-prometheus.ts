/**
 * A real Prometheus for the tests: the OpenMetrics fixture is backfilled into a fresh TSDB with
 * `promtool tsdb create-blocks-from openmetrics`, and `prometheus` serves it on a free loopback
 * port until `stop()`. Debian's `prometheus` package has both (.ci/run installs it).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface RealPrometheus {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPrometheus(openMetricsFile: string): Promise<RealPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-prometheus-'));
  const tsdb = join(dir, 'tsdb');
  try {
    await promisify(execFile)('promtool', [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      openMetricsFile,
      tsdb,
    ]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('promtool is not installed: apt-get install -y prometheus (.ci/run does it)');
    throw e;
  }
  const config = join(dir, 'prometheus.yml');
  await writeFile(config, 'global:\n  scrape_interval: 1m\nscrape_configs: []\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${tsdb}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // The fixture is from 2026-03; retention counts from the newest block, but be explicit.
      '--storage.tsdb.retention.time=100y',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`prometheus did not become ready on ${url}:\n${log}`);
}
