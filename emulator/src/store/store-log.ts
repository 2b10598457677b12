/**
 * @module store/store-log
 * The file store's write-ahead log, `<db>.wal`: one JSON line per commit,
 * `{"seq":n,"changes":[{"c":collection,"id":id,"v":record|null}],"meta"?:{…}}`, or
 * `{"seq":n,"full":<document>}` after a whole-document change. A commit is acknowledged once its
 * line is appended and fdatasync'ed. Replay is "last value wins" per (collection, id), so
 * replaying lines already contained in the snapshot changes nothing (compaction relies on it).
 * `<db>.wal.1` is the log being folded into the snapshot by a compaction in progress; it is
 * replayed first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { StateDoc } from '../domain/state.js';
import type { Changes } from './change-tracker.js';
import { StoreError } from './store-errors.js';

export const logPath = (dbPath: string): string => `${dbPath}.wal`;
export const rotatedLogPath = (dbPath: string): string => `${dbPath}.wal.1`;

type Obj = Record<string, unknown>;

/** The log line for `changes`, with each changed record's current value (null: deleted). */
export function encodeEntry(seq: number, changes: Changes, doc: StateDoc): string {
  if (changes.full) return `${JSON.stringify({ seq, full: doc })}\n`;
  const list: Array<{ c: string; id: string; v: unknown }> = [];
  for (const [c, ids] of changes.records) {
    const records = (doc as unknown as Record<string, Obj>)[c] ?? {};
    for (const id of ids) list.push({ c, id, v: Object.hasOwn(records, id) ? records[id] : null });
  }
  return `${JSON.stringify(changes.meta ? { seq, changes: list, meta: doc.meta } : { seq, changes: list })}\n`;
}

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
      while (done < bytes.length) done += (await this.handle.write(bytes, done, bytes.length - done)).bytesWritten;
      await this.handle.datasync();
      this.size += bytes.length;
    } catch (error) {
      // Never leave a half line that a later line would turn into a corrupt middle line.
      await this.handle.truncate(before).catch(() => undefined);
      throw new StoreError('STORE_WRITE_FAILED', `Cannot append to the store log: ${(error as Error).message}`);
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
  return { doc: current, lines: parts.filter((l) => l.trim() !== '').length, lastSeq: seq, tornTail: tail !== '' };
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
  if (!isObj(entry) || typeof entry.seq !== 'number') return 'is not a log entry (no numeric "seq")';
  if ('full' in entry) return isObj(entry.full) ? (entry as unknown as Entry) : 'has a "full" that is not a document';
  if (!Array.isArray(entry.changes)) return 'has no "changes" list';
  for (const change of entry.changes as unknown[]) {
    if (!isObj(change) || typeof change.c !== 'string' || typeof change.id !== 'string' || !(change.v === null || isObj(change.v))) {
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

/** The text of a log, or '' when there is none. */
export async function readLogText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new StoreError('STORE_UNREADABLE', `Cannot read the store log ${path}: ${(error as Error).message}`);
  }
}

/**
 * The document a store's files hold (snapshot, then the logs), unvalidated. For tests and tools
 * that inspect a store on disk (possibly after a SIGKILL) without opening it.
 */
export function readStoreDocument(dbPath: string): unknown {
  let doc: unknown = existsSync(dbPath) ? JSON.parse(readFileSync(dbPath, 'utf8')) : null;
  for (const path of [rotatedLogPath(dbPath), logPath(dbPath)]) {
    if (existsSync(path)) doc = replayLog(doc, readFileSync(path, 'utf8'), path).doc;
  }
  return doc;
}
