/**
 * The Astro content-layer loader for the CSV and YAML data: it runs the same reader as the CLI
 * and stores the aggregates, so pages never parse a CSV themselves.
 */
import type { Loader } from 'astro/loaders';
import { InputError, hasErrors } from './diagnostic.ts';
import { readLedgerData } from './ledger-inputs.ts';
import type { LedgerPaths } from './ledger-paths.ts';
import type { Settings } from './settings.ts';
import type { Catalog } from './slo-catalog.ts';
import type { SliAggregate } from './sli-csv.ts';
import type { Exclusion } from './exclusions.ts';
import type { Deployment } from '../domain/throughput.ts';

/** What the `ledger` entry holds: plain arrays, since the data store serialises entries. */
export interface LedgerEntryData {
  settings: Settings;
  catalog: Catalog;
  sli: SliAggregate[];
  exclusions: Exclusion[];
  deployments: Deployment[];
}

export function ledgerLoader(paths: LedgerPaths): Loader {
  return {
    name: 'reliability-ledger',
    load: async ({ store, logger, generateDigest, watcher }) => {
      const load = async () => {
        const data = await readLedgerData(paths, (m) => logger.info(m));
        if (hasErrors(data.diagnostics) || data.settings === null) throw new InputError(data.diagnostics);
        const entry: LedgerEntryData = {
          settings: data.settings,
          catalog: data.catalog,
          sli: [...data.sli.values()],
          exclusions: data.exclusions,
          deployments: data.deployments,
        };
        const record = entry as unknown as Record<string, unknown>;
        store.clear();
        store.set({ id: 'ledger', data: record, digest: generateDigest(record) });
      };
      await load();
      // `npm run dev`: an edited CSV or YAML under data/ reloads the ledger, and the pages with it.
      if (watcher) {
        watcher.add(paths.dataDir);
        const onChange = (changed: string) => {
          if (!changed.startsWith(paths.dataDir)) return;
          load().catch((e: unknown) => logger.error(e instanceof Error ? e.message : String(e)));
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
