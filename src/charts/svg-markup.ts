/**
 * Turns the SVG that Vega writes into one that can sit inline in a page: a named image
 * (`role="img"` with `aria-labelledby` on its own `<title>` and `<desc>`, as SPEC §9.4 asks),
 * without a fixed size, with ids unique to the chart, and with CSS variables in `style` where every
 * browser resolves them.
 */

export interface SvgA11y {
  title: string;
  description: string;
}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Vega marks each group and axis for assistive technology; inside an image those names are never
 * read (the children of role="img" are presentational) and Vega writes them with the machine's
 * locale, so they go.
 */
function dropInnerAria(body: string): string {
  return body.replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
}

/**
 * Vega numbers clip paths from a counter that lives as long as the process (`clip1`, `clip2`, …):
 * the number depends on what was rendered before, and two charts on one page would share ids.
 * Each id is renamed after the chart and its order of appearance.
 */
function scopeIds(body: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const m of body.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1];
    if (id !== undefined && !renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}`);
  }
  if (renamed.size === 0) return body;
  return body
    .replace(/\sid="([^"]+)"/g, (_whole, id: string) => ` id="${renamed.get(id) ?? id}"`)
    .replace(/url\(#([^)]+)\)/g, (_whole, id: string) => `url(#${renamed.get(id) ?? id})`)
    .replace(/href="#([^"]+)"/g, (_whole, id: string) => `href="#${renamed.get(id) ?? id}"`);
}

/**
 * `fill="var(--x)"` as a presentation attribute resolves in Chromium and Firefox but is not
 * guaranteed by the SVG specification; a `style` declaration is, so paint given as a CSS variable
 * moves there.
 */
function paintVariablesToStyle(body: string): string {
  return body.replace(
    /<([a-zA-Z]+)((?:\s[^\s=>]+="[^"]*")*)\s*(\/?)>/g,
    (tag, name: string, attrs: string, selfClose: string) => {
      if (!attrs.includes('var(')) return tag;
      const declarations: string[] = [];
      let style = '';
      const kept = attrs.replace(/\s([^\s=]+)="([^"]*)"/g, (attr, key: string, value: string) => {
        if (key === 'style') {
          style = value;
          return '';
        }
        if ((key === 'fill' || key === 'stroke') && value.startsWith('var(')) {
          declarations.push(`${key}:${value}`);
          return '';
        }
        return attr;
      });
      if (declarations.length === 0) return tag;
      const merged = [style.replace(/;\s*$/, ''), ...declarations].filter((d) => d !== '').join(';');
      return `<${name}${kept} style="${merged}"${selfClose === '' ? '' : '/'}>`;
    },
  );
}

/**
 * The root element rewritten: the viewBox kept and the fixed width and height dropped, so the
 * chart scales with its container (the component's CSS sets `width: 100%; height: auto`).
 */
export function finishSvg(svg: string, a11y: SvgA11y, idPrefix: string): string {
  const root = /^<svg\b([^>]*)>/.exec(svg);
  const close = svg.lastIndexOf('</svg>');
  if (root === null || close === -1) throw new Error('Vega did not return an <svg> element');
  const rootAttrs = root[1] ?? '';
  const viewBox = /\sviewBox="([^"]+)"/.exec(rootAttrs)?.[1];
  const width = /\swidth="([\d.]+)"/.exec(rootAttrs)?.[1];
  const height = /\sheight="([\d.]+)"/.exec(rootAttrs)?.[1];
  const box = viewBox ?? `0 0 ${width ?? 0} ${height ?? 0}`;
  let body = svg.slice(root[0].length, close);
  body = paintVariablesToStyle(scopeIds(dropInnerAria(body), idPrefix));
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const xlink = body.includes('xlink:') ? ' xmlns:xlink="http://www.w3.org/1999/xlink"' : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${xlink} viewBox="${box}" class="chart-svg" role="img" aria-labelledby="${titleId} ${descId}">` +
    `<title id="${titleId}">${escapeText(a11y.title)}</title>` +
    `<desc id="${descId}">${escapeText(a11y.description)}</desc>` +
    body +
    '</svg>'
  );
}
