/**
 * The search index (SPEC §9 `/search/`): Pagefind reads the pages Astro wrote into the staging
 * directory and writes its index beside them, under `pagefind/`, before the staging directory is
 * swapped in. It indexes only pages marked `data-pagefind-body` (reviews, postmortems, SLO and
 * service pages), so it holds no more than those public pages already show.
 */
import { join } from 'node:path';

/** Parts of a page that say nothing a reader would search for. */
const IGNORED = ['svg', '.chart-data', '.cite-link', '.method-note'];

export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: IGNORED, forceLanguage: 'en' });
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
