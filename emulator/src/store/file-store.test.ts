import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { emptyState, SCHEMA_VERSION } from '../domain/state.js';
import { FileStore } from './file-store.js';
import { readStoreDocument } from './store-log.js';
import { StoreError } from './store.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iam-testbed-store-unit-'));
  dbPath = join(dir, 'nested', 'db.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const openError = async (path: string): Promise<StoreError> => {
  try {
    const store = await FileStore.open(path, () => emptyState());
    await store.close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected the store to be refused');
};

test('creates the folder, commits durably and reads the state back', async () => {
  const store = await FileStore.open(dbPath, () => emptyState(5));
  store.state.meta.starts = 3;
  await store.commit();
  const onDisk = readStoreDocument(dbPath);
  expect(onDisk).toMatchObject({ schemaVersion: SCHEMA_VERSION, meta: { created_at: 5, starts: 3 } });
  await store.close();
  const again = await FileStore.open(dbPath, () => emptyState());
  expect(again.state.meta.starts).toBe(3);
  await again.close();
  expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['db.json']); // no temp file, lock released
});

test('coalesces concurrent commits into far fewer file writes, all of them durable', async () => {
  const store = await FileStore.open(dbPath, () => emptyState());
  const commits = Array.from({ length: 50 }, (_, i) => {
    store.state.meta.starts = i + 1;
    return store.commit();
  });
  await Promise.all(commits);
  expect(store.writes).toBeLessThanOrEqual(2);
  expect((readStoreDocument(dbPath) as { meta: { starts: number } }).meta.starts).toBe(50);
  await store.close();
});

test('refuses a corrupt file and never overwrites it', async () => {
  const corrupt = join(dir, 'corrupt.json');
  writeFileSync(corrupt, '{"schemaVersion": 1, "accounts": {');
  const error = await openError(corrupt);
  expect(error.code).toBe('STORE_NOT_JSON');
  expect(error.message).toContain('not valid JSON');
  expect(error.message).toMatch(/ \[STORE_NOT_JSON\]$/);
  expect(error.message).toContain('left untouched');
  expect(readFileSync(corrupt, 'utf8')).toBe('{"schemaVersion": 1, "accounts": {');
  expect(existsSync(`${corrupt}.lock`)).toBe(false);
});

test('refuses an empty file, a foreign JSON file and a malformed state', async () => {
  const empty = join(dir, 'empty.json');
  writeFileSync(empty, '');
  expect((await openError(empty)).message).toContain('it is empty');
  expect((await openError(empty)).code).toBe('STORE_NOT_JSON');
  const foreign = join(dir, 'foreign.json');
  writeFileSync(foreign, '{"hello": "world"}');
  expect((await openError(foreign)).message).toContain('not an iam-testbed store');
  expect((await openError(foreign)).code).toBe('STORE_INVALID');
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ ...emptyState(), users: { u: { id: 'u' } } }));
  const error = await openError(broken);
  expect(error.code).toBe('STORE_INVALID');
  expect(error.message).toContain('users.u');
});

test('refuses a file written by a newer schema', async () => {
  const newer = join(dir, 'newer.json');
  const text = JSON.stringify({ ...emptyState(), schemaVersion: SCHEMA_VERSION + 1 });
  writeFileSync(newer, text);
  const error = await openError(newer);
  expect(error.code).toBe('STORE_NEWER_SCHEMA');
  expect(error.message).toContain(`schemaVersion ${SCHEMA_VERSION + 1}`);
  expect(readFileSync(newer, 'utf8')).toBe(text);
});

test('refuses a file locked by a live emulator and takes over a stale lock', async () => {
  const first = await FileStore.open(dbPath, () => emptyState());
  expect((await openError(dbPath)).code).toBe('STORE_LOCKED');
  await first.close();
  writeFileSync(`${dbPath}.lock`, '999999999'); // no such process
  const second = await FileStore.open(dbPath, () => emptyState());
  await second.close();
  expect(existsSync(`${dbPath}.lock`)).toBe(false);
});

test('close flushes a pending touch', async () => {
  const store = await FileStore.open(dbPath, () => emptyState());
  await store.commit();
  store.state.meta.starts = 9;
  store.touch();
  await store.close();
  expect(JSON.parse(readFileSync(dbPath, 'utf8')).meta.starts).toBe(9);
});

test('a temp file left by a crash mid-write does not disturb the last committed state', async () => {
  const store = await FileStore.open(dbPath, () => emptyState());
  store.state.meta.starts = 4;
  await store.commit();
  await store.close();
  writeFileSync(join(dir, 'nested', '.db.json.12345.tmp'), '{"schemaVersion":1,"acc');
  const again = await FileStore.open(dbPath, () => emptyState());
  expect(again.state.meta.starts).toBe(4);
  await again.close();
});
