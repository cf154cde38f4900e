/**
 * Property tests run with a fixed seed so that CI is repeatable; set FC_SEED to explore others
 * (e.g. FC_SEED=$RANDOM npx vitest run --project unit). A failure prints the seed to replay it.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20261122), numRuns: 200 });
