/**
 * The CI workflows of SPEC §1 ("scheduled CI job") and issue 7. They cannot run here, so their
 * structure is checked: triggers, permissions, and the steps that check, build and deploy.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

async function workflow(name: string): Promise<Workflow> {
  return parse(
    await readFile(new URL(`../../.github/workflows/${name}`, import.meta.url), 'utf8'),
  ) as Workflow;
}

const runs = (job: Job | undefined) =>
  (job?.steps ?? []).map((s) => s.run).filter((r): r is string => r !== undefined);
const uses = (job: Job | undefined) =>
  (job?.steps ?? []).map((s) => s.uses?.replace(/@.*/, '')).filter((u): u is string => u !== undefined);

describe('.github/workflows/publish.yml', () => {
  it('runs on a push to main, on a daily schedule, and by hand', async () => {
    const w = await workflow('publish.yml');
    expect(w.on['push']).toEqual({ branches: ['main'] });
    const schedule = w.on['schedule'] as { cron: string }[];
    expect(schedule).toHaveLength(1);
    // minute hour * * *: once a day.
    expect(schedule[0]?.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    expect(w.on).toHaveProperty('workflow_dispatch');
  });

  it('may deploy to Pages, and commit the rows it pulled', async () => {
    const w = await workflow('publish.yml');
    expect(w.permissions).toEqual({ contents: 'write', pages: 'write', 'id-token': 'write' });
  });

  it('pulls from Prometheus and commits the new rows only when the URL secret is set (issue 14)', async () => {
    const w = await workflow('publish.yml');
    const build = w.jobs['build'] as Job & { env?: Record<string, string> };
    expect(build.env?.['LEDGER_PROMETHEUS_URL']).toBe('${{ secrets.LEDGER_PROMETHEUS_URL }}');
    const pull = build.steps.find((s) => s.run?.startsWith('npm run pull'));
    const commit = build.steps.find((s) => s.run?.includes('git commit') || s.run?.includes('commit -m'));
    expect((pull as { if?: string } | undefined)?.if).toBe("env.LEDGER_PROMETHEUS_URL != ''");
    expect((commit as { if?: string } | undefined)?.if).toBe("env.LEDGER_PROMETHEUS_URL != ''");
    expect(commit?.run).toContain('SLI rows from Prometheus, ${period');
    // Pulled before anything is checked or built.
    const order = build.steps.map((s) => s.run ?? s.uses ?? '');
    expect(order.findIndex((r) => r.startsWith('npm run pull'))).toBeLessThan(
      order.indexOf('npm run check -- --format github'),
    );
  });

  it('installs with Node from .nvmrc, checks with annotations, builds, then uploads and deploys dist/', async () => {
    const w = await workflow('publish.yml');
    const build = w.jobs['build'];
    expect(uses(build)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
    ]);
    expect(build?.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toEqual({
      'node-version-file': '.nvmrc',
    });
    expect(runs(build).filter((r) => !r.includes('pull') && !r.includes('git '))).toEqual([
      'npm install',
      'npm run check -- --format github',
      'npm run build',
    ]);
    expect(build?.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({
      path: 'dist',
    });
    const deploy = w.jobs['deploy'];
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(uses(deploy)).toEqual(['actions/deploy-pages']);
  });
});

describe('.github/workflows/check.yml', () => {
  it('checks every pull request with annotations, and builds without deploying', async () => {
    const w = await workflow('check.yml');
    expect(Object.keys(w.on)).toEqual(['pull_request']);
    expect(w.permissions).toEqual({ contents: 'read' });
    const job = Object.values(w.jobs)[0];
    expect(runs(job)).toEqual(['npm install', 'npm run check -- --format github', 'npm run build']);
    expect(uses(job)).not.toContain('actions/deploy-pages');
  });

  it('names only npm scripts that exist', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const file of ['publish.yml', 'check.yml']) {
      const w = await workflow(file);
      for (const job of Object.values(w.jobs)) {
        for (const run of runs(job)) {
          const script = /^npm run (\S+)/.exec(run)?.[1];
          if (script) expect(pkg.scripts, `${file}: ${run}`).toHaveProperty(script);
        }
      }
    }
  });
});
