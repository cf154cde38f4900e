/**
 * Content collections. The ledger itself is not one: the CLI loads it once and hands it over
 * in-process (src/site/handoff.ts). Astro keeps two small collections: each postmortem's body,
 * which it renders from the text ingest read, and the review narratives (Markdown or MDX with the
 * review components), read from content/reviews/.
 */
import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { ledgerPathsFromEnv } from './ingest/ledger-paths.ts';
import { optionalGlob } from './ingest/content-loaders.ts';
import { siteSource } from './site/handoff.ts';
import { postmortemBodies } from './site/postmortem-loader.ts';

// `astro check` runs without the CLI: it then sees the default folders.
const paths = siteSource()?.paths ?? ledgerPathsFromEnv();

export const collections = {
  postmortems: defineCollection({ loader: postmortemBodies() }),
  reviews: defineCollection({
    // Optional: a quarter without a narrative still has its review page.
    loader: optionalGlob({
      pattern: '*.{md,mdx}',
      base: join(paths.contentDir, 'reviews'),
      generateId: ({ entry }) => entry.replace(/\.mdx?$/, '').toLowerCase(),
    }),
  }),
};
