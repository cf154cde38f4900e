/**
 * Content collections, wired to the ingest modules. Inputs live outside src/ (in data/ and
 * content/, or wherever --data and --content point), so every loader takes its paths from the
 * environment the CLI sets.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { ledgerPathsFromEnv } from './ingest/ledger-paths.ts';
import { ledgerLoader } from './ingest/ledger-loader.ts';
import { postmortemSchema } from './ingest/postmortem.ts';

const paths = ledgerPathsFromEnv();

export const collections = {
  /** Settings, SLO catalog, SLI aggregates and exclusions, in one entry named `ledger`. */
  ledger: defineCollection({ loader: ledgerLoader(paths) }),
  postmortems: defineCollection({
    loader: glob({ pattern: '**/*.md', base: join(paths.contentDir, 'postmortems') }),
    schema: postmortemSchema,
  }),
  reviews: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: join(paths.contentDir, 'reviews') }),
  }),
};
