/**
 * The loader of content/reviews/: Astro's glob loader, except that a folder the user need not have
 * is an empty collection, not a "[glob-loader] The base directory … does not exist" warning.
 * (Postmortems are not globbed: the site is handed the ones ingest read, src/site/postmortem-loader.ts.)
 */
import { existsSync } from 'node:fs';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0] & { base: string };

/** The glob loader over a folder that may not exist, or hold no file yet. */
export function optionalGlob(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'reliability-ledger-optional-folder',
    load: async (context) => {
      if (!existsSync(options.base)) {
        context.store.clear();
        return;
      }
      // An empty folder is as fine as a missing one: drop the loader's "No files found" warning.
      const logger = Object.create(context.logger) as LoaderContext['logger'];
      logger.warn = (message: string) => {
        if (!message.startsWith('No files found matching')) context.logger.warn(message);
      };
      await inner.load({ ...context, logger });
    },
  };
}
