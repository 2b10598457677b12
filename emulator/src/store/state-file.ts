/**
 * @module store/state-file
 * State exports on disk: `--import FILE` reads one (validated like `PUT /_emulator/state`) and
 * `--export-on-exit FILE` writes one at SIGINT/SIGTERM, with the same atomic, fsynced write as
 * the store (temp file, rename): a crash mid-export never leaves a torn file (Firebase once lost
 * a user's export folder this way, docs/reference/emulator-anchors.md §7.3). The format is the store's own, so
 * an export also works as a `--db` file.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StateDoc } from '../domain/state.js';
import { DurableJsonFile } from './durable-json-file.js';
import { checkImport } from './import-check.js';
import { StoreError } from './store-errors.js';

export async function readStateFile(path: string): Promise<StateDoc> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new StoreError(
      'STORE_IMPORT_UNREADABLE',
      `Cannot read the import file ${path}: ${(error as Error).message}`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new StoreError(
      'STORE_IMPORT_NOT_JSON',
      `The import file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const check = checkImport(doc);
  if (!check.ok)
    throw new StoreError(
      check.code,
      `The import file ${path} was refused: ${check.message}. Export one with GET /_emulator/state.`,
    );
  return check.state;
}

export async function writeStateFile(path: string, state: StateDoc): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await new DurableJsonFile<StateDoc>(path, (doc) => ({
      ok: true,
      value: doc as StateDoc,
    })).write(state);
  } catch (error) {
    const why = error instanceof StoreError ? error.detail : (error as Error).message;
    throw new StoreError('STORE_EXPORT_FAILED', `The export file ${path} was not written: ${why}`);
  }
}
