/**
 * The one-sentence impact a review lists beside each incident (SPEC §9.1): the first sentence (or
 * list item) of the write-up's Impact section, else of its Summary, as plain text.
 */
const SECTIONS = [/^impact\b/i, /^summary\b/i];

/** Markdown inline syntax removed: links keep their text, emphasis and code lose their marks. */
function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function sectionBody(body: string, heading: RegExp): string | null {
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((l) => {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(l);
    return m !== null && heading.test(m[1] ?? '');
  });
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^#{1,6}\s/.test(l));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

/** The first paragraph or list item of the section, cut at its first sentence end. */
export function impactSentence(body: string): string | null {
  for (const heading of SECTIONS) {
    const section = sectionBody(body, heading);
    if (section === null) continue;
    const first = section
      .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)/)
      .map((block) => plainText(block.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')))
      .find((text) => text !== '');
    if (first === undefined) continue;
    const sentence = /^(.+?[.!?])(\s|$)/.exec(first)?.[1] ?? first;
    const text = sentence.length > 240 ? `${sentence.slice(0, 239).trimEnd()}…` : sentence;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return null;
}
