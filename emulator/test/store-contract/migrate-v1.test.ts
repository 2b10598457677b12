/**
 * Migration of version-1 stores, written by iam-testbed 0.1 itself (fixtures/v1/README.md): one
 * stopped cleanly (all in `iam.json`), one SIGKILLed (all in the un-compacted `iam.json.wal`).
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TENANT_COLLECTIONS } from '../../src/domain/state.js';
import { openLowdbStore, type LowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { expectIndexed, expectStoreError } from './make-tenant.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/v1/', import.meta.url));

interface Expected {
  domain: { id: string; name: string };
  admin: { id: string; access_key: string };
  iam_user: { id: string; access_key: string; disabled_key_status: string };
  federated_user: { id: string; idp_id: string };
  projects: string[];
  token: string;
  created_key: { access: string; user_id: string; description: string; status: string };
}
const expected = JSON.parse(await readFile(join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  'killed' | 'clean',
  Expected[]
>;

type Doc = Record<string, Record<string, Record<string, unknown>>> & {
  meta: { created_at: number; starts: number };
};

/** The version-1 document, replayed here independently of the store code: snapshot, then each log line (last value wins). */
async function v1Document(dir: string): Promise<Doc> {
  let doc = JSON.parse(await readFile(join(dir, 'iam.json'), 'utf8')) as Doc;
  const log = await readFile(join(dir, 'iam.json.wal'), 'utf8').catch(() => '');
  for (const line of log.split('\n').filter(Boolean)) {
    const entry = JSON.parse(line) as {
      full?: Doc;
      changes?: Array<{ c: string; id: string; v: Record<string, unknown> | null }>;
      meta?: Doc['meta'];
    };
    if (entry.full) doc = entry.full;
    for (const { c, id, v } of entry.changes ?? []) {
      if (v === null) delete doc[c]![id];
      else doc[c]![id] = v;
    }
    if (entry.meta) doc.meta = entry.meta;
  }
  return doc;
}

const temps: string[] = [];
const open: LowdbStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A copy of a fixture in a temp folder; returns the store path (`…/iam.json`). */
async function copyOf(fixture: 'killed' | 'clean'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iam-testbed-v1-'));
  temps.push(dir);
  await cp(join(FIXTURES, fixture), dir, { recursive: true });
  return join(dir, 'iam.json');
}

async function openStore(path: string): Promise<LowdbStore> {
  const store = await openLowdbStore(path, { now: 0 });
  open.push(store);
  return store;
}

describe.each(['killed', 'clean'] as const)('a version-1 store (%s)', (fixture) => {
  it('becomes a store folder with every account, user, key and token, all indexed', async () => {
    const path = await copyOf(fixture);
    const store = await openStore(path);
    expect((await store.listTenants()).map((t) => t.name)).toEqual([
      'iam-testbed',
      'fixture-alpha',
      'fixture-beta',
    ]);
    for (const t of expected[fixture]) {
      const probes = [
        ['account_name', t.domain.name],
        ['user', t.admin.id],
        ['user', t.iam_user.id],
        ['user', t.federated_user.id],
        ['access_key', t.admin.access_key],
        ['access_key', t.iam_user.access_key],
        ['access_key', t.created_key.access],
        ['token', t.token],
        ['identity_provider', t.federated_user.idp_id],
      ] as const;
      for (const [index, key] of probes)
        expect(await store.findTenant(index, key), `${index} ${key}`).toBe(t.domain.id);
      const doc = (await store.read(t.domain.id, (d) => structuredClone(d)))!;
      expect(doc.permanent_keys[t.iam_user.access_key]).toMatchObject({
        status: 'inactive',
        user_id: t.iam_user.id,
      });
      expect(doc.permanent_keys[t.created_key.access]).toMatchObject({
        status: 'active',
        user_id: t.created_key.user_id,
        description: t.created_key.description,
      });
      expect(doc.tokens[t.token]).toMatchObject({ user_id: t.admin.id, domain_id: t.domain.id });
      expect(doc.users[t.federated_user.id]).toMatchObject({
        kind: 'federated',
        idp_id: t.federated_user.idp_id,
      });
      expect(Object.keys(doc.projects).sort()).toEqual([...t.projects].sort());
      expect(doc.users[t.iam_user.id]!.access_keys).toEqual([
        t.iam_user.access_key,
        t.created_key.access,
      ]); // oldest first
      await expectIndexed(store, [doc]);
    }
  });

  it('keeps every record of the old document; a last use equal to creation became null, a real one stays', async () => {
    const path = await copyOf(fixture);
    const old = await v1Document(join(path, '..'));
    const store = await openStore(path);
    const all = await store.exportAll();
    expect(all.meta).toEqual(old.meta);
    for (const c of TENANT_COLLECTIONS) {
      expect(Object.keys(all[c]).sort(), c).toEqual(Object.keys(old[c]!).sort());
      for (const [id, record] of Object.entries(old[c]!)) {
        const want =
          c === 'permanent_keys' && record.last_used_at === record.created_at
            ? { ...record, last_used_at: null }
            : record;
        expect((all[c] as Record<string, unknown>)[id], `${c}/${id}`).toMatchObject(want);
      }
    }
    const keys = Object.values(all.permanent_keys);
    const used = keys.filter((k) => k.last_used_at !== null).map((k) => k.access);
    // Each admin key signed a request 50 ms after its creation; the SIGKILLed run had not yet written beta's.
    const admins = expected[fixture].map((t) => t.admin.access_key);
    expect(used).toEqual(fixture === 'clean' ? admins : admins.slice(0, 1));
    for (const ak of used)
      expect(all.permanent_keys[ak]!.last_used_at).toBeGreaterThan(
        all.permanent_keys[ak]!.created_at,
      );
  });

  it('keeps the old files as <path>.v1-backup[.wal], and a second open does not migrate again', async () => {
    const path = await copyOf(fixture);
    const original = await readFile(join(FIXTURES, fixture, 'iam.json'));
    const store = await openStore(path);
    expect((await stat(path)).isDirectory()).toBe(true);
    expect(await readFile(`${path}.v1-backup`)).toEqual(original);
    const names = (await readdir(join(path, '..'))).sort();
    if (fixture === 'killed') {
      expect(await readFile(`${path}.v1-backup.wal`)).toEqual(
        await readFile(join(FIXTURES, fixture, 'iam.json.wal')),
      );
      expect(names).toEqual(['iam.json', 'iam.json.v1-backup', 'iam.json.v1-backup.wal']);
    } else {
      expect(names).toEqual(['iam.json', 'iam.json.v1-backup']);
    }
    const t = expected[fixture][0]!;
    await store.transact(
      t.domain.id,
      (doc) =>
        void (doc.permanent_keys[t.created_key.access]!.description =
          'changed after the migration'),
    );
    await store.countStart();
    open.splice(open.indexOf(store), 1);
    await store.close();
    const again = await openStore(path);
    expect(
      await again.read(t.domain.id, (d) => d.permanent_keys[t.created_key.access]!.description),
    ).toBe('changed after the migration');
    expect((await again.meta()).starts).toBe(
      (await v1Document(join(FIXTURES, fixture))).meta.starts + 1,
    );
    expect(await readFile(`${path}.v1-backup`)).toEqual(original);
    expect((await readdir(join(path, '..'))).sort()).toEqual(names);
  });

  it('is refused while a 0.1 emulator holds its lock, and then changes nothing', async () => {
    const path = await copyOf(fixture);
    await writeFile(`${path}.lock`, '1'); // 0.1 wrote a plain PID; PID 1 is alive
    await expectStoreError(openLowdbStore(path, { now: 0 }), 'STORE_LOCKED');
    expect(await readFile(path)).toEqual(await readFile(join(FIXTURES, fixture, 'iam.json')));
    expect((await readdir(join(path, '..'))).sort()).toEqual(
      fixture === 'killed'
        ? ['iam.json', 'iam.json.lock', 'iam.json.wal']
        : ['iam.json', 'iam.json.lock'],
    );
  });
});

it('a file that is not a version-1 store is refused (STORE_NOT_JSON) and left as it was', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'iam-testbed-v1-'));
  temps.push(dir);
  const path = join(dir, 'iam.json');
  await writeFile(path, 'not json');
  await expectStoreError(openLowdbStore(path, { now: 0 }), 'STORE_NOT_JSON');
  expect(await readFile(path, 'utf8')).toBe('not json');
  expect(await readdir(dir)).toEqual(['iam.json']);
});
