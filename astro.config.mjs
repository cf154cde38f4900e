// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

// The site URL only matters for absolute links in feeds and the sitemap; set LEDGER_SITE_URL
// when publishing. Output is fully static: no server, no client JavaScript.
const site = process.env.LEDGER_SITE_URL ?? 'https://reliability.example.org';

// Pages are bundled, so the entry of the chart threads (src/charts/chart-pool.ts) is named here,
// where the source tree is known.
process.env.LEDGER_CHART_THREAD ??= fileURLToPath(new URL('./src/charts/chart-thread.ts', import.meta.url));

export default defineConfig({
  site,
  // A site published under a path (GitHub Pages project sites: https://owner.github.io/repo/) gets
  // that path as its base, so every link and asset works there; LEDGER_BASE_PATH overrides it.
  base: process.env.LEDGER_BASE_PATH ?? new URL(site).pathname,
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [mdx(), sitemap()],
  // Several pages render at once so that their charts keep every chart thread busy; pages share no
  // mutable state, and each chart's markup depends on its spec only, so the output is unchanged.
  build: { format: 'directory', concurrency: Math.max(2, availableParallelism() * 2) },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // MDX reviews carry Astro's own "use astro:head-inject" directive, which the bundler
        // warns about on every build although Astro handles it; the warning is noise for users.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
