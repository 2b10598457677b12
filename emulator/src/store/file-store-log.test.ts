import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { emptyState, plain, type GroupRecord, type StateDoc } from '../domain/state.js';
import { DurableJsonFile } from './durable-json-file.js';
import { FileStore, rotateLog, writeSnapshotAndDropRotated } from './file-store.js';
import { logPath, LogWriter, readStoreDocument, rotatedLogPath } from './store-log.js';
import { StoreError } from './store.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iam-testbed-wal-'));
  dbPath = join(dir, 'db.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const group = (id: string, name = id): GroupRecord => ({ id, domain_id: 'd', name, description: '', created_at: 1 });
const snapshotOf = () => JSON.parse(readFileSync(dbPath, 'utf8')) as StateDoc;
const logLines = () => readFileSync(logPath(dbPath), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

test('a commit appends only the changed records to the log; the snapshot is untouched until close', async () => {
  const store = await FileStore.open(dbPath, () => emptyState());
  const before = readFileSync(dbPath, 'utf8');
  store.state.groups.g1 = group('g1');
  store.state.groups.g2 = group('g2');
  await store.commit();
  const g1 = store.state.groups.g1;
  if (g1) g1.name = 'renamed';
  delete store.state.groups.g2;
  await store.commit();
  expect(readFileSync(dbPath, 'utf8')).toBe(before);
  expect(logLines()).toEqual([
    { seq: 1, changes: [{ c: 'groups', id: 'g1', v: group('g1') }, { c: 'groups', id: 'g2', v: group('g2') }] },
    { seq: 2, changes: [{ c: 'groups', id: 'g1', v: group('g1', 'renamed') }, { c: 'groups', id: 'g2', v: null }] },
  ]);
  await store.close();
  expect(snapshotOf().groups).toEqual({ g1: group('g1', 'renamed') });
  expect(existsSync(logPath(dbPath))).toBe(false);
});

test('a restart after a crash replays the log, ignores a torn tail and folds it into the snapshot', async () => {
  const store = await FileStore.open(dbPath, () => emptyState());
  store.state.groups.g1 = group('g1');
  await store.commit();
  store.state.meta.starts = 5;
  await store.commit();
  // Simulate SIGKILL: copy the files as they are now, then a torn append.
  const crashed = join(dir, 'crashed.json');
  writeFileSync(crashed, readFileSync(dbPath));
  writeFileSync(logPath(crashed), readFileSync(logPath(dbPath)));
  appendFileSync(logPath(crashed), '{"seq":3,"changes":[{"c":"groups","id":"g9","v":{"id"');
  await store.close();

  const again = await FileStore.open(crashed, () => emptyState());
  expect(again.state.groups).toEqual({ g1: group('g1') });
  expect(again.state.meta.starts).toBe(5);
  expect(JSON.parse(readFileSync(crashed, 'utf8')).groups).toEqual({ g1: group('g1') });
  expect(readFileSync(logPath(crashed), 'utf8')).toBe(''); // torn tail gone, new appends start clean
  again.state.groups.g2 = group('g2');
  await again.commit();
  await again.close();
  expect((readStoreDocument(crashed) as StateDoc).groups).toEqual({ g1: group('g1'), g2: group('g2') });
});

test('refuses a log with a corrupt middle line and changes no file', async () => {
  const store = await FileStore.open(dbPath, () => emptyState());
  await store.close();
  const snapshot = readFileSync(dbPath, 'utf8');
  const log = '{"seq":1,"changes":[]}\nnot json\n{"seq":3,"changes":[]}\n';
  writeFileSync(logPath(dbPath), log);
  const error = await FileStore.open(dbPath, () => emptyState()).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe('STORE_LOG_CORRUPT');
  expect((error as StoreError).message).toContain('line 2');
  expect(readFileSync(dbPath, 'utf8')).toBe(snapshot);
  expect(readFileSync(logPath(dbPath), 'utf8')).toBe(log);
  expect(existsSync(`${dbPath}.lock`)).toBe(false);
});

test('compacts in the background once the log outgrows the snapshot, and keeps every commit', async () => {
  const store = await FileStore.open(dbPath, () => emptyState(), { compactAtBytes: 1 });
  for (let i = 0; i < 40; i++) {
    store.state.groups[`g${i}`] = group(`g${i}`);
    await store.commit();
  }
  await store.compacted();
  expect(store.compactions).toBeGreaterThan(0);
  expect(Object.keys(snapshotOf().groups).length).toBeGreaterThan(0);
  expect(existsSync(rotatedLogPath(dbPath))).toBe(false);
  expect((readStoreDocument(dbPath) as StateDoc).groups).toEqual(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`g${i}`, group(`g${i}`)])));
  await store.close();
});

test('a kill between compaction steps loses nothing: rotated log, new snapshot, rotated log replayed again', async () => {
  // Build a store whose log holds g1 (then renamed) and a delete, as a running server leaves it.
  const store = await FileStore.open(dbPath, () => emptyState());
  store.state.groups.g1 = group('g1');
  store.state.groups.gone = group('gone');
  await store.commit();
  const g1 = store.state.groups.g1;
  if (g1) g1.name = 'v2';
  delete store.state.groups.gone;
  await store.commit();
  const text = JSON.stringify((readStoreDocument(dbPath) as StateDoc));
  const files = () => [readFileSync(dbPath, 'utf8'), existsSync(logPath(dbPath)) ? readFileSync(logPath(dbPath), 'utf8') : ''];
  const [snap, log] = files();
  await store.close();
  const expected = { g1: group('g1', 'v2') };
  const restore = () => {
    rmSync(rotatedLogPath(dbPath), { force: true });
    writeFileSync(dbPath, snap ?? '');
    writeFileSync(logPath(dbPath), log ?? '');
  };
  const reopen = async () => {
    const again = await FileStore.open(dbPath, () => emptyState());
    const groups = structuredClone(plain(again.state.groups));
    again.state.groups.after = group('after');
    await again.commit();
    await again.close();
    expect((readStoreDocument(dbPath) as StateDoc).groups).toEqual({ ...expected, after: group('after') });
    return groups;
  };

  // Killed after step 1 (log rotated, a new commit in the fresh log, no new snapshot yet).
  restore();
  await rotateLog(dbPath, await LogWriter.open(logPath(dbPath)));
  writeFileSync(logPath(dbPath), '{"seq":3,"changes":[{"c":"groups","id":"late","v":null}]}\n');
  expect(await reopen()).toEqual(expected);

  // Killed after step 2 (new snapshot renamed in, rotated log not yet removed): replayed twice.
  restore();
  await rotateLog(dbPath, await LogWriter.open(logPath(dbPath)));
  await new DurableJsonFile(dbPath).writeText(text);
  expect(existsSync(rotatedLogPath(dbPath))).toBe(true);
  expect(await reopen()).toEqual(expected);

  // All steps done.
  restore();
  await rotateLog(dbPath, await LogWriter.open(logPath(dbPath)));
  await writeSnapshotAndDropRotated(dbPath, new DurableJsonFile(dbPath), text);
  expect(existsSync(rotatedLogPath(dbPath))).toBe(false);
  expect(await reopen()).toEqual(expected);
});

test('replace (import, reset) logs the whole document', async () => {
  const store = await FileStore.open(dbPath, () => emptyState());
  store.state.groups.old = group('old');
  await store.commit();
  await store.replace({ ...emptyState(), groups: { fresh: group('fresh') } });
  expect(store.state.groups).toEqual({ fresh: group('fresh') });
  expect(logLines()[1]).toMatchObject({ seq: 2, full: { groups: { fresh: group('fresh') } } });
  expect((readStoreDocument(dbPath) as StateDoc).groups).toEqual({ fresh: group('fresh') });
  await store.close();
});
