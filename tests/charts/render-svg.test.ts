import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildBurnDownChart,
  buildIncidentSliChart,
  buildIncidentTimelineChart,
  buildQuarterAttainmentChart,
  buildRollingAttainmentChart,
  buildSparkline,
  createChartRenderer,
  renderChart,
  type BuiltChart,
} from '../../src/charts/index.ts';
import { LONDON, Q3, burnDownConsumed, q3Daily } from './quarter-fixture.ts';

const slo = {
  name: 'Checkout requests succeed',
  objective: 0.999,
  series: { daily: q3Daily(burnDownConsumed, (i) => 0.999 + (i % 7) / 10_000) },
};
const burnDown = buildBurnDownChart(slo, Q3, {
  cal: LONDON,
  incidents: [{ id: 'x', title: 'Certificate rotation', startedMs: Date.UTC(2026, 7, 19, 8, 12) }],
});

const every: BuiltChart[] = [
  burnDown,
  buildRollingAttainmentChart(slo, Q3, LONDON),
  buildQuarterAttainmentChart(slo.name, [
    { quarterLabel: 'Apr–Jun 2026', attainment: null, objective: 0.999 },
    { quarterLabel: 'Jul–Sep 2026', attainment: 0.9987, objective: 0.999 },
  ]),
  buildIncidentTimelineChart(
    [
      {
        id: 'x',
        title: 'Certificate rotation',
        severity: 'SEV2',
        started: '2026-08-19T08:12:00Z',
        mitigated: '2026-08-19T09:02:00Z',
      },
    ],
    Q3,
    { cal: LONDON },
  ),
  buildIncidentSliChart(
    {
      sliName: slo.name,
      incident: {
        title: 'Certificate rotation',
        startedMs: Date.UTC(2026, 7, 19, 8, 12),
        mitigatedMs: Date.UTC(2026, 7, 19, 9, 2),
      },
      buckets: Array.from({ length: 12 }, (_, h) => ({
        startMs: Date.UTC(2026, 7, 19, 3 + h),
        good: h === 5 ? 900 : 999,
        total: 1000,
      })),
      objective: 0.999,
    },
    LONDON,
  ),
  buildSparkline(slo, LONDON),
];

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ledger-charts-'));
  temporaryDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The attributes of the root <svg> element. */
function rootAttributes(svg: string): Map<string, string> {
  const tag = /^<svg\b([^>]*)>/.exec(svg)?.[1] ?? '';
  return new Map([...tag.matchAll(/\s([^\s=]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function elementText(svg: string, tag: string, id: string): string | undefined {
  return new RegExp(`<${tag} id="${id}">([^<]*)</${tag}>`).exec(svg)?.[1];
}

describe('renderChartSvg', () => {
  it.each(every.map((c) => [c.kind, c] as const))(
    'renders the %s chart without warnings from Vega or Vega-Lite',
    async (_kind, chart) => {
      const warnings: string[] = [];
      const render = createChartRenderer({ onWarning: (w) => warnings.push(w) });
      const svg = await render(chart.spec, chart);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(warnings).toEqual([]);
    },
  );

  it('names the SVG itself: role="img" and aria-labelledby resolving to its <title> and <desc>', async () => {
    const svg = await createChartRenderer()(burnDown.spec, {
      title: 'Burn-down: A & B <C>',
      description: burnDown.description,
    });
    const root = rootAttributes(svg);
    expect(root.get('role')).toBe('img');
    const [titleId = '', descId = ''] = (root.get('aria-labelledby') ?? '').split(' ');
    expect(elementText(svg, 'title', titleId)).toBe('Burn-down: A &amp; B &lt;C&gt;');
    expect(elementText(svg, 'desc', descId)).toBe(burnDown.description);
    // The title and the description are the first children.
    expect(svg).toMatch(/^<svg[^>]*><title id="[^"]+">[^<]*<\/title><desc id="[^"]+">[^<]*<\/desc>/);
    // Inside an image, no element carries a role or label of its own.
    expect(svg.slice(svg.indexOf('</desc>'))).not.toMatch(/\s(role|aria-[a-z]+)="/);
  });

  it('is responsive: keeps the viewBox and drops the fixed width and height', async () => {
    const root = rootAttributes(await createChartRenderer()(burnDown.spec, burnDown));
    expect(root.get('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
    expect(root.has('width')).toBe(false);
    expect(root.has('height')).toBe(false);
  });

  it('contains no script and no event handler', async () => {
    for (const chart of every) {
      const svg = await createChartRenderer()(chart.spec, chart);
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('draws with currentColor and CSS variables, never a fixed colour', async () => {
    for (const chart of every) {
      const svg = await createChartRenderer()(chart.spec, chart);
      expect(svg).toContain('currentColor');
      expect(svg).toMatch(/style="[^"]*(fill|stroke):var\(--chart-[a-z0-9]+, currentColor\)/);
      expect(svg).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|\b(black|white)\b/i);
      // CSS variables are moved into style declarations, where every browser resolves them.
      expect(svg).not.toMatch(/\s(fill|stroke)="var\(/);
    }
  });

  it('is byte-identical across renders, whatever was rendered before', async () => {
    const first = await createChartRenderer()(burnDown.spec, burnDown);
    // Vega numbers clip paths from a process-wide counter; drawing others in between moves it on.
    for (const chart of every) await createChartRenderer()(chart.spec, chart);
    const second = await createChartRenderer()(burnDown.spec, burnDown);
    expect(second).toBe(first);
  });

  it('does not depend on the time zone of the machine that builds', async () => {
    const saved = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const utc = await createChartRenderer()(burnDown.spec, burnDown);
      process.env['TZ'] = 'America/New_York';
      const newYork = await createChartRenderer()(burnDown.spec, burnDown);
      expect(newYork).toBe(utc);
      // The axis reads in the site zone: London midnights, labelled as local dates.
      expect(utc).toContain('>19 Jul</text>');
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  it('gives each chart its own ids, derived from the spec and title', async () => {
    const ids = await Promise.all(
      every.map(async (chart) => {
        const svg = await createChartRenderer()(chart.spec, chart);
        return [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      }),
    );
    const all = ids.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => id?.startsWith('chart-'))).toBe(true);
  });
});

describe('chart threads', () => {
  it('draw every kind of chart byte for byte as the calling thread does', async () => {
    const here = createChartRenderer({ threads: 0 });
    const threaded = createChartRenderer({ threads: 2 });
    const [alone, spread] = await Promise.all([
      Promise.all(every.map((c) => here(c.spec, c))),
      Promise.all(every.map((c) => threaded(c.spec, c))),
    ]);
    expect(spread).toEqual(alone);
    expect(threaded.stats?.()).toEqual({ drawn: every.length, fromDisk: 0, threads: 2 });
  }, 60_000);

  it('report a chart that cannot be drawn as the calling thread does', async () => {
    // An expression that does not parse: Vega throws while building the view.
    const broken: TopLevelSpec = {
      data: { values: [{ a: 1 }] },
      transform: [{ calculate: 'datum.a +', as: 'b' }],
      mark: 'point',
      encoding: { x: { field: 'b', type: 'quantitative' } },
    };
    const here = await createChartRenderer({ threads: 0 })(broken, burnDown).catch((e: Error) => e.message);
    const there = await createChartRenderer({ threads: 2 })(broken, burnDown).catch((e: Error) => e.message);
    expect(here).not.toMatch(/^<svg/);
    expect(there).toBe(here);
  }, 60_000);
});

describe('the chart cache', () => {
  const countingCompile = () => vi.fn((spec: TopLevelSpec) => compile(spec).spec);

  it('renders a chart once per process: the second call is answered from memory', async () => {
    const compileSpy = countingCompile();
    const render = createChartRenderer({ compile: compileSpy });
    const [a, b] = await Promise.all([render(burnDown.spec, burnDown), render(burnDown.spec, burnDown)]);
    expect(await render(burnDown.spec, burnDown)).toBe(a);
    expect(b).toBe(a);
    expect(compileSpy).toHaveBeenCalledTimes(1);
  });

  it('keeps rendered SVG on disk, so a rebuild does not draw an unchanged chart again', async () => {
    const dir = temporaryDir();
    const firstCompile = countingCompile();
    const first = await createChartRenderer({ cacheDir: dir, compile: firstCompile })(
      burnDown.spec,
      burnDown,
    );
    expect(firstCompile).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.svg'))).toHaveLength(1);

    // A new process: a fresh renderer over the same directory.
    const secondCompile = countingCompile();
    const second = await createChartRenderer({ cacheDir: dir, compile: secondCompile })(
      burnDown.spec,
      burnDown,
    );
    expect(secondCompile).not.toHaveBeenCalled();
    expect(second).toBe(first);
  });

  it('draws again when the words change, since they are part of the SVG', async () => {
    const dir = temporaryDir();
    const compileSpy = countingCompile();
    const render = createChartRenderer({ cacheDir: dir, compile: compileSpy });
    await render(burnDown.spec, burnDown);
    const other = await render(burnDown.spec, { ...burnDown, description: 'Another sentence.' });
    expect(compileSpy).toHaveBeenCalledTimes(2);
    expect(other).toContain('<desc id="chart-');
    expect(other).toContain('>Another sentence.</desc>');
  });

  it('does not fail the build when the cache cannot be written', async () => {
    const dir = temporaryDir();
    const blocked = path.join(dir, 'a-file');
    writeFileSync(blocked, 'not a directory');
    const svg = await createChartRenderer({ cacheDir: path.join(blocked, 'charts') })(
      burnDown.spec,
      burnDown,
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(existsSync(path.join(blocked, 'charts'))).toBe(false);
  });
});

describe('renderChart', () => {
  it('returns the SVG with the title, description and table of the built chart', async () => {
    const rendered = await renderChart(burnDown, createChartRenderer());
    expect(rendered.kind).toBe('burn-down');
    expect(rendered.title).toBe(burnDown.title);
    expect(rendered.description).toBe(burnDown.description);
    expect(rendered.table).toBe(burnDown.table);
    expect(rendered.svg).toContain(`>${burnDown.title}</title>`);
  });
});
