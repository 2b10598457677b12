/**
 * @module store/lock-file
 * One emulator per store file: two processes writing the same file would silently drop each
 * other's changes. `<db>.lock` holds the owner's PID; a lock whose process is gone (after a
 * crash or SIGKILL) is taken over.
 */
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoreError } from './store-errors.js';

/** A zombie (killed, not yet reaped — common in containers whose PID 1 never reaps) is dead. */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false; // no /proc (macOS, Windows): trust kill(0)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !zombie(pid);
}

/** The PID in a lock file; null when it vanished meanwhile (its owner just released it) or holds no PID. */
function lockOwner(lockPath: string): number | null {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError('STORE_LOCK_FAILED', `Cannot read the lock file ${lockPath}: ${(error as Error).message}`);
  }
  const pid = Number(text);
  return Number.isInteger(pid) ? pid : null;
}

/** A lock whose process is gone (or already removed by someone else) is taken over. */
function removeStale(lockPath: string): void {
  try {
    unlinkSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new StoreError('STORE_LOCK_FAILED', `Cannot remove the stale lock file ${lockPath}: ${(error as Error).message}`);
    }
  }
}

/**
 * Creates the lock with the PID already in it: written to a file of our own, then hard-linked to
 * the lock path (atomic, EEXIST when taken). Creating the lock and then writing the PID would let
 * another emulator read it empty in between, take it for stale and open the same store.
 */
function createWithPid(lockPath: string): void {
  const own = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(own, String(process.pid));
  try {
    linkSync(own, lockPath);
  } finally {
    unlinkSync(own);
  }
}

/** Store files opened by this process (a second open in the same process is refused too). */
const openHere = new Set<string>();

export function acquireLock(dbPath: string): () => void {
  const lockPath = `${resolve(dbPath)}.lock`;
  if (openHere.has(lockPath)) {
    throw new StoreError('STORE_LOCKED', `The store file ${dbPath} is already open in this process. Close the other server first, or pass another --db (or --memory).`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createWithPid(lockPath);
      openHere.add(lockPath);
      return () => {
        openHere.delete(lockPath);
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError('STORE_LOCK_FAILED', `Cannot create the lock file ${lockPath}: ${(error as Error).message}`);
      }
      const owner = lockOwner(lockPath);
      if (owner !== null && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new StoreError('STORE_LOCKED', `The store file ${dbPath} is in use by another emulator (pid ${owner}). Stop it, or pass another --db (or --memory).`);
      }
      removeStale(lockPath);
    }
  }
  throw new StoreError('STORE_LOCK_FAILED', `Could not take the lock ${lockPath}; remove it if no emulator is running.`);
}
