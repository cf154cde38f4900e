/**
 * Content collections, wired to the ingest modules. Inputs live outside src/ (in data/ and
 * content/, or wherever --data and --content point), so every loader takes its paths from the
 * environment the CLI sets.
 */
import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { ledgerPathsFromEnv } from './ingest/ledger-paths.ts';
import { optionalGlob, postmortemGlob } from './ingest/content-loaders.ts';
import { ledgerLoader } from './ingest/ledger-loader.ts';
import { postmortemSchema } from './ingest/postmortem.ts';
import { postmortemSlug } from './ingest/postmortem-files.ts';
import { readSettings } from './ingest/settings.ts';

const paths = ledgerPathsFromEnv();
const { settings } = await readSettings(join(paths.dataDir, 'ledger.yaml'), 'ledger.yaml');

export const collections = {
  /** Settings, SLO catalog, SLI aggregates and exclusions, in one entry named `ledger`. */
  ledger: defineCollection({ loader: ledgerLoader(paths) }),
  postmortems: defineCollection({
    // Read as `check` reads them (times as text, placed by `timezone:`); the folder is optional.
    loader: postmortemGlob({
      // MDX runs code at build time: only when the settings allow it (`check` says so otherwise).
      pattern: settings?.allowMdxPostmortems ? ['**/*.md', '**/*.mdx', '!**/_*'] : ['**/*.md', '!**/_*'],
      base: join(paths.contentDir, 'postmortems'),
      // The page address is the file name; folders only organise (see postmortemSlug).
      generateId: ({ entry }) => postmortemSlug(entry),
    }),
    schema: postmortemSchema,
  }),
  reviews: defineCollection({
    // Optional: a quarter without a narrative still has its review page.
    loader: optionalGlob({
      pattern: '*.{md,mdx}',
      base: join(paths.contentDir, 'reviews'),
      generateId: ({ entry }) => entry.replace(/\.mdx?$/, '').toLowerCase(),
    }),
  }),
};
