/**
 * The one content collection fed from the ledger: each visible postmortem's Markdown body, which
 * Astro renders (the same Markdown pipeline as every page). Its front matter was parsed and checked
 * once by ingest; nothing here reads a file or parses front matter. An entry whose body did not
 * change keeps its rendering.
 */
import type { Loader } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { isVisibleTo } from '../report/visibility.ts';
import { siteSource, type SiteSource } from './handoff.ts';

export function postmortemBodies(): Loader {
  return {
    name: 'reliability-ledger-postmortems',
    load: async ({ store, meta, renderMarkdown, generateDigest, watcher, logger }) => {
      const source = siteSource();
      if (source === undefined) {
        // `astro check` and `astro sync` run without the CLI: there is no ledger to show.
        store.clear();
        return;
      }
      const sync = async (from: SiteSource) => {
        const { ledger } = await from.get();
        const keep = new Set<string>();
        for (const file of ledger.postmortemFiles) {
          const p = file.postmortem;
          if (!isVisibleTo(p, ledger.settings.audience)) continue;
          keep.add(p.slug);
          const digest = generateDigest(file.body);
          if (store.get(p.slug)?.digest === digest) continue;
          const absolute = ledger.files.postmortems.get(p.slug)?.absolute;
          store.set({
            id: p.slug,
            // The title, so that the page can leave out an opening H1 that repeats it.
            data: { title: p.title },
            body: file.body,
            digest,
            rendered: await renderMarkdown(
              file.body,
              absolute ? { fileURL: pathToFileURL(absolute) } : undefined,
            ),
          });
        }
        for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
        // A changed input of any kind changes the store, and Astro's dev server then drops its
        // cached routes and reloads the browser: figures, not only bodies, are live.
        meta.set('inputs', generateDigest(JSON.stringify(ledger.hashes ?? {})));
      };
      await sync(source);
      // `npm run dev`: any edited input reloads the ledger; an edited body is rendered again.
      if (watcher && source.invalidate) {
        const dirs = [source.paths.dataDir, source.paths.contentDir];
        watcher.add(dirs);
        const onChange = (changed: string) => {
          if (!dirs.some((d) => changed.startsWith(d))) return;
          source.invalidate?.();
          sync(source).catch((e: unknown) => logger.error(e instanceof Error ? e.message : String(e)));
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
