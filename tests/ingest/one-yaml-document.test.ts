/**
 * A YAML file that holds one document (settings, a native SLO file, exclusions, a postmortem's
 * front matter) refuses a second one at its `---` line: before, everything after it was silently
 * dropped (`check` read 4,004 rows for 1 SLO and said 0 errors). OpenSLO files stay multi-document.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/ingest/diagnostic.ts';
import { parseExclusions } from '../../src/ingest/exclusions.ts';
import { parsePostmortem } from '../../src/ingest/postmortem-files.ts';
import { parseSettings } from '../../src/ingest/settings.ts';
import { parseSloCatalog } from '../../src/ingest/catalog/read.ts';

const read = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const text = (d: readonly Diagnostic[]) => d.map(formatDiagnostic).join('\n');

describe('one YAML document per file', () => {
  it('refuses a native SLO file holding two services, at the second ---', () => {
    const r = parseSloCatalog([
      { file: 'data/slos/checkout.yaml', text: read('slos/two-documents-second-service-ignored.yaml') },
    ]);
    expect(r.catalog.entries).toEqual([]);
    expect(text(r.diagnostics)).toMatchInlineSnapshot(`
      "data/slos/checkout.yaml:14:1: error: a second YAML document starts here; this file holds one document, and everything after this line would be ignored [yaml-second-document]
        hint: remove the \`---\` line to keep one document, or move what follows it into a file of its own"
    `);
  });

  it('accepts a leading and a trailing --- with nothing after it', () => {
    const r = parseSloCatalog([
      { file: 'data/slos/checkout.yaml', text: read('slos/trailing-document-marker.yaml') },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.catalog.entries.map((e) => e.slo.id)).toEqual(['checkout-availability']);
  });

  it('refuses a second document in the settings', () => {
    const r = parseSettings('data/ledger.yaml', read('settings/second-document-never-read.yaml'));
    expect(r.settings).toBeNull();
    expect(text(r.diagnostics)).toMatchInlineSnapshot(`
      "data/ledger.yaml:3:1: error: a second YAML document starts here; this file holds one document, and everything after this line would be ignored [yaml-second-document]
        hint: remove the \`---\` line to keep one document, or move what follows it into a file of its own"
    `);
  });

  it('refuses a second list of exclusions', () => {
    const r = parseExclusions('data/exclusions.yaml', read('exclusions/second-list-after-dashes.yaml'));
    expect(r.exclusions).toEqual([]);
    expect(text(r.diagnostics)).toMatchInlineSnapshot(`
      "data/exclusions.yaml:6:1: error: a second YAML document starts here; this file holds one document, and everything after this line would be ignored [yaml-second-document]
        hint: remove the \`---\` line to keep one document, or move what follows it into a file of its own"
    `);
  });

  it('refuses a second document inside front matter (after a ... end marker)', () => {
    const r = parsePostmortem({
      file: 'content/postmortems/x.md',
      slug: 'x',
      text: '---\ntitle: X\nstatus: draft\n...\nseverity: SEV2\n---\n\n## Summary\n',
    });
    expect(r.result).toBeNull();
    expect(text(r.diagnostics)).toMatchInlineSnapshot(`
      "content/postmortems/x.md:5:1: error: a second YAML document starts here; this file holds one document, and everything after this line would be ignored [yaml-second-document]
        hint: remove the \`---\` line to keep one document, or move what follows it into a file of its own"
    `);
  });

  it('keeps OpenSLO files multi-document by design', () => {
    const r = parseSloCatalog([
      { file: 'data/slos/x.yaml', text: read('openslo/services-slis-slos-across-documents.yaml') },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.catalog.entries.length).toBe(4);
  });
});

describe('a service without SLOs', () => {
  it('is a service with no catalog entries, written as slos: []', () => {
    const r = parseSloCatalog([
      { file: 'data/slos/status-page.yaml', text: read('slos/service-without-slos.yaml') },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.catalog).toEqual({
      services: [{ id: 'status-page', owner: 'Kim Ito', team: 'web' }],
      entries: [],
    });
  });

  it('or with no slos key at all', () => {
    const r = parseSloCatalog([
      { file: 'data/slos/billing-batch.yaml', text: read('slos/service-without-slos-key.yaml') },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.catalog.services.map((s) => s.id)).toEqual(['billing-batch']);
  });
});
