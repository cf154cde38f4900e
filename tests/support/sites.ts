/** Where the site project's global setup built its sites; read with vitest's `inject`. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ of tests/fixtures/ledgers/small, whose figures are worked out by hand. */
    fixtureSite: string;
    /** The same ledger built with --audience internal. */
    fixtureInternalSite: string;
    /** dist/ of the demo organisation in data/ and content/. */
    demoSite: string;
  }
}
export const FIXTURE_LEDGER = new URL('../fixtures/ledgers/small/', import.meta.url);
