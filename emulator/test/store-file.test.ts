/**
 * The file store at rest (issue 4 "Store, process and CLI"): state survives a restart on the same
 * store folder (`--db PATH`: index.json, tenants/<id>.json, wal.jsonl), passwords only as scrypt
 * hashes; a corrupt or newer-schema file is refused with a clear message and its STORE_* code and
 * left untouched; a version-1 store (one JSON file at PATH) is migrated into a folder, and a bad
 * one is refused the same way.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StateDoc } from '../src/domain/state';
import { readStoreFolder } from '../src/store/lowdb/inspect';
import { startEmulator } from './support/emulator';
import { raw } from './support/raw';
import type { Tenant } from './support/tenant';

/** Every file of a store folder, concatenated (what a reader of the disk would see). */
function folderText(dbPath: string): string {
  const files = [
    join(dbPath, 'index.json'),
    join(dbPath, 'wal.jsonl'),
    ...readdirSync(join(dbPath, 'tenants')).map((name) => join(dbPath, 'tenants', name)),
  ];
  return files
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

/** The refusal a start on `dbPath` ends with, or undefined when it started. */
async function startError(dbPath: string): Promise<Error | undefined> {
  return startEmulator('file', { dbPath }).then(
    async (e) => {
      await e.close();
      return undefined;
    },
    (err: Error) => err,
  );
}

const CREDENTIALS = '/v3.0/OS-CREDENTIAL/credentials';

describe('file store at rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-file-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fresh = (prefix: string) => join(dir, `${prefix}-${Math.random().toString(36).slice(2)}`);

  /** A store folder with the seed account and one more tenant, cleanly stopped. */
  async function storeWithTenant(): Promise<{ dbPath: string; tenant: Tenant }> {
    const dbPath = fresh('store');
    const emu = await startEmulator('file', { dbPath });
    const tenant = await emu.tenant();
    await emu.close();
    return { dbPath, tenant };
  }

  const seedTenantFile = (dbPath: string, tenant: Tenant) => {
    const others = readdirSync(join(dbPath, 'tenants')).filter(
      (name) => name !== `${tenant.domain.id}.json`,
    );
    expect(others).toHaveLength(1);
    return join(dbPath, 'tenants', others[0]!);
  };

  it('keeps keys, tenants and policy across a clean restart on the same folder', async () => {
    const dbPath = fresh('restart');
    const first = await startEmulator('file', { dbPath });
    const t = await first.tenant();
    const sign = { key: t.admin.access_key, domainId: t.domain.id };
    const created = await raw(first.url, {
      method: 'POST',
      path: CREDENTIALS,
      body: { credential: { user_id: t.iam_user.id, description: 'kept' } },
      sign,
    });
    expect(created.status, created.text).toBe(201);
    const policy = await raw(first.url, {
      method: 'PUT',
      path: `/v3.0/OS-SECURITYPOLICY/domains/${t.domain.id}/protect-policy`,
      body: { protect_policy: { operation_protection: true } },
      sign,
    });
    expect(policy.status, policy.text).toBe(200);
    await first.close();
    // The folder layout: an index, one file per tenant (seed + this one), the log, no lock left.
    expect(readdirSync(join(dbPath, 'tenants')).sort()).toEqual(
      expect.arrayContaining([`${t.domain.id}.json`]),
    );
    expect(readdirSync(join(dbPath, 'tenants'))).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(dbPath, 'index.json'), 'utf8'))).toMatchObject({
      format: 'iam-testbed-index',
      schemaVersion: 2,
    });
    expect(existsSync(join(dbPath, 'lock'))).toBe(false);
    // Passwords are stored hashed (scrypt), never as given.
    const onDisk = folderText(dbPath);
    expect(onDisk).toContain(created.json.credential.access);
    for (const password of [t.admin.password, t.iam_user.password])
      expect(onDisk).not.toContain(password);
    expect(onDisk).toMatch(/"password_hash":\s*"scrypt\$/);

    const second = await startEmulator('file', { dbPath });
    try {
      const shown = await raw(second.url, {
        method: 'GET',
        path: `${CREDENTIALS}/${created.json.credential.access}`,
        sign,
      });
      expect(shown.status, shown.text).toBe(200);
      expect(shown.json.credential).toMatchObject({
        access: created.json.credential.access,
        description: 'kept',
        user_id: t.iam_user.id,
      });
      const read = await raw(second.url, {
        method: 'GET',
        path: `/v3.0/OS-SECURITYPOLICY/domains/${t.domain.id}/protect-policy`,
        sign,
      });
      expect(read.json.protect_policy.operation_protection).toBe(true);
    } finally {
      await second.close();
    }
  });

  const BAD_FILES = [
    ['not JSON', '{"schemaVersion": 2, "accounts": {', /not valid JSON/, 'STORE_NOT_JSON'],
    ['empty', '', /empty/, 'STORE_NOT_JSON'],
    [
      'a newer schema',
      JSON.stringify({ schemaVersion: 999, meta: { created_at: 0, starts: 1 } }),
      /schemaVersion 999, newer/,
      'STORE_NEWER_SCHEMA',
    ],
    ['a wrong shape', JSON.stringify({ schemaVersion: 2, accounts: [] }), /\S/, 'STORE_INVALID'],
  ] as const;

  it.each(BAD_FILES)(
    'refuses a store whose index.json is %s, with a clear message and code, and leaves it untouched',
    async (_what, content, reason, code) => {
      const { dbPath } = await storeWithTenant();
      const index = join(dbPath, 'index.json');
      writeFileSync(index, content);
      const error = await startError(dbPath);
      expect(error?.message).toMatch(/^Refusing to use the store file .+: /);
      expect(error?.message).toContain(index);
      expect(error?.message).toMatch(reason);
      expect(error?.message).toMatch(new RegExp(`\\[${code}\\]$`));
      expect(readFileSync(index, 'utf8')).toBe(content);
      expect(existsSync(join(dbPath, 'lock')), 'a refused start releases the lock').toBe(false);
    },
  );

  it.each(BAD_FILES)(
    'refuses a store whose seed tenant file is %s (read at start), with its code, and leaves it untouched',
    async (_what, content, reason, code) => {
      const { dbPath, tenant } = await storeWithTenant();
      const file = seedTenantFile(dbPath, tenant);
      writeFileSync(file, content);
      const error = await startError(dbPath);
      expect(error?.message).toContain(file);
      expect(error?.message).toMatch(reason);
      expect(error?.message).toMatch(new RegExp(`\\[${code}\\]$`));
      expect(readFileSync(file, 'utf8')).toBe(content);
    },
  );

  it('a corrupt tenant file that start-up does not read fails only that tenant’s requests, with 500 IAM.0006', async () => {
    const { dbPath, tenant } = await storeWithTenant();
    const file = join(dbPath, 'tenants', `${tenant.domain.id}.json`);
    writeFileSync(file, '{"schemaVersion": 2, "accounts": {');
    const emu = await startEmulator('file', { dbPath });
    try {
      const other = await emu.tenant();
      const sign = (t: Tenant) => ({ key: t.admin.access_key, domainId: t.domain.id });
      const broken = await raw(emu.url, { method: 'GET', path: CREDENTIALS, sign: sign(tenant) });
      expect([broken.status, broken.json?.error_code], broken.text).toEqual([500, 'IAM.0006']);
      const fine = await raw(emu.url, { method: 'GET', path: CREDENTIALS, sign: sign(other) });
      expect(fine.status, fine.text).toBe(200);
    } finally {
      await emu.close();
    }
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 2, "accounts": {');
  });

  it('refuses a log with a corrupt line before its last (STORE_LOG_CORRUPT); a torn last line is a crash and is ignored', async () => {
    const { dbPath, tenant } = await storeWithTenant();
    const log = join(dbPath, 'wal.jsonl');
    writeFileSync(log, '{"torn');
    const started = await startEmulator('file', { dbPath });
    const key = await raw(started.url, {
      method: 'GET',
      path: CREDENTIALS,
      sign: { key: tenant.admin.access_key, domainId: tenant.domain.id },
    });
    expect(key.status, key.text).toBe(200);
    await started.close();
    writeFileSync(log, 'not a log entry\n{"op":"meta","meta":{"created_at":0,"starts":9}}\n');
    const error = await startError(dbPath);
    expect(error?.message).toContain(log);
    expect(error?.message).toMatch(/\[STORE_LOG_CORRUPT\]$/);
    expect(readFileSync(log, 'utf8')).toBe(
      'not a log entry\n{"op":"meta","meta":{"created_at":0,"starts":9}}\n',
    );
  });

  it('refuses a folder that is not a store (no index.json, other files), and touches nothing', async () => {
    const dbPath = fresh('foreign');
    const first = await startEmulator('file', { dbPath: join(dbPath, 'inner') }).then((e) =>
      e.close(),
    );
    expect(first).toBeUndefined();
    writeFileSync(join(dbPath, 'notes.txt'), 'mine');
    const error = await startError(dbPath);
    expect(error?.message).toMatch(/not an iam-testbed store.*\[STORE_INVALID\]$/s);
    expect(readFileSync(join(dbPath, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dbPath, 'index.json')), 'no store is created over foreign files').toBe(
      false,
    );
    // (The start does create an empty tenants/ folder before it refuses: reported to the store owner.)
    expect(
      readdirSync(dbPath)
        .filter((name) => name !== 'tenants')
        .sort(),
    ).toEqual(['inner', 'notes.txt']);
  });

  it('migrates a version-1 store file into a folder at the same path and keeps the file as PATH.v1-backup', async () => {
    // A version-1 document: the whole state in one file (what `GET /_emulator/state` exports too).
    const source = await startEmulator('memory');
    const t = await source.tenant();
    const state = await fetch(`${source.url}/_emulator/state`).then(
      (r) => r.json() as Promise<StateDoc>,
    );
    await source.close();
    // Version 1 had no per-user key lists, and set a key's last use to its creation.
    const users = Object.fromEntries(
      Object.entries(state.users).map(([id, { access_keys: _keys, ...user }]) => [id, user]),
    );
    const keys = Object.fromEntries(
      Object.entries(state.permanent_keys).map(([ak, key]) => [
        ak,
        { ...key, last_used_at: key.created_at },
      ]),
    );
    const v1 = JSON.stringify({ ...state, schemaVersion: 1, users, permanent_keys: keys });
    const dbPath = fresh('v1');
    writeFileSync(dbPath, v1);
    const emu = await startEmulator('file', { dbPath });
    try {
      const keys = await raw(emu.url, {
        method: 'GET',
        path: `${CREDENTIALS}?user_id=${t.iam_user.id}`,
        sign: { key: t.admin.access_key, domainId: t.domain.id },
      });
      expect(keys.status, keys.text).toBe(200);
      expect(keys.json.credentials.map((c: { access: string }) => c.access)).toContain(
        t.iam_user.access_key.access,
      );
    } finally {
      await emu.close();
    }
    expect(readFileSync(`${dbPath}.v1-backup`, 'utf8')).toBe(v1);
    expect(readdirSync(join(dbPath, 'tenants'))).toContain(`${t.domain.id}.json`);
    const migrated = readStoreFolder(dbPath);
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.users[t.iam_user.id]?.access_keys).toEqual([t.iam_user.access_key.access]);
    // A version-1 last use equal to creation means "never used" in version 2.
    expect(migrated.permanent_keys[t.iam_user.access_key.access]?.last_used_at).toBeNull();
  });

  // A file at PATH is read as a version-1 store: one that is not JSON cannot be told apart from any other file.
  const V1_REASONS: Record<string, RegExp> = {
    'not JSON': /not a folder and not a JSON store/,
    empty: /not a folder and not a JSON store/,
  };
  it.each(BAD_FILES)(
    'refuses a version-1 store file that is %s, with its code, and leaves it untouched',
    async (what, content, reason, code) => {
      const dbPath = fresh('bad-v1');
      writeFileSync(dbPath, content);
      const error = await startError(dbPath);
      expect(error?.message).toMatch(/^Refusing to (use|migrate) the store file .+: /);
      expect(error?.message).toContain(dbPath);
      expect(error?.message).toMatch(V1_REASONS[what] ?? reason);
      expect(error?.message).toMatch(new RegExp(`\\[${code}\\]$`));
      expect(readFileSync(dbPath, 'utf8')).toBe(content);
      expect(existsSync(`${dbPath}.v1-backup`)).toBe(false);
      expect(existsSync(`${dbPath}.migrating`)).toBe(false);
    },
  );
});
