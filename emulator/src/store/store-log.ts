/**
 * @module store/store-log
 * Durable appends (LogWriter, used by the lowdb store's log, store/lowdb/wal.ts), and the
 * version-1 log format, kept to migrate stores written by iam-testbed 0.1: `<db>.wal`, one JSON
 * line per commit, `{"seq":n,"changes":[{"c":collection,"id":id,"v":record|null}],"meta"?:{…}}`
 * or `{"seq":n,"full":<document>}`; `<db>.wal.1` mid-compaction, replayed first. Replay is
 * "last value wins" per (collection, id).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { StoreError } from './store-errors.js';

export const logPath = (dbPath: string): string => `${dbPath}.wal`;
export const rotatedLogPath = (dbPath: string): string => `${dbPath}.wal.1`;

type Obj = Record<string, unknown>;

/** Appends lines durably. One writer at a time (the CoalescingWriter guarantees it). */
export class LogWriter {
  private constructor(
    private readonly handle: FileHandle,
    public size: number,
  ) {}

  static async open(path: string): Promise<LogWriter> {
    const handle = await open(path, 'a', 0o600);
    const { size } = await handle.stat();
    return new LogWriter(handle, size);
  }

  async append(line: string): Promise<void> {
    const bytes = Buffer.from(line, 'utf8');
    const before = this.size;
    try {
      let done = 0;
      while (done < bytes.length)
        done += (await this.handle.write(bytes, done, bytes.length - done)).bytesWritten;
      await this.handle.datasync();
      this.size += bytes.length;
    } catch (error) {
      // Never leave a half line that a later line would turn into a corrupt middle line.
      await this.handle.truncate(before).catch(() => undefined);
      throw new StoreError(
        'STORE_WRITE_FAILED',
        `Cannot append to the store log: ${(error as Error).message}`,
      );
    }
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

export interface Replayed {
  doc: unknown;
  /** Complete lines applied. */
  lines: number;
  lastSeq: number;
  /** A torn last line (a crash mid-append, never acknowledged) was ignored. */
  tornTail: boolean;
}

/**
 * Applies a log's complete lines to `doc` (a parsed snapshot, or null). A last line without its
 * newline is a torn append and is ignored; any other bad line refuses the store.
 */
export function replayLog(doc: unknown, text: string, path: string, lastSeq = 0): Replayed {
  const parts = text.split('\n');
  const tail = parts.pop() ?? '';
  let current = doc;
  let seq = lastSeq;
  parts.forEach((line, index) => {
    if (line.trim() === '') return;
    const entry = parseEntry(line);
    if (typeof entry === 'string') {
      throw new StoreError(
        'STORE_LOG_CORRUPT',
        `Refusing to use the store log ${path}: line ${index + 1} ${entry}. It and the store file were left untouched; move them away (or pass another --db, or --memory) to start fresh.`,
      );
    }
    current = applyEntry(current, entry);
    seq = Math.max(seq, entry.seq);
  });
  return {
    doc: current,
    lines: parts.filter((l) => l.trim() !== '').length,
    lastSeq: seq,
    tornTail: tail !== '',
  };
}

interface Entry {
  seq: number;
  full?: Obj;
  changes?: Array<{ c: string; id: string; v: Obj | null }>;
  meta?: Obj;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entry, or why the line is not one. */
function parseEntry(line: string): Entry | string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
  if (!isObj(entry) || typeof entry.seq !== 'number')
    return 'is not a log entry (no numeric "seq")';
  if ('full' in entry)
    return isObj(entry.full) ? (entry as unknown as Entry) : 'has a "full" that is not a document';
  if (!Array.isArray(entry.changes)) return 'has no "changes" list';
  for (const change of entry.changes as unknown[]) {
    if (
      !isObj(change) ||
      typeof change.c !== 'string' ||
      typeof change.id !== 'string' ||
      !(change.v === null || isObj(change.v))
    ) {
      return 'has a malformed change (want {"c":collection,"id":id,"v":record|null})';
    }
  }
  if ('meta' in entry && !isObj(entry.meta)) return 'has a "meta" that is not an object';
  return entry as unknown as Entry;
}

function applyEntry(doc: unknown, entry: Entry): unknown {
  if (entry.full) return entry.full;
  const target: Obj = isObj(doc) ? doc : {};
  for (const { c, id, v } of entry.changes ?? []) {
    if (!isObj(target[c])) define(target, c, {});
    const records = target[c] as Obj;
    if (v === null) delete records[id];
    else define(records, id, v);
  }
  if (entry.meta) target.meta = entry.meta;
  return target;
}

/** Plain assignment would treat an ID such as `__proto__` as the prototype. */
function define(obj: Obj, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}
