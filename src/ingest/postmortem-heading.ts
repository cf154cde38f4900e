/**
 * Postmortems converted by hand keep their `# Title` line, and the incident page already shows
 * the title as its heading: when the body opens with an H1 that says the title again (equal to
 * it, or the start of it, perhaps after a date such as "2018-01-18,"), it is left out, so the
 * page shows the title once. An H1 that says more than the title is kept.
 */

/** Lower case, tags and entities gone, a leading ISO date and punctuation dropped, spaces collapsed. */
function comparable(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .toLowerCase()
    .replace(/^\s*\d{4}-\d{2}-\d{2}\s*[,:–—-]?\s*/, '')
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

/** The rendered body without its first H1 when that heading repeats the title. */
export function dropRepeatedTitle(html: string, title: string): string {
  const m = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>\s*/i.exec(html);
  if (!m) return html;
  const heading = comparable(m[1] ?? '');
  const wanted = comparable(title);
  if (heading === '' || !(wanted === heading || wanted.startsWith(`${heading} `))) return html;
  return html.slice(m[0].length);
}
