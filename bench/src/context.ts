/**
 * @module context
 * What every section gets: the options, a logger, scratch directories, and the Azurite entry
 * script when Azurite is part of the run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from './options.js';

export interface BenchContext {
  opts: BenchOptions;
  log: (line: string) => void;
  /** Azurite's blob entry script, or why Azurite is not measured */
  azurite: { entry: string } | { missing: string };
  /** a fresh directory under the work dir, removed by `cleanup()` */
  tempDir: (label: string) => string;
  cleanup: () => void;
}

export function createContext(
  opts: BenchOptions,
  log: (line: string) => void,
  azurite: BenchContext['azurite'],
): BenchContext {
  const root = join(opts.workDir, 'tmp');
  rmSync(root, { recursive: true, force: true }); // leftovers of an interrupted run
  mkdirSync(root, { recursive: true });
  const made: string[] = [];
  return {
    opts,
    log,
    azurite,
    tempDir: (label) => {
      const dir = mkdtempSync(join(root, `${label}-`));
      made.push(dir);
      return dir;
    },
    cleanup: () => {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Round-robin order for round `round`: each target takes each position in turn. */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const k = items.length === 0 ? 0 : round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
