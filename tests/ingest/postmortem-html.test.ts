import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sanitizePostmortemHtml } from '../../src/ingest/postmortem-html.ts';

const hostile = await readFile(new URL('../fixtures/html/hostile-postmortem.html', import.meta.url), 'utf8');
const clean = sanitizePostmortemHtml(hostile);

describe('postmortem HTML is sanitised with an allow-list (SPEC §7)', () => {
  it.each([
    ['no script element or its code', /<script|document\.cookie/i],
    ['no iframe (the mybinder sample embeds a Grafana dashboard)', /<iframe/i],
    ['no object or embed', /<object|<embed/i],
    ['no event handler attributes', /\son[a-z]+=/i],
    ['no javascript: URL in any letter case', /javascript:/i],
    ['no form or text input', /<form|type="text"/i],
    ['no style element', /<style|display: none/i],
  ])('%s', (_name, pattern) => {
    expect(clean).not.toMatch(pattern);
  });

  it('keeps the prose, links, headings with ids, tables, images and task lists', () => {
    expect(clean).toContain('<h2 id="summary">Summary</h2>');
    expect(clean).toContain('<strong>for two hours</strong>');
    expect(clean).toContain('<a href="https://status.example.org/incident/7">the status page</a>');
    expect(clean).toContain('<img src="x.png" alt="graph" />');
    expect(clean).toContain('<th scope="col">Time</th>');
    expect(clean).toContain('<input type="checkbox" checked disabled />');
  });
});
