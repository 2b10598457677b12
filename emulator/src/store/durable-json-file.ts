/**
 * @module store/durable-json-file
 * A lowdb adapter that makes each write atomic and durable: write a temp file in the same
 * folder, fsync it, rename it over the target, fsync the folder. A crash or SIGKILL at any point
 * leaves either the old or the new complete file (lowdb's own JSONFile renames too, but never
 * fsyncs, so a power loss could lose an acknowledged write). Reading refuses anything that is
 * not a valid store of this schema version instead of treating it as empty.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { asStoreError, StoreError } from './store-errors.js';

/** Validates a parsed file; refusals name the problem (`newer-schema` gets its own code). */
export type FileCheck<T> = (
  doc: unknown,
) => { ok: true; value: T } | { ok: false; kind: 'newer-schema' | 'invalid'; message: string };

export class DurableJsonFile<T> implements Adapter<T> {
  private readonly tempPath: string;

  constructor(
    readonly path: string,
    private readonly validate: FileCheck<T>,
    /** `syncDir: false`: the caller syncs the folder once after writing many files. */
    private readonly options: { syncDir?: boolean } = {},
  ) {
    this.tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  }

  async read(): Promise<T | null> {
    const doc = await this.readParsed();
    return doc === null ? null : this.check(doc);
  }

  /** The file parsed as JSON but not yet validated (the file store replays its log onto it). */
  async readParsed(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError(
        'STORE_UNREADABLE',
        `Cannot read the store file ${this.path}: ${(error as Error).message}`,
      );
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw this.refuse(
        'STORE_NOT_JSON',
        text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(error as Error).message})`,
      );
    }
  }

  /** Validates a parsed document; refuses (StoreError) anything but a store file of this schema. */
  check(doc: unknown): T {
    const check = this.validate(doc);
    if (!check.ok)
      throw this.refuse(
        check.kind === 'newer-schema' ? 'STORE_NEWER_SCHEMA' : 'STORE_INVALID',
        check.message,
      );
    return check.value;
  }

  private refuse(
    code: 'STORE_NOT_JSON' | 'STORE_INVALID' | 'STORE_NEWER_SCHEMA',
    why: string,
  ): StoreError {
    return new StoreError(
      code,
      `Refusing to use the store file ${this.path}: ${why}. It was left untouched; move it away (or pass another --db, or --memory) to start fresh.`,
    );
  }

  async write(data: T): Promise<void> {
    await this.writeText(JSON.stringify(data));
  }

  /** Writes already serialised JSON (compaction serialises synchronously, writes later). */
  async writeText(text: string): Promise<void> {
    try {
      const file = await open(this.tempPath, 'w', 0o600);
      try {
        await file.writeFile(text, 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(this.tempPath, this.path);
    } catch (error) {
      await unlink(this.tempPath).catch(() => undefined);
      throw asStoreError(error, 'STORE_WRITE_FAILED', `Cannot write ${this.path}`);
    }
    if (this.options.syncDir !== false) await syncDirectory(dirname(this.path));
  }
}

/** Makes the rename itself durable. Some platforms cannot open folders; that is not fatal. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems refuse; the rename is still atomic there.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
