/**
 * Import refusals and the store's coded errors: every refusal carries a STORE_* code
 * (store-errors.ts, docs/errors.md "Store") and names the record and field at fault.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { emptyState, type StateDoc } from '../domain/state.js';
import { people, world } from '../testing/fixtures.js';
import { openLowdbStore } from './lowdb/open-lowdb-store.js';
import { checkImport } from './import-check.js';
import { readStateFile, writeStateFile } from './state-file.js';
import { StoreError } from './store-errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iam-testbed-import-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A plain copy of a one-account world whose admin has `hash` as password hash. */
function docWithHash(hash: string): { doc: StateDoc; userId: string } {
  const w = world();
  const { admin } = people(w);
  const doc = structuredClone(w.state);
  const user = doc.users[admin.id];
  if (!user) throw new Error('no admin');
  user.password_hash = hash;
  return { doc, userId: admin.id };
}

async function refusal(run: () => Promise<unknown>): Promise<StoreError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

test('a malformed password hash is refused, naming the record, the field and the expected format', () => {
  const { doc, userId } = docWithHash('scrypt$4096$00$zz');
  const check = checkImport(doc);
  expect(check).toMatchObject({ ok: false, code: 'STORE_IMPORT_INVALID' });
  expect(!check.ok && check.message).toContain(
    `users.${userId}.password_hash: the salt is not 32 lower-case hex characters; expected scrypt$`,
  );
  expect(
    checkImport(docWithHash(world().state.users[people(world()).admin.id]?.password_hash ?? '').doc)
      .ok,
  ).toBe(true);
  expect(checkImport({ ...emptyState(), accounts: 'none' })).toMatchObject({
    ok: false,
    code: 'STORE_IMPORT_INVALID',
  });
});

test('records that do not fit together are a different refusal', () => {
  const { doc } = docWithHash(world().state.users[people(world()).admin.id]?.password_hash ?? '');
  doc.accounts = {};
  expect(checkImport(doc)).toMatchObject({
    ok: false,
    code: 'STORE_IMPORT_INCONSISTENT',
    message: expect.stringContaining('is not an account'),
  });
});

test('--import files: unreadable, not JSON, refused — each with its code', async () => {
  expect((await refusal(() => readStateFile(join(dir, 'missing.json')))).code).toBe(
    'STORE_IMPORT_UNREADABLE',
  );
  writeFileSync(join(dir, 'text.json'), 'hello');
  expect((await refusal(() => readStateFile(join(dir, 'text.json')))).code).toBe(
    'STORE_IMPORT_NOT_JSON',
  );
  const { doc, userId } = docWithHash('bcrypt$10$x$y');
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc));
  const error = await refusal(() => readStateFile(join(dir, 'bad.json')));
  expect(error.code).toBe('STORE_IMPORT_INVALID');
  expect(error.message).toMatch(
    new RegExp(
      `was refused: .*users\\.${userId}\\.password_hash: the algorithm is "bcrypt".* \\[STORE_IMPORT_INVALID\\]$`,
    ),
  );
});

test('a --db file holding a malformed hash is refused at open and left as it was', async () => {
  const { doc, userId } = docWithHash(`scrypt$99$${'0'.repeat(32)}$${'a'.repeat(64)}`);
  const path = join(dir, 'db.json');
  writeFileSync(path, JSON.stringify(doc));
  const error = await refusal(() => openLowdbStore(path, { now: 0 })); // a version-1 store file: migrated, or refused
  expect(error.code).toBe('STORE_INVALID');
  expect(error.message).toContain(`users.${userId}.password_hash: the cost N "99"`);
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(doc);
});

test('file-system failures are coded too: unreadable, unwritable, closed, export', async () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  writeFileSync(join(folder, 'notes.txt'), 'not a store');
  expect((await refusal(() => openLowdbStore(folder, { now: 0 }))).code).toBe('STORE_INVALID');
  const file = join(dir, 'plain-file');
  writeFileSync(file, 'x');
  expect((await refusal(() => openLowdbStore(join(file, 'db'), { now: 0 }))).code).toBe(
    'STORE_WRITE_FAILED',
  );
  const store = await openLowdbStore(join(dir, 'ok'), { now: 0 });
  await store.close();
  expect((await refusal(() => store.transact('any', () => undefined))).code).toBe('STORE_CLOSED');
  expect((await refusal(() => writeStateFile(join(file, 'export.json'), emptyState()))).code).toBe(
    'STORE_EXPORT_FAILED',
  );
});
