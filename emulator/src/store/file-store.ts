/**
 * @module store/file-store
 * The file store: a JSON snapshot (`<db>`, the lowdb-format document, written atomically by
 * DurableJsonFile) plus a write-ahead log (`<db>.wal`, store-log.ts). A commit appends only the
 * records changed since the last one (found by ChangeTracker) and fdatasyncs before it is
 * acknowledged, so its cost does not grow with the store; concurrent commits share one append
 * (CoalescingWriter). The log is folded into the snapshot (compaction) when it outgrows
 * max(4 MiB, the snapshot), at close, and at a start that finds a non-empty log.
 */
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StateDoc } from '../domain/state.js';
import { ChangeTracker, isEmptyChanges } from './change-tracker.js';
import { CoalescingWriter } from './coalescing-writer.js';
import { DurableJsonFile, syncDirectory } from './durable-json-file.js';
import { acquireLock } from './lock-file.js';
import { encodeEntry, logPath, LogWriter, readLogText, replayLog, rotatedLogPath } from './store-log.js';
import type { Store } from './store.js';
import { asStoreError, StoreError } from './store-errors.js';

/** Bookkeeping changes (last use) reach the disk within this delay. */
const TOUCH_DELAY_MS = 1000;
const MIN_COMPACT_BYTES = 4 * 1024 * 1024;

export class FileStore implements Store {
  readonly kind = 'file' as const;
  private readonly writer: CoalescingWriter;
  private touchTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private seq: number;
  private snapshotBytes: number;
  private compaction: Promise<void> | null = null;
  /** Set when a background compaction failed: its rotated log must not be overwritten. */
  private compactionBlocked = false;
  /** Log lines appended (coalescing makes this far lower than the commit count). */
  writes = 0;
  /** The log is compacted once it passes max(this, the snapshot's size). */
  private compactAtBytes = MIN_COMPACT_BYTES;
  /** Compactions completed (tests). */
  compactions = 0;

  private constructor(
    readonly path: string,
    private readonly snapshot: DurableJsonFile,
    private readonly tracker: ChangeTracker,
    private log: LogWriter,
    private readonly releaseLock: () => void,
    seq: number,
    snapshotBytes: number,
  ) {
    this.seq = seq;
    this.snapshotBytes = snapshotBytes;
    this.writer = new CoalescingWriter(() => this.flush());
  }

  /**
   * Opens (or creates) the store: snapshot, then the logs replayed. Refuses a corrupt or
   * newer-schema snapshot, or a log with a corrupt line before its last, with StoreError,
   * changing nothing. A log left by a crash is folded into the snapshot before serving.
   */
  static async open(path: string, initial: () => StateDoc, options: { compactAtBytes?: number } = {}): Promise<FileStore> {
    await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
      throw asStoreError(error, 'STORE_WRITE_FAILED', `Cannot create the folder of the store file ${path}`);
    });
    const release = acquireLock(path);
    try {
      const snapshot = new DurableJsonFile(path);
      let doc = await snapshot.readParsed();
      let seq = 0;
      let lines = 0;
      let torn = false;
      for (const log of [rotatedLogPath(path), logPath(path)]) {
        const text = await readLogText(log);
        if (text === '') continue;
        const replayed = replayLog(doc, text, log, seq);
        ({ doc, lastSeq: seq } = replayed);
        lines += replayed.lines;
        torn ||= replayed.tornTail;
      }
      const state = doc === null ? initial() : snapshot.check(doc);
      // A new store gets its snapshot at once, so the file always exists and is valid JSON.
      const needsFold = lines > 0 || torn || doc === null;
      if (needsFold) await foldIntoSnapshot(path, snapshot, JSON.stringify(state));
      const log = await LogWriter.open(logPath(path));
      await syncDirectory(dirname(path));
      const bytes = await stat(path).then((s) => s.size, () => 0);
      const store = new FileStore(path, snapshot, new ChangeTracker(state), log, release, seq, bytes);
      store.compactAtBytes = options.compactAtBytes ?? MIN_COMPACT_BYTES;
      return store;
    } catch (error) {
      release();
      // Refusals are StoreErrors already; anything else is the file system saying no.
      throw asStoreError(error, 'STORE_WRITE_FAILED', `Cannot open the store file ${path}`);
    }
  }

  get state(): StateDoc {
    return this.tracker.doc;
  }

  commit(): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('STORE_CLOSED', `The store ${this.path} is closed; this change was not saved.`));
    return this.writer.request();
  }

  touch(): void {
    if (this.touchTimer || this.closed) return;
    this.touchTimer = setTimeout(() => {
      this.touchTimer = null;
      this.writer.request().catch(() => undefined); // a failed bookkeeping write is retried by the next commit
    }, TOUCH_DELAY_MS);
    this.touchTimer.unref();
  }

  async replace(next: StateDoc): Promise<void> {
    this.tracker.replace(next);
    await this.commit();
  }

  /** Resolves when no background compaction is running (tests). */
  async compacted(): Promise<void> {
    while (this.compaction) await this.compaction;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.touchTimer) {
      clearTimeout(this.touchTimer);
      this.touchTimer = null;
    }
    await this.writer.request().catch(() => undefined);
    await this.writer.idle();
    this.closed = true;
    try {
      await this.compaction;
      await this.log.close();
      await foldIntoSnapshot(this.path, this.snapshot, JSON.stringify(this.tracker.plainDoc));
    } catch {
      // The logs stay; the next start replays them.
    } finally {
      this.releaseLock();
    }
  }

  /** One coalesced write: the changes since the last one, as one log line. */
  private async flush(): Promise<void> {
    const changes = this.tracker.take();
    if (isEmptyChanges(changes)) return;
    const seq = this.seq + 1;
    try {
      await this.log.append(encodeEntry(seq, changes, this.tracker.plainDoc));
    } catch (error) {
      this.tracker.restore(changes);
      throw error;
    }
    this.seq = seq;
    this.writes += 1;
    if (this.log.size <= Math.max(this.compactAtBytes, this.snapshotBytes)) return;
    // This batch is durable whatever happens to the compaction: never fail its commits for it.
    await this.startCompaction().catch(() => {
      this.compactionBlocked = true;
    });
  }

  /**
   * Runs inside the writer (no append in flight): rotate the log, serialise the document (the
   * only synchronous O(store) step), then write the snapshot in the background while new commits
   * append to the fresh log. Threshold ∝ snapshot size keeps the cost amortised O(1) per commit.
   */
  private async startCompaction(): Promise<void> {
    if (this.compaction || this.compactionBlocked) return;
    try {
      await rotateLog(this.path, this.log);
    } finally {
      this.log = await LogWriter.open(logPath(this.path)); // a fresh log, or the old one again if the rename failed
    }
    await syncDirectory(dirname(this.path));
    const text = JSON.stringify(this.tracker.plainDoc);
    this.compaction = writeSnapshotAndDropRotated(this.path, this.snapshot, text)
      .then(() => {
        this.snapshotBytes = text.length;
        this.compactions += 1;
      })
      .catch(() => {
        this.compactionBlocked = true; // `.wal.1` must survive; close or the next start folds it
      })
      .finally(() => {
        this.compaction = null;
      });
  }
}

/** Compaction step 1: the current log becomes `<db>.wal.1` (a new, empty log follows). */
export async function rotateLog(dbPath: string, current: LogWriter): Promise<void> {
  await current.close();
  await rename(logPath(dbPath), rotatedLogPath(dbPath));
}

/** Compaction steps 2 and 3: snapshot written atomically, then the rotated log removed. */
export async function writeSnapshotAndDropRotated(dbPath: string, snapshot: DurableJsonFile, text: string): Promise<void> {
  await snapshot.writeText(text);
  await unlinkIfPresent(rotatedLogPath(dbPath));
  await syncDirectory(dirname(dbPath));
}

/** Full fold (start after a crash, close): snapshot first, then both logs; each step is safe to repeat. */
async function foldIntoSnapshot(dbPath: string, snapshot: DurableJsonFile, text: string): Promise<void> {
  await snapshot.writeText(text);
  await unlinkIfPresent(rotatedLogPath(dbPath));
  await unlinkIfPresent(logPath(dbPath));
  await syncDirectory(dirname(dbPath));
}

async function unlinkIfPresent(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
