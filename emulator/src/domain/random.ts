/**
 * @module domain/random
 * Where every random ID, key, secret and token comes from. Production uses the OS CSPRNG; with
 * `--seed-random N` a deterministic stream makes IDs and keys repeat from run to run (tests,
 * snapshots, documentation examples).
 */
import { createHash, randomFillSync } from 'node:crypto';

/** Returns `n` random bytes. Same shape as the shared key generators' `RandomBytes`. */
export type RandomSource = (n: number) => Uint8Array;

/**
 * OS CSPRNG bytes, drawn from a pool refilled 4 KiB at a time (as `crypto.randomUUID` does): one
 * `randomBytes` call per request ID cost more than the rest of ID making. Every byte is handed
 * out once, in a fresh copy.
 */
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

export const cryptoRandom: RandomSource = (n) => {
  if (n > POOL_SIZE) return randomFillSync(new Uint8Array(n));
  if (poolOffset + n > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = pool.slice(poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
};

/**
 * A deterministic byte stream: SHA-256 in counter mode over `seed` and `label`. Different labels
 * give independent streams, so request IDs (one stream) never shift entity IDs (another).
 * Not for secrets that must stay secret — it is only used when the user asks for determinism.
 */
export function seededRandom(seed: number, label = 'entities'): RandomSource {
  let counter = 0;
  let pool = new Uint8Array(0);
  return (n) => {
    while (pool.length < n) {
      const block = createHash('sha256').update(`${seed}\u0000${label}\u0000${counter++}`).digest();
      const next = new Uint8Array(pool.length + block.length);
      next.set(pool);
      next.set(block, pool.length);
      pool = next;
    }
    const out = pool.slice(0, n);
    pool = pool.slice(n);
    return out;
  };
}

/** `seedRandom` undefined → CSPRNG; a number → the deterministic stream for `label`. */
export function randomFor(seedRandom: number | undefined, label: string): RandomSource {
  return seedRandom === undefined ? cryptoRandom : seededRandom(seedRandom, label);
}

export function hex(random: RandomSource, bytes: number): string {
  return Buffer.from(random(bytes)).toString('hex');
}

export function base64url(random: RandomSource, bytes: number): string {
  return Buffer.from(random(bytes)).toString('base64url');
}
