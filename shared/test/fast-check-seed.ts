/**
 * The fast-check seed of a property-test file: `FUZZ_SEED` when set (to replay a failure),
 * otherwise a fresh one, made fast-check's global seed and printed at the start with the command
 * that replays the run. fast-check's own failure report adds the `path` of the failing case.
 */
import fc from 'fast-check';

export function useFastCheckSeed(file: string): number {
  const raw = process.env.FUZZ_SEED;
  const given = raw === undefined || raw.trim() === '' ? undefined : Number(raw);
  if (given !== undefined && !Number.isInteger(given))
    throw new Error(`FUZZ_SEED must be an integer, got "${raw}"`);
  const seed = given ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
  console.log(
    `[fast-check] ${file}: seed ${seed}; replay with: (cd shared && FUZZ_SEED=${seed} npx vitest run ${file})`,
  );
  return seed;
}
