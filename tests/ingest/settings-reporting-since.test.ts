import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostic.ts';
import { parseSettings } from '../../src/ingest/settings.ts';

describe('reportingSince in data/ledger.yaml (SPEC §4)', () => {
  it('is a day, kept as written until the report knows the zone', () => {
    expect(parseSettings('data/ledger.yaml', 'reportingSince: 2025-01-01\n').settings?.reportingSince).toBe(
      '2025-01-01',
    );
  });

  it('is null when absent', () => {
    expect(parseSettings('data/ledger.yaml', 'title: Acme\n').settings?.reportingSince).toBeNull();
  });

  it('refuses a day that does not exist, at its line', () => {
    const { settings, diagnostics } = parseSettings(
      'data/ledger.yaml',
      'title: Acme\nreportingSince: 2025-02-30\n',
    );
    expect(settings).toBeNull();
    expect(diagnostics.map(formatDiagnostic).join('\n')).toContain('data/ledger.yaml:2:');
  });
});
