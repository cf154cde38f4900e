/**
 * A postmortem converted by hand keeps its `# Title`; the incident page already shows the title,
 * so a first H1 that repeats it is left out (the HTML is what Astro renders from the Markdown).
 */
import { describe, expect, it } from 'vitest';
import { dropRepeatedTitle } from '../../src/ingest/postmortem-heading.ts';

const BODY = '<h2 id="summary">Summary</h2>\n<p>A repository is posted to a forum.</p>';

describe('the title shown once', () => {
  it.each([
    ['an H1 equal to the title', 'Reddit hugs the launch service', 'Reddit hugs the launch service'],
    [
      'an H1 that differs only in case and punctuation',
      'reddit hugs the launch service!',
      'Reddit hugs the launch service',
    ],
    [
      'an H1 that begins the title',
      'Reddit hugs the launch service',
      'Reddit hugs the launch service: ingress out of replicas',
    ],
    [
      'an H1 with the date in front, as mybinder writes them',
      '2018-01-18, reddit hugs mybinder',
      'Reddit hugs mybinder',
    ],
  ])('drops %s', (_name, heading, title) => {
    expect(dropRepeatedTitle(`<h1 id="x">${heading}</h1>\n${BODY}`, title)).toBe(BODY);
  });

  it.each([
    [
      'an H1 that says more than the title',
      'Reddit hugs the launch service for six hours',
      'Reddit hugs the launch service',
    ],
    ['an H1 about something else', 'Background', 'Reddit hugs the launch service'],
  ])('keeps %s', (_name, heading, title) => {
    const html = `<h1 id="x">${heading}</h1>\n${BODY}`;
    expect(dropRepeatedTitle(html, title)).toBe(html);
  });

  it('keeps a body that does not open with an H1', () => {
    expect(dropRepeatedTitle(BODY, 'Summary')).toBe(BODY);
  });
});
