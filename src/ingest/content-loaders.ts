/**
 * Astro loaders for the Markdown folders under content/: Astro's glob loader, with two changes.
 * A folder the user need not have (content/reviews/, content/postmortems/) is an empty collection,
 * not a "[glob-loader] The base directory … does not exist" warning. And a postmortem's front
 * matter is read by the same YAML reader as `check`, which keeps times as text: Astro's reader
 * (js-yaml) turns `2018-01-18 04:19:00` into a UTC Date, which would ignore the `timezone:` the
 * write-up names.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { readFrontMatterData } from './postmortem-files.ts';

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

/** Postmortems: an optional folder whose front matter is read as `check` reads it. */
export function postmortemGlob(options: GlobOptions): Loader {
  const inner = optionalGlob(options);
  return {
    name: 'reliability-ledger-postmortems',
    load: (context) => {
      const parseData: LoaderContext['parseData'] = async (props) => {
        if (props.filePath === undefined) return context.parseData(props);
        const data = readFrontMatterData(props.filePath, await readFile(props.filePath, 'utf8'));
        return context.parseData({ ...props, data: (data ?? props.data) as typeof props.data });
      };
      return inner.load({ ...context, parseData });
    },
  };
}
