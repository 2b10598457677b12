/**
 * @module store/seeded
 * Synthetic store folders written once per configuration (and shared by the sections that ask
 * for the same one), and an emulator started on a fresh copy of one for each run (a run changes
 * its folder; the next must start from the same state).
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rotate, type BenchContext } from '../context.js';
import type { Layout } from '../options.js';
import { freePort, startServer, type RunningServer } from '../proc.js';
import { emulatorSpec } from '../targets/emulator.js';
import { buildStore, writeStoreFolder, type BuiltStore } from './synthetic.js';
import type { Template } from './template.js';

export interface SeedStore extends Omit<BuiltStore, 'tenants' | 'index' | 'schemaVersion'> {
  layout: Layout;
  /** the store folder (`--db`); never started on itself, only copied */
  path: string;
  /** bytes of index.json and every tenant file */
  bytes: number;
  /** tenant files */
  tenants: number;
  /** how long building and writing it took */
  writeMs: number;
}

const cache = new WeakMap<BenchContext, Map<string, SeedStore>>();

/**
 * The store folder of `keys` keys in `layout` with at least `targets` key-less users in the
 * measuring tenant: written on first request, then reused (sections ask for the same stores).
 */
export function seedStore(
  ctx: BenchContext,
  template: Template,
  layout: Layout,
  keys: number,
  targets: number,
): SeedStore {
  let mine = cache.get(ctx);
  if (!mine) cache.set(ctx, (mine = new Map<string, SeedStore>()));
  const id = `${layout}:${keys}`;
  const known = mine.get(id);
  if (known && known.targets.length >= targets) return known;
  const started = Date.now();
  const built = buildStore(template, layout, keys, targets);
  const path = join(ctx.tempDir(`seed-${layout}-${keys}`), 'store');
  const bytes = writeStoreFolder(path, built);
  const { tenants, index: _index, schemaVersion: _v, ...rest } = built;
  const seed: SeedStore = {
    ...rest,
    layout,
    path,
    bytes,
    tenants: tenants.size,
    writeMs: Date.now() - started,
  };
  if (known) rmSync(join(known.path, '..'), { recursive: true, force: true });
  fingerprints.set(seed, fingerprint(path));
  mine.set(id, seed);
  return seed;
}

export interface SeededRun {
  server: RunningServer;
  /** the copy's store folder */
  dbPath: string;
  /** removes the copy (call once the server is gone) */
  discard: () => void;
}

/**
 * A copy of a folder tree whose files are hard links to the originals. A real copy of the
 * 100,000-key store (25,000 tenant files, ~150 MiB) takes 5–11 s on the bench machine's disk, and
 * removing it 2 s more, for every run; linking takes 0.3 s. It is safe because the emulator never
 * writes a store file in place: it writes a temp file and renames it over the old name (which
 * breaks the link and leaves the seed as it was), and its log and lock are new files. `verifySeed`
 * checks that after every run all the same.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target); // another file system, or links not allowed
      }
    }
  }
}

/** Size, modification time and inode of every file under `dir`, by relative path. */
function fingerprint(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of fingerprint(dir, rel)) out.set(k, v);
    else {
      const st = statSync(join(dir, rel), { bigint: true });
      out.set(rel, `${st.size}:${st.mtimeNs}:${st.ino}`);
    }
  }
  return out;
}

const fingerprints = new WeakMap<SeedStore, Map<string, string>>();

/** Throws when a run changed a file of `seed` (through a hard link): its later runs would not start from the same state. */
export function verifySeed(seed: SeedStore): void {
  const before = fingerprints.get(seed);
  if (!before) return;
  const now = fingerprint(seed.path);
  const changed = [...before].filter(([k, v]) => now.get(k) !== v).map(([k]) => k);
  if (changed.length > 0 || now.size !== before.size) {
    throw new Error(
      `the emulator changed the seed store ${seed.path} through a hard-linked copy (${changed.slice(0, 3).join(', ') || 'files added'}): store/seeded.ts must copy instead of linking`,
    );
  }
}

/** A fresh copy of `seed`'s folder (hard links, see linkTree); `discard` removes it and checks the seed is intact. */
export function copySeed(
  ctx: BenchContext,
  seed: SeedStore,
): { dbPath: string; discard: () => void } {
  const dir = ctx.tempDir('run');
  const dbPath = join(dir, 'store');
  linkTree(seed.path, dbPath);
  return {
    dbPath,
    discard: () => {
      rmSync(dir, { recursive: true, force: true });
      verifySeed(seed);
    },
  };
}

/** Starts the CLI (`--db`) on the store folder `dbPath`, waiting until ready. */
export async function startOn(ctx: BenchContext, dbPath: string): Promise<RunningServer> {
  return startServer({
    ...emulatorSpec(await freePort(), { dbPath }),
    timeoutMs: ctx.opts.seededStartTimeoutMs,
  });
}

/** Starts the CLI (`--db`) on a fresh copy of `seed`. */
export async function startOnCopy(ctx: BenchContext, seed: SeedStore): Promise<SeededRun> {
  const { dbPath, discard } = copySeed(ctx, seed);
  try {
    return { server: await startOn(ctx, dbPath), dbPath, discard };
  } catch (err) {
    discard();
    throw err;
  }
}

/**
 * Runs `rounds` rounds over `items` (order rotating), calling `run(item, round)`. To stay in the
 * time budget, an item whose run throws (a store the emulator cannot load within the limit would
 * cost the limit again every round) or takes longer than `slowMs` gets no later rounds; `note`
 * says why.
 */
export async function roundRobin<T>(
  items: readonly T[],
  rounds: number,
  slowMs: number,
  run: (item: T, round: number) => Promise<void>,
  note: (item: T, message: string) => void,
): Promise<void> {
  const done = new Set<T>();
  for (let round = 0; round < rounds; round++) {
    for (const item of rotate(items, round)) {
      if (done.has(item)) continue;
      const more = round + 1 < rounds ? '; its later rounds were skipped' : '';
      const started = Date.now();
      try {
        await run(item, round);
      } catch (err) {
        done.add(item);
        note(
          item,
          `round ${round + 1}: ${(err as Error).message.split('\n')[0] ?? 'failed'}${more}`,
        );
        continue;
      }
      const took = Date.now() - started;
      if (took > slowMs && more) {
        done.add(item);
        note(item, `round ${round + 1} took ${(took / 1000).toFixed(0)} s${more} (time budget)`);
      }
    }
  }
}
