import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostic.ts';
import { parseExclusions } from '../../src/ingest/exclusions.ts';

describe('exclusion windows', () => {
  it('reads a window with its reason and approver', () => {
    const { exclusions, diagnostics } = parseExclusions(
      'data/exclusions.yaml',
      '- services: [checkout-api]\n  start: 2026-08-01T00:00:00Z\n  end: 2026-08-01T04:00:00+01:00\n  reason: Planned migration\n  approvedBy: Dana Ruiz\n',
    );
    expect(diagnostics).toEqual([]);
    // 04:00+01:00 is 03:00Z: a three-hour window.
    expect(exclusions).toEqual([
      {
        slos: [],
        services: ['checkout-api'],
        startMs: Date.UTC(2026, 7, 1),
        endMs: Date.UTC(2026, 7, 1, 3),
        reason: 'Planned migration',
        approvedBy: 'Dana Ruiz',
      },
    ]);
  });

  it('refuses times that do not exist instead of rolling them over', async () => {
    const text = await readFile(
      new URL('../fixtures/exclusions/impossible-times.yaml', import.meta.url),
      'utf8',
    );
    expect(parseExclusions('data/exclusions.yaml', text).diagnostics.map(formatDiagnostic).join('\n'))
      .toMatchInlineSnapshot(`
      "data/exclusions.yaml:2:10: error: [0].start: "2026-05-02T24:00:00Z" is not a real time: write ISO 8601 with an offset, e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00 [schema]
        hint: see the field reference in README.md
      data/exclusions.yaml:3:8: error: [0].end: "2026-04-31T00:00:00Z" is not a real time: write ISO 8601 with an offset, e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00 [schema]
        hint: see the field reference in README.md"
    `);
  });
});
