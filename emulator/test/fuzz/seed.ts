/**
 * @module The fast-check seed of a fuzz or property file: `FUZZ_SEED` when set (to replay a
 * failure), otherwise a fresh one. It is printed at the start, with the command that replays the
 * run, because a failure found by a random seed is only useful if it can be run again.
 * `FUZZ_RUNS` scales every file's number of generated inputs (default: the file's own figure).
 */
import fc from 'fast-check';

export interface FuzzSeed {
  seed: number;
  /** The number of inputs to generate, `base` unless FUZZ_RUNS overrides it. */
  runs(base: number): number;
  /** How to run this file again with the same inputs. */
  replay: string;
}

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

/** Reads (or draws) the seed, makes it fast-check's global seed, and logs how to replay. */
export function fuzzSeed(file: string): FuzzSeed {
  const seed = envInt('FUZZ_SEED') ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const scale = envInt('FUZZ_RUNS');
  // fc.assert calls in the file then use the same seed, so they replay too.
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
  const replay = `(cd emulator && FUZZ_SEED=${seed} npx vitest run ${file})`;
  console.log(`[fuzz] ${file}: fast-check seed ${seed}; replay with: ${replay}`);
  return { seed, runs: (base) => scale ?? base, replay };
}
