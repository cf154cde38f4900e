import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  diagnoseDeploymentReferences,
  readDeploymentCsv,
  readDeployments,
  type DeploymentLog,
} from '../../src/ingest/deployments.ts';
import { formatDiagnostic } from '../../src/ingest/diagnostic.ts';
import { parsePostmortem } from '../../src/ingest/postmortem-files.ts';

const dir = fileURLToPath(new URL('../fixtures/deployments/', import.meta.url));
const SERVICES = ['checkout-api', 'search-api'];
const at = (iso: string) => Date.parse(iso);

async function read(name: string) {
  const log: DeploymentLog = { deployments: [], diagnostics: [], files: 0, rows: 0 };
  await readDeploymentCsv(
    { path: `${dir}${name}`, display: `data/deployments/${name}` },
    { services: new Set(SERVICES), seen: new Map() },
    log,
  );
  return { ...log, text: log.diagnostics.map(formatDiagnostic).join('\n') };
}

describe('reading the deployment log', () => {
  it('reads a BOM, CRLF, offsets, epoch seconds, a quoted id, an empty kind and an empty committed_at', async () => {
    const r = await read('bom-crlf-offsets-empty-kind-and-commit.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.rows).toBe(4);
    expect(r.deployments).toEqual([
      {
        id: 'd-1',
        service: 'checkout-api',
        deployedMs: at('2026-07-01T10:00:00Z'),
        committedMs: at('2026-07-01T08:00:00Z'),
        status: 'success',
        kind: 'change',
      },
      // 12:00+01:00 is 11:00Z; an empty kind is a change.
      {
        id: 'd-2',
        service: 'checkout-api',
        deployedMs: at('2026-07-01T11:00:00Z'),
        committedMs: at('2026-07-01T09:30:00Z'),
        status: 'failed',
        kind: 'change',
      },
      // An empty committed_at is allowed: no lead time.
      {
        id: 'd-3',
        service: 'search-api',
        deployedMs: at('2026-07-02T09:00:00Z'),
        committedMs: null,
        status: 'success',
        kind: 'hotfix',
      },
      // 1782986400 s is 2026-07-02T10:00:00Z (checked with new Date(1782986400e3)).
      {
        id: 'd-4',
        service: 'checkout-api',
        deployedMs: at('2026-07-02T10:00:00Z'),
        committedMs: at('2026-07-02T08:00:00Z'),
        status: 'rolled-back',
        kind: 'change',
      },
    ]);
  });

  it('keeps a deployment committed after it was deployed, with a warning', async () => {
    const r = await read('committed-after-deployed.csv');
    expect(r.deployments.map((d) => d.id)).toEqual(['d-1']);
    expect(r.text).toMatchInlineSnapshot(`
      "data/deployments/committed-after-deployed.csv:2:4: warning: committed_at 2026-07-01T11:30:00Z is after deployed_at 2026-07-01T10:00:00Z, so deployment d-1 has no lead time [deployment-committed-after-deployed]
        hint: check the export for swapped columns or a clock in another zone; such a deployment still counts, without a lead time"
    `);
  });

  it('reads every CSV under the folder and finds an id repeated across files', async () => {
    const log = await readDeployments(
      `${dir}duplicate-id-across-files`,
      (abs) => abs.slice(abs.indexOf('duplicate-id-across-files')),
      SERVICES,
    );
    expect(log.files).toBe(2);
    expect(log.deployments.map((d) => d.id)).toEqual(['d-1', 'd-2']);
    expect(log.diagnostics.map(formatDiagnostic).join('\n')).toMatchInlineSnapshot(`
      "duplicate-id-across-files/2026-08.csv:3:1: error: deployment id d-1 appears twice: duplicate-id-across-files/2026-07.csv:2 and line 3 [deployment-duplicate-id]
        hint: deployment ids are unique across data/deployments/; remove the repeated row or rename one"
    `);
  });

  it('a missing folder is an empty log, not an error', async () => {
    expect(await readDeployments(`${dir}no-such-folder`, (abs) => abs, SERVICES)).toEqual({
      deployments: [],
      diagnostics: [],
      files: 0,
      rows: 0,
    });
  });
});

describe('bad deployment rows become diagnostics with file, line, column and a hint', () => {
  it('an unknown status and an unknown kind, with the nearest value', async () => {
    const r = await read('unknown-status-and-kind.csv');
    expect(r.deployments.map((d) => d.id)).toEqual(['d-3']);
    expect(r.text).toMatchInlineSnapshot(`
      "data/deployments/unknown-status-and-kind.csv:2:5: error: status "succeeded" is not one of success, failed, rolled-back [deployment-unknown-status]
        hint: write success; status is one of success | failed | rolled-back
      data/deployments/unknown-status-and-kind.csv:3:6: error: kind "revert" is not one of change, hotfix, rollback [deployment-unknown-kind]
        hint: kind is one of change | hotfix | rollback"
    `);
  });

  it('a time without a zone, one that is not a time, and a date that does not exist', async () => {
    const r = await read('zoneless-and-unreadable-times.csv');
    expect(r.deployments).toEqual([]);
    expect(r.text).toMatchInlineSnapshot(`
      "data/deployments/zoneless-and-unreadable-times.csv:2:3: error: deployed_at "2026-07-01 10:00:00" has no time zone [deployment-bad-time]
        hint: add the offset the export was written in, e.g. 2026-07-01T10:00:00Z for UTC
      data/deployments/zoneless-and-unreadable-times.csv:3:4: error: committed_at "yesterday" is not a time [deployment-bad-time]
        hint: use ISO 8601 with an offset, e.g. 2026-08-14T09:00:00Z
      data/deployments/zoneless-and-unreadable-times.csv:4:3: error: deployed_at "2026-02-30T11:00:00Z" is not a time [deployment-bad-time]
        hint: use ISO 8601 with an offset, e.g. 2026-08-14T09:00:00Z"
    `);
  });

  it('a service that is not in the catalog, with the nearest id when there is one', async () => {
    expect((await read('unknown-service.csv')).text).toMatchInlineSnapshot(`
      "data/deployments/unknown-service.csv:2:2: error: service "chekout-api" is not in the SLO catalog (data/slos/) [deployment-unknown-service]
        hint: did you mean checkout-api?
      data/deployments/unknown-service.csv:3:2: error: service "billing" is not in the SLO catalog (data/slos/) [deployment-unknown-service]
        hint: use a service id from data/slos/ (checkout-api, search-api)"
    `);
  });

  it('the same id twice in a file, naming both lines; the first row counts', async () => {
    const r = await read('duplicate-id.csv');
    expect(r.deployments.map((d) => `${d.id} ${d.status}`)).toEqual(['d-1 success', 'd-2 success']);
    expect(r.text).toMatchInlineSnapshot(`
      "data/deployments/duplicate-id.csv:4:1: error: deployment id d-1 appears twice: lines 2 and 4 [deployment-duplicate-id]
        hint: deployment ids are unique across data/deployments/; remove the repeated row or rename one"
    `);
  });

  it('empty required values', async () => {
    expect((await read('missing-values.csv')).text).toMatchInlineSnapshot(`
      "data/deployments/missing-values.csv:2:1: error: id is empty [deployment-missing-value]
        hint: every deployment needs an id, a service, deployed_at and a status; only committed_at and kind may be empty
      data/deployments/missing-values.csv:3:2: error: service is empty [deployment-missing-value]
        hint: every deployment needs an id, a service, deployed_at and a status; only committed_at and kind may be empty
      data/deployments/missing-values.csv:3:3: error: deployed_at is empty [deployment-missing-value]
        hint: every deployment needs an id, a service, deployed_at and a status; only committed_at and kind may be empty
      data/deployments/missing-values.csv:3:5: error: status is empty [deployment-missing-value]
        hint: every deployment needs an id, a service, deployed_at and a status; only committed_at and kind may be empty"
    `);
  });

  it('a header without the required columns, with the column to rename', async () => {
    const r = await read('missing-column.csv');
    expect(r.rows).toBe(0);
    expect(r.text).toMatchInlineSnapshot(`
      "data/deployments/missing-column.csv:1:1: error: the header has no column "deployed_at" (columns: "id", "service", "deployed", "committed_at", "state") [deployment-missing-column]
        hint: rename the column "deployed" to deployed_at
      data/deployments/missing-column.csv:1:1: error: the header has no column "status" (columns: "id", "service", "deployed", "committed_at", "state") [deployment-missing-column]
        hint: rename the column "state" to status"
    `);
  });

  it('an empty file', async () => {
    expect((await read('empty.csv')).text).toMatchInlineSnapshot(`
      "data/deployments/empty.csv: error: data/deployments/empty.csv is empty [csv-empty]
        hint: a deployment log needs the header line id,service,deployed_at,committed_at,status,kind and one row per deployment"
    `);
  });

  it('a quote that is never closed', async () => {
    const r = await read('unclosed-quote.csv');
    expect(r.deployments.map((d) => d.id)).toEqual(['d-1']);
    expect(r.text).toMatchInlineSnapshot(`
      "data/deployments/unclosed-quote.csv:3:1: error: Quote Not Closed: the parsing is finished with an opening quote at line 3 [csv-syntax]
        hint: check quoting: a field containing the delimiter must be quoted"
    `);
  });
});

describe('postmortems that name a deployment', () => {
  it('warn at the deployment field when the log does not have the id, with the nearest one', async () => {
    const name = 'postmortem-names-unknown-deployment.md';
    const file = `tests/fixtures/deployments/${name}`;
    const { result } = parsePostmortem({ file, slug: 'x', text: await readFile(`${dir}${name}`, 'utf8') });
    if (result === null) throw new Error('fixture does not parse');
    const log = await read('bom-crlf-offsets-empty-kind-and-commit.csv');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const text = (await diagnoseDeploymentReferences([result], log.deployments, root))
      .map(formatDiagnostic)
      .join('\n');
    expect(text).toMatchInlineSnapshot(`
      "tests/fixtures/deployments/postmortem-names-unknown-deployment.md:10:1: warning: deployment "d-7" is not in the deployment log (data/deployments/) [postmortem-unknown-deployment]
        hint: did you mean d-1?"
    `);
    expect(await diagnoseDeploymentReferences([result], [], root)).toEqual([]);
  });
});
