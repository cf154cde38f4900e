/**
 * The catalogue of every problem the ledger can report about its inputs: one place for the
 * user-facing words, so that they stay consistent and tests can pin them.
 */
import type { Severity } from './diagnostic.ts';

interface CodeEntry {
  severity: Severity;
  title: string;
  hint: string;
}

export const DIAGNOSTIC_CODES = {
  'file-unreadable': {
    severity: 'error',
    title: 'File cannot be read',
    hint: 'check that the path exists and is readable',
  },
  'yaml-syntax': {
    severity: 'error',
    title: 'YAML syntax error',
    hint: 'fix the indentation or quoting at this place; a YAML linter shows the exact spot',
  },
  'yaml-second-document': {
    severity: 'error',
    title: 'A second YAML document in a file that holds one',
    hint: 'remove the `---` line to keep one document, or move what follows it into a file of its own',
  },
  schema: {
    severity: 'error',
    title: 'Field does not match the schema',
    hint: 'see the field reference in README.md',
  },
  'unknown-key': {
    severity: 'error',
    title: 'Unknown key',
    hint: 'remove the key or correct its spelling',
  },
  'duplicate-slo-id': {
    severity: 'error',
    title: 'Duplicate SLO id',
    hint: 'SLO ids are unique across data/slos/; rename one of them',
  },
  'sli-source-missing': {
    severity: 'error',
    title: 'SLI source file not found',
    hint: 'sli.source is relative to the data directory, e.g. sli/checkout.csv',
  },
  'csv-syntax': {
    severity: 'error',
    title: 'CSV cannot be parsed',
    hint: 'check quoting: a field containing the delimiter must be quoted',
  },
  'csv-missing-column': {
    severity: 'error',
    title: 'Column not in the CSV header',
    hint: 'map the SLO to a column that exists in the header',
  },
  'csv-bad-timestamp': {
    severity: 'error',
    title: 'Timestamp cannot be read',
    hint: 'use ISO 8601 with an offset, e.g. 2026-08-14T09:00:00Z',
  },
  'csv-bad-number': {
    severity: 'error',
    title: 'Count is not a number',
    hint: 'counts are decimal numbers ≥ 0, e.g. 1203; use an empty field, null or NaN for a missing value',
  },
  'csv-negative': {
    severity: 'error',
    title: 'Negative count',
    hint: 'counts cannot be negative; fix the export',
  },
  'csv-good-greater-than-total': {
    severity: 'error',
    title: 'good is greater than total',
    hint: 'swap the columns in the SLO definition, or fix the export',
  },
  'csv-duplicate-row': {
    severity: 'error',
    title: 'Same series and timestamp twice',
    hint: 'remove one of the rows, or set sli.duplicates: sum | last in the SLO',
  },
  'csv-no-series': {
    severity: 'error',
    title: 'Series not found in the CSV',
    hint: 'check sli.series against the values of the series column',
  },
  'csv-empty': {
    severity: 'error',
    title: 'CSV file is empty',
    hint: 'export again: the file needs a header line (e.g. timestamp,series,good,total) and at least one row',
  },
  'csv-too-many-problems': {
    severity: 'error',
    title: 'More problems than are listed',
    hint: 'fix the ones above first: they usually share one cause',
  },
  'slo-owner-missing': {
    severity: 'warning',
    title: 'SLO has no accountable owner',
    hint: 'add the owner to the Service document: metadata.annotations "ledger/owner" and "ledger/team"',
  },
  'foreign-slo-format': {
    severity: 'error',
    title: 'An SLO file of another tool',
    hint: 'convert it with npm run import -- sloth <file> (or pyrra), which writes a native SLO file',
  },
  'prometheus-query-unpullable': {
    severity: 'error',
    title: 'A Prometheus query pull cannot count per step',
    hint: 'write the counter selector alone (pull counts sum(increase(<selector>[step]))), or a rate over [{{.window}}] as Sloth does',
  },
  'openslo-unsupported-source': {
    severity: 'error',
    title: 'Metric source is not a CSV export',
    hint: 'export the metric to CSV and write metricSource: { type: csv, spec: { source: sli/<file>.csv, column: <column> } }',
  },
  'openslo-rule': {
    severity: 'error',
    title: 'Breaks a rule of the OpenSLO v1 specification',
    hint: 'see https://github.com/OpenSLO/OpenSLO#slo and the OpenSLO section of README.md',
  },
  'openslo-unit': {
    severity: 'error',
    title: 'The ledger/unit annotation is not a singular and a plural',
    hint: 'write the unit of one event, singular then plural: annotations: { ledger/unit: "minute, minutes" }',
  },
  'openslo-minutes-window': {
    severity: 'warning',
    title: 'OpenSLO time window in minutes',
    hint: 'in OpenSLO m is minutes and M is months: write 1M for one month',
  },
  'openslo-unresolved-ref': {
    severity: 'error',
    title: 'Reference to an OpenSLO object that is not in the catalog',
    hint: 'define the object (kind SLI or Service) in a file under data/slos/, or fix the name',
  },
  'postmortem-schema': {
    severity: 'error',
    title: 'Postmortem front matter is invalid',
    hint: 'README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one',
  },
  'postmortem-unknown-reference': {
    severity: 'error',
    title: 'Postmortem names something that is not in the catalog',
    hint: 'use an id from data/slos/',
  },
  'postmortem-order': {
    severity: 'error',
    title: 'Postmortem times are out of order',
    hint: 'started ≤ detected and started ≤ mitigated ≤ resolved',
  },
  'postmortem-missing-section': {
    severity: 'warning',
    title: 'Postmortem lacks a usual section',
    hint: 'add the section, even if short: readers look for it',
  },
  'postmortem-mdx': {
    severity: 'error',
    title: 'MDX postmortem refused',
    hint: 'rename the file to .md',
  },
  'postmortem-duplicate-slug': {
    severity: 'error',
    title: 'Two postmortems share a file name',
    hint: 'rename one of the files',
  },
  'deployment-missing-column': {
    severity: 'error',
    title: 'Deployment log lacks a column',
    hint: 'the header needs id,service,deployed_at,committed_at,status and optionally kind',
  },
  'deployment-missing-value': {
    severity: 'error',
    title: 'Deployment row lacks a value',
    hint: 'every deployment needs an id, a service, deployed_at and a status; only committed_at and kind may be empty',
  },
  'deployment-bad-time': {
    severity: 'error',
    title: 'Deployment time cannot be read',
    hint: 'use ISO 8601 with an offset, e.g. 2026-08-14T09:00:00Z',
  },
  'deployment-unknown-status': {
    severity: 'error',
    title: 'Unknown deployment status',
    hint: 'status is one of success | failed | rolled-back',
  },
  'deployment-unknown-kind': {
    severity: 'error',
    title: 'Unknown deployment kind',
    hint: 'kind is one of change | hotfix | rollback, or empty for change',
  },
  'deployment-unknown-service': {
    severity: 'error',
    title: 'Deployment of a service that is not in the catalog',
    hint: 'use a service id from data/slos/',
  },
  'deployment-duplicate-id': {
    severity: 'error',
    title: 'Same deployment id twice',
    hint: 'deployment ids are unique across data/deployments/; remove the repeated row or rename one',
  },
  'deployment-committed-after-deployed': {
    severity: 'warning',
    title: 'Change committed after it was deployed',
    hint: 'check the export for swapped columns or a clock in another zone; such a deployment still counts, without a lead time',
  },
  'postmortem-unknown-deployment': {
    severity: 'warning',
    title: 'Postmortem names a deployment that is not in the log',
    hint: 'use an id from data/deployments/; until then the deployment does not count as a change failure',
  },
  'sli-step-unknown': {
    severity: 'error',
    title: 'The span of a row is unknown',
    hint: 'add sli.step to the SLO, e.g. step: 1h',
  },
  'sli-coverage-gaps': {
    severity: 'warning',
    title: "An SLO's rows leave part of its quarters without data",
    hint: 'missing rows are neither perfect nor absent traffic: a quarter below 90% coverage is marked incomplete. Export every step, with 0 failures where nothing failed; an export of only the failures (such as downtime days) cannot give an attainment',
  },
  'no-sli-data': {
    severity: 'error',
    title: 'No SLI data at all',
    hint: 'add at least one CSV under data/sli/ and reference it from an SLO',
  },
  'front-matter-language': {
    severity: 'error',
    title: 'Front matter in a language other than YAML',
    hint: 'open the front matter with a line holding only --- and write the fields as YAML',
  },
  'front-matter-unclosed': {
    severity: 'error',
    title: 'Front matter is never closed',
    hint: 'end the front matter with a line holding only ---',
  },
  'yaml-limit': {
    severity: 'error',
    title: "YAML beyond the reader's limits",
    hint: 'write the values out: aliases may be used at most 100 times and collections nested at most 64 deep',
  },
  'input-outside': {
    severity: 'error',
    title: 'Input outside the data or content folder',
    hint: 'inputs are read only from inside --data and --content; copy the file there instead of pointing outside',
  },
  'input-not-file': {
    severity: 'error',
    title: 'Input is not a regular file',
    hint: 'rename or remove the folder, or point the reference at a file',
  },
  'input-encoding': {
    severity: 'error',
    title: 'Input is not UTF-8 text',
    hint: 'save the file as UTF-8 (decompress it first if it is gzip)',
  },
  'csv-duplicate-column': {
    severity: 'error',
    title: 'Two columns have the same name',
    hint: 'rename one of the columns in the header; a mapping cannot tell them apart',
  },
  'time-out-of-range': {
    severity: 'error',
    title: 'Time outside the plausible window',
    hint: 'fix the date, or widen plausibleYears in data/ledger.yaml if the ledger really spans it',
  },
  'no-inputs': {
    severity: 'error',
    title: 'No inputs found',
    hint: 'point --data at a folder holding ledger.yaml and slos/ (npm run check -- --data data)',
  },
  'review-unknown-quarter': {
    severity: 'error',
    title: 'Review for a quarter that does not exist',
    hint: 'name the review after a quarter with data, e.g. content/reviews/2026-q3.mdx',
  },
  'review-unknown-figure': {
    severity: 'error',
    title: 'Review names a figure that does not exist',
    hint: 'correct the metric or quarter attribute; README.md § Reviews lists the figures',
  },
  'page-slug': {
    severity: 'error',
    title: 'File name cannot be a page address',
    hint: 'rename the file with lower-case letters, digits and hyphens only, e.g. 2026-08-14-checkout-cert.md',
  },
  'snapshot-edited': {
    severity: 'error',
    title: 'Snapshot edited by hand',
    hint: 'snapshots are written by npm run close; restore the file from version control (git checkout -- <file>) rather than editing it',
  },
} as const satisfies Record<string, CodeEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
