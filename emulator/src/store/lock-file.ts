/**
 * @module store/lock-file
 * One emulator per store: two processes writing the same store would silently drop each other's
 * changes. The lock file holds its owner's PID, the process's start time and the machine's boot
 * ID. A lock is stale (and taken over) when that process is gone, or when the PID now belongs to
 * another process: PIDs are reused, quickly in containers, where the emulator is often PID 1 or 7
 * after every restart. A PID alone would keep a restarted container locked out of its volume.
 */
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoreError } from './store-errors.js';

interface Owner {
  pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot); null where there is no /proc. */
  start: string | null;
  boot: string | null;
}

function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

const startTime = (pid: number): string | null => procStat(pid)?.[19] ?? null;

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie (killed, not yet reaped — common in containers whose PID 1 never reaps) is dead.
  const state = procStat(pid)?.[0];
  return state !== 'Z' && state !== 'X';
}

/** Whether the lock's owner is still the process that wrote it. */
export function ownerAlive(owner: Owner): boolean {
  if (owner.boot !== null && bootId() !== null && owner.boot !== bootId()) return false;
  if (!alive(owner.pid)) return false;
  const now = startTime(owner.pid);
  return owner.start === null || now === null || now === owner.start;
}

export function currentOwner(): Owner {
  return { pid: process.pid, start: startTime(process.pid), boot: bootId() };
}

/** The owner in a lock file; null when it vanished meanwhile (just released) or holds nothing usable. */
function lockOwner(lockPath: string): Owner | null {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError(
      'STORE_LOCK_FAILED',
      `Cannot read the lock file ${lockPath}: ${(error as Error).message}`,
    );
  }
  if (/^\d+$/.test(text.trim())) return { pid: Number(text), start: null, boot: null }; // written by 0.1
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    if (typeof o.pid === 'number' && Number.isInteger(o.pid))
      return {
        pid: o.pid,
        start: typeof o.start === 'string' ? o.start : null,
        boot: typeof o.boot === 'string' ? o.boot : null,
      };
  } catch {
    // unreadable: stale
  }
  return null;
}

function removeStale(lockPath: string): void {
  try {
    unlinkSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new StoreError(
        'STORE_LOCK_FAILED',
        `Cannot remove the stale lock file ${lockPath}: ${(error as Error).message}`,
      );
    }
  }
}

/**
 * Creates the lock with its owner already in it: written to a file of our own, then hard-linked
 * to the lock path (atomic, EEXIST when taken). Creating the lock and then writing would let
 * another emulator read it empty in between, take it for stale and open the same store.
 */
function createWithOwner(lockPath: string, text: string): void {
  const own = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(own, text);
  try {
    linkSync(own, lockPath);
  } finally {
    unlinkSync(own);
  }
}

/** Locks held by this process (a second open in the same process is refused too). */
const openHere = new Set<string>();

/** Takes `lockFile` for this process; returns the release function. `what` names the store in errors. */
export function acquireLock(lockFile: string, what: string): () => void {
  const lockPath = resolve(lockFile);
  if (openHere.has(lockPath)) {
    throw new StoreError(
      'STORE_LOCKED',
      `The store ${what} is already open in this process. Close the other server first, or pass another --db (or --memory).`,
    );
  }
  const text = JSON.stringify(currentOwner());
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createWithOwner(lockPath, text);
      openHere.add(lockPath);
      return () => {
        openHere.delete(lockPath);
        try {
          if (readFileSync(lockPath, 'utf8') === text) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(
          'STORE_LOCK_FAILED',
          `Cannot create the lock file ${lockPath}: ${(error as Error).message}`,
        );
      }
      const owner = lockOwner(lockPath);
      if (owner !== null && owner.pid > 0 && owner.pid !== process.pid && ownerAlive(owner)) {
        throw new StoreError(
          'STORE_LOCKED',
          `The store ${what} is in use by another emulator (pid ${owner.pid}). Stop it, or pass another --db (or --memory).`,
        );
      }
      removeStale(lockPath);
    }
  }
  throw new StoreError(
    'STORE_LOCK_FAILED',
    `Could not take the lock ${lockPath}; remove it if no emulator is running.`,
  );
}
