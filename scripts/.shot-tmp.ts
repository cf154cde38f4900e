// temporary screenshot helper (not committed)
import { launchBrowser } from '../tests/support/browser.ts';
import { serveDirectory } from '../tests/support/static-server.ts';
const [root, ...paths] = process.argv.slice(2);
const server = await serveDirectory(root!);
const browser = await launchBrowser();
for (const spec of paths) {
  const [path, scheme = 'light', width = '1280', full = 'full', y = ''] = spec.split(',');
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme as 'light' | 'dark' });
  await page.setViewportSize({ width: Number(width), height: 900 });
  await page.goto(`${server.url}${path}`);
  const name = `${path.replace(/[^a-z0-9]+/gi, '_')}-${scheme}-${width}.png`;
  await page.screenshot(
    y
      ? {
          path: `/tmp/site15-shots/${name.replace('.png', `-y${y}.png`)}`,
          fullPage: true,
          clip: { x: 0, y: Number(y), width: Number(width), height: 1100 },
        }
      : { path: `/tmp/site15-shots/${name}`, fullPage: full === 'full' },
  );
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(name, h);
  await page.close();
}
await browser.close();
await server.close();
