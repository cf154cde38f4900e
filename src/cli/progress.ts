/**
 * Progress of long steps (SPEC §12): on a terminal a large file's percentage redraws one status
 * line; in CI logs only the summary lines appear, one per file.
 */
import type { LoadProgress } from '../ingest/load-ledger.ts';
import type { Effects } from './effects.ts';

export function progressReporter(fx: Effects): LoadProgress {
  return (message, options) => {
    if (options?.transient) {
      if (fx.interactive) fx.status(message);
      return;
    }
    if (fx.interactive) fx.status('');
    fx.err(message);
  };
}
