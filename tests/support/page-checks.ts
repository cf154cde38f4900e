/**
 * Checks that the demo's and the large organisation's end-to-end tests share: chart labels that
 * overprint one another, and the number of pages a page prints on.
 */
import type { Page } from 'playwright-core';

/**
 * Every pair of visible text labels in one chart (`main svg[role="img"]`) whose bounding boxes in
 * Chromium overlap by more than a pixel each way, as "<chart title>: "a" over "b"".
 */
export function chartLabelOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const svg of document.querySelectorAll('main svg[role="img"]')) {
      const boxes = [...svg.querySelectorAll('text')]
        // Vega hides a tick label that would overprint its neighbour with opacity 0.
        .filter((t) => {
          const style = getComputedStyle(t);
          return (
            (t.textContent ?? '').trim() !== '' && style.visibility !== 'hidden' && style.opacity !== '0'
          );
        })
        .map((t) => ({ text: (t.textContent ?? '').trim(), box: t.getBoundingClientRect() }))
        .filter((b) => b.box.width > 0 && b.box.height > 0);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          // More than a pixel each way: glyph boxes of neighbouring tick labels may touch.
          const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (w > 1 && h > 1)
            found.push(`${svg.querySelector('title')?.textContent ?? 'chart'}: "${a.text}" over "${b.text}"`);
        }
    }
    return found;
  });
}

/** Chromium's own PDF: each page object is one `/Type /Page` (the tree node is `/Type /Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** How many A4 pages the page prints on, with backgrounds, as a reader's "Save as PDF" would. */
export async function printedA4Pages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  return pdfPageCount(await page.pdf({ format: 'A4', printBackground: true }));
}
