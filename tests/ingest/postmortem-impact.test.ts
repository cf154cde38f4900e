import { describe, expect, it } from 'vitest';
import { impactSentence } from '../../src/ingest/postmortem-impact.ts';

describe('the one-sentence impact of a write-up', () => {
  it.each([
    [
      'the first list item of Impact, capitalised',
      '## Summary\n\nIt broke.\n\n## Impact\n\n- about 17,000 of 58,000 requests failed. Customers retried.\n- No payments twice.\n',
      'About 17,000 of 58,000 requests failed.',
    ],
    [
      'the first sentence of an Impact paragraph',
      '## Impact\n\nCheckout failed for **four hours**. Nothing else.\n',
      'Checkout failed for four hours.',
    ],
    [
      'links keep their text',
      '## Impact\n\nSee the [status page](https://x.example) for details.\n',
      'See the status page for details.',
    ],
    [
      'the Summary when there is no Impact',
      '## Summary\n\nSign-ins failed after a rate limiter change.\n\n## Timeline\n',
      'Sign-ins failed after a rate limiter change.',
    ],
    [
      'a sentence without a full stop is kept whole',
      '## Impact\n\n1. Search results were slow\n',
      'Search results were slow',
    ],
  ])('%s', (_name, body, expected) => {
    expect(impactSentence(body)).toBe(expected);
  });

  it('says nothing without an Impact or Summary section', () => {
    expect(impactSentence('## Timeline\n\n- 10:00 down\n')).toBeNull();
  });
});
