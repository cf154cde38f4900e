/**
 * Review narratives (content/reviews/<quarter>.md|mdx), checked before Astro renders them: the
 * file must be named for a quarter of the ledger, and every figure a component names
 * (`<Num metric="…" quarter="…" />`, `<Delta …>`) must exist. Astro would otherwise stop in the
 * middle of rendering with a stack trace and no file or line.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseQuarterId } from '../domain/quarter.ts';
import { diagnose, type Diagnostic } from '../ingest/diagnostic.ts';
import { echo } from '../ingest/echo.ts';
import { findQuarterReport, MetricError, resolveMetric } from './metric.ts';
import type { LedgerReport } from './quarter-report.ts';

export interface ReviewText {
  /** As shown in messages, e.g. content/reviews/2026-q3.mdx. */
  file: string;
  /** The file name, e.g. 2026-q3.mdx. */
  name: string;
  text: string;
}

export async function readReviewTexts(dir: string, display: string): Promise<ReviewText[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && /\.mdx?$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name) => ({
      file: `${display}/${name}`,
      name,
      text: await readFile(join(dir, name), 'utf8'),
    })),
  );
}

/** `<Num … />` and `<Delta … />` with literal string attributes; expressions are left to Astro. */
const FIGURE_TAG = /<(Num|Delta|Figure|BurnDown|SloTable|IncidentList|Throughput)\b([^>]*)>/g;
const ATTRIBUTE = /\b(metric|quarter)\s*=\s*"([^"]*)"/g;

export function diagnoseReviews(reviews: readonly ReviewText[], report: LedgerReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  const quarters = report.quarters.map((q) => q.quarter);
  for (const review of reviews) {
    const slug = review.name.replace(/\.mdx?$/i, '');
    const q = parseQuarterId(slug, report.calendar);
    if (q === undefined || !quarters.includes(q.id)) {
      out.push(
        diagnose(
          'review-unknown-quarter',
          { file: review.file, line: 1, column: 1 },
          q === undefined
            ? `"${echo(slug)}" is not a quarter, so no review page would show this narrative`
            : `${q.id} has no data in this ledger, so no review page would show this narrative (quarters: ${quarters.join(', ')})`,
        ),
      );
    }
    for (const tag of review.text.matchAll(FIGURE_TAG)) {
      const attrs = new Map([...(tag[2] ?? '').matchAll(ATTRIBUTE)].map((a) => [a[1] ?? '', a[2] ?? '']));
      const quarter = attrs.get('quarter');
      const metric = attrs.get('metric');
      if (quarter === undefined) continue;
      try {
        if (metric !== undefined && (tag[1] === 'Num' || tag[1] === 'Delta'))
          resolveMetric(report, quarter, metric);
        else findQuarterReport(report, quarter);
      } catch (e) {
        if (!(e instanceof MetricError)) throw e;
        const before = review.text.slice(0, tag.index);
        const line = before.split('\n').length;
        out.push(
          diagnose(
            'review-unknown-figure',
            { file: review.file, line, column: tag.index - before.lastIndexOf('\n') },
            `<${tag[1]}>: ${e.message}`,
          ),
        );
      }
    }
  }
  return out;
}

/** Reads content/reviews/ and checks it against the report: what `check` and `build` run. */
export async function checkReviews(
  contentDir: string,
  display: string,
  report: LedgerReport,
): Promise<Diagnostic[]> {
  return diagnoseReviews(await readReviewTexts(join(contentDir, 'reviews'), `${display}/reviews`), report);
}
