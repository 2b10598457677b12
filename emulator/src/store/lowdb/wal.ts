/**
 * @module store/lowdb/wal
 * The write-ahead log of a lowdb store folder: one JSON line per entry (store/store-entry.ts)
 * with a sequence number. A unit of work is acknowledged once its line is appended and
 * fdatasync'ed; lines that arrive while a write is in flight share the next write (group
 * commit), so N concurrent commits cost two syncs, not N. A failed write fails every entry in it
 * and leaves no partial line (LogWriter truncates back).
 */
import { readFile } from 'node:fs/promises';
import { LogWriter } from '../store-log.js';
import type { StoreEntry } from '../store-entry.js';
import { StoreError } from '../store-errors.js';

interface Pending {
  lines: string[];
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function pending(): Pending {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { lines: [], promise, resolve, reject };
}

export class GroupLog {
  private queued: Pending | null = null;
  private inFlight: Promise<void> | null = null;
  /** Set while swap() replaces the writer: drain() holds the next batch until it is done. */
  private swapping: Promise<void> | null = null;
  /** The batch being written, if any (settles, never rejects). */
  private writing: Promise<void> | null = null;
  /** Appends (each one sync) since open: far fewer than entries under load. */
  writes = 0;

  private constructor(
    private writer: LogWriter,
    public seq: number,
  ) {}

  static async open(path: string, seq: number): Promise<GroupLog> {
    return new GroupLog(await LogWriter.open(path), seq);
  }

  get size(): number {
    return this.writer.size;
  }

  /** Resolves once the entry is durable. */
  append(entry: StoreEntry): Promise<void> {
    this.seq += 1;
    this.queued ??= pending();
    this.queued.lines.push(`${JSON.stringify({ seq: this.seq, ...entry })}\n`);
    const { promise } = this.queued;
    this.inFlight ??= this.drain();
    return promise;
  }

  /** Resolves once nothing is queued or being written. */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /**
   * Swaps in another writer (compaction rotates the log), closing the old one once the batch
   * being written is done. It does not wait for the log to go idle, which under steady commits it
   * never does; entries appended meanwhile wait and go to the new writer.
   */
  async swap(open: () => Promise<LogWriter>): Promise<void> {
    while (this.swapping) await this.swapping;
    let done!: () => void;
    this.swapping = new Promise<void>((resolve) => (done = resolve));
    try {
      await this.writing;
      await this.writer.close();
      this.writer = await open();
    } finally {
      this.swapping = null;
      done();
    }
  }

  async close(): Promise<void> {
    await this.idle();
    await this.writer.close();
  }

  private async drain(): Promise<void> {
    while (this.queued) {
      while (this.swapping) await this.swapping;
      const batch = this.queued;
      this.queued = null;
      this.writes += 1;
      const write = this.writer.append(batch.lines.join(''));
      this.writing = write.then(
        () => undefined,
        () => undefined,
      );
      try {
        await write;
        batch.resolve();
      } catch (error) {
        batch.reject(error);
      } finally {
        this.writing = null;
      }
    }
    this.inFlight = null;
  }
}

export interface ReadLog {
  entries: Array<StoreEntry & { seq: number }>;
  /** A torn last line (a crash mid-append, never acknowledged) was ignored. */
  tornTail: boolean;
}

const OPS = new Set(['records', 'put', 'delete', 'replace', 'meta']);

/** A log's complete entries; refuses a corrupt line before the last one (STORE_LOG_CORRUPT). */
export async function readLog(path: string): Promise<ReadLog> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], tornTail: false };
    throw new StoreError(
      'STORE_UNREADABLE',
      `Cannot read the store log ${path}: ${(error as Error).message}`,
    );
  }
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const entries: ReadLog['entries'] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const entry = parseEntry(line);
    if (typeof entry === 'string') {
      throw new StoreError(
        'STORE_LOG_CORRUPT',
        `Line ${i + 1} of the store log ${path} ${entry}. The store was left untouched; restore the folder from a backup or move it away.`,
      );
    }
    entries.push(entry);
  });
  // A last line without its newline never finished its append: it was never acknowledged.
  return { entries, tornTail: tail !== '' };
}

function parseEntry(line: string): (StoreEntry & { seq: number }) | string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
  if (typeof entry !== 'object' || entry === null) return 'is not a log entry';
  const e = entry as { seq?: unknown; op?: unknown };
  if (typeof e.seq !== 'number' || typeof e.op !== 'string' || !OPS.has(e.op))
    return 'is not a log entry (no numeric "seq" or known "op")';
  return entry as StoreEntry & { seq: number };
}
