import { describe, expect, it } from 'vitest';
import { diagnose, formatGithubAnnotation, sortDiagnostics } from '../../src/ingest/diagnostic.ts';

describe('diagnostics in order', () => {
  it('sorts by file and line, whole-file problems first, "N more problems" last in its file', () => {
    const sorted = sortDiagnostics([
      diagnose(
        'csv-too-many-problems',
        { file: 'data/sli/a.csv' },
        '3 more problems in this file are not listed',
      ),
      diagnose('csv-negative', { file: 'data/sli/a.csv', line: 9, column: 3 }, 'good is -1'),
      diagnose('csv-empty', { file: 'data/sli/a.csv' }, 'the file is empty'),
      diagnose('csv-negative', { file: 'data/sli/a.csv', line: 4, column: 3 }, 'good is -2'),
      diagnose('yaml-syntax', { file: 'data/ledger.yaml', line: 2, column: 1 }, 'bad indentation'),
    ]);
    expect(sorted.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'data/ledger.yaml:2 yaml-syntax',
      'data/sli/a.csv:0 csv-empty',
      'data/sli/a.csv:4 csv-negative',
      'data/sli/a.csv:9 csv-negative',
      'data/sli/a.csv:0 csv-too-many-problems',
    ]);
  });

  it('escapes line breaks and percent signs in GitHub annotations', () => {
    const d = diagnose('csv-negative', { file: 'a.csv', line: 2, column: 3 }, '100% wrong\nreally', 'fix it');
    expect(formatGithubAnnotation(d)).toBe(
      '::error file=a.csv,line=2,col=3,title=csv-negative::100%25 wrong%0Areally — hint: fix it',
    );
  });
});
