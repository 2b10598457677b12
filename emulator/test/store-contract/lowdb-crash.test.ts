/**
 * The lowdb backend when things go wrong: a failed log write, SIGKILL mid-burst (a real child
 * process), torn and corrupt logs. Tenant files and compaction: lowdb-files.test.ts.
 */
import { spawn } from 'node:child_process';
import { appendFile, cp, readFile, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { insertPermanentKey } from '../../src/domain/permanent-keys.js';
import { logPath } from '../../src/store/lowdb/layout.js';
import { openLowdbStore, type LowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { closeStore, filesOf, openAt, tempDir } from './lowdb-support.js';
import {
  createKeyFor,
  expectIndexed,
  expectStoreError,
  indexKeys,
  makeTenant,
  observe,
} from './make-tenant.js';

const EMULATOR_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./burst-child.ts', import.meta.url));

/**
 * What a crash would leave: a copy of an open store's folder (every acknowledged commit is
 * fsynced in wal.jsonl, nothing folded into the files yet).
 */
async function crashImage(store: LowdbStore): Promise<string> {
  const image = join(await tempDir(), 'db');
  await cp(store.location!, image, { recursive: true });
  return image;
}

/**
 * The seam for a failed write: the log's file handle (GroupLog → LogWriter → FileHandle, private
 * fields) fails its next fdatasync, after the bytes went out, as a full or failing disk would.
 */
function failNextSync(store: LowdbStore): void {
  const handle = (store.backend as unknown as { log: { writer: { handle: FileHandle } } }).log
    .writer.handle;
  handle.datasync = () => {
    delete (handle as Partial<FileHandle>).datasync;
    return Promise.reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
  };
}

describe('lowdb store: a failed log write', () => {
  it('rejects with STORE_WRITE_FAILED, leaves no trace in memory, in the log or after reopen; the same change then succeeds', async () => {
    const dir = join(await tempDir(), 'db');
    const store = await openAt(dir);
    const [A, C] = [makeTenant('alpha', 1), makeTenant('gamma', 3)];
    await store.insertTenant(A.doc);
    const logBefore = await readFile(logPath(dir), 'utf8');
    const before = await observe(store, [
      ...indexKeys(A),
      ...indexKeys(C),
      ['access_key', 'EMUPFIXEDKEY00000001'],
    ]);
    const addFixedKey = (doc: typeof A.doc) => {
      doc.users[A.userId]!.group_ids.push(A.groupId);
      return insertPermanentKey(doc, doc.users[A.userId]!, A.ctx, {
        access: 'EMUPFIXEDKEY00000001',
        description: 'fixed',
      }).access;
    };

    failNextSync(store);
    await expectStoreError(store.transact(A.id, addFixedKey), 'STORE_WRITE_FAILED');
    failNextSync(store);
    await expectStoreError(store.insertTenant(C.doc), 'STORE_WRITE_FAILED');
    expect(
      await observe(store, [
        ...indexKeys(A),
        ...indexKeys(C),
        ['access_key', 'EMUPFIXEDKEY00000001'],
      ]),
    ).toEqual(before);
    expect(await readFile(logPath(dir), 'utf8')).toBe(logBefore); // truncated back: no partial line

    expect(await store.transact(A.id, addFixedKey)).toBe('EMUPFIXEDKEY00000001'); // no conflict with itself
    await store.insertTenant(C.doc);
    const after = await observe(store, [['access_key', 'EMUPFIXEDKEY00000001'], ...indexKeys(C)]);
    expect(after.finds.map(([, , id]) => id)).toEqual([A.id, ...indexKeys(C).map(() => C.id)]);
    expect(after.docs[A.id]!.users[A.userId]!.group_ids).toEqual([A.groupId]); // pushed once, not twice
    await closeStore(store);
    expect(
      await observe(await openAt(dir), [['access_key', 'EMUPFIXEDKEY00000001'], ...indexKeys(C)]),
    ).toEqual(after);
  });
});

describe('lowdb store: SIGKILL during a burst of commits', () => {
  it(
    'keeps every acknowledged commit, findable through the indexes, after a restart',
    { timeout: 120_000 },
    async () => {
      const dir = join(await tempDir(), 'db');
      const tenants = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'].map((name, i) =>
        makeTenant(name, i),
      );
      const setup = await openAt(dir);
      for (const t of tenants) await setup.insertTenant(t.doc);
      await closeStore(setup);

      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(16 * 1024)], {
        cwd: EMULATOR_DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const acks = out.split('\n').filter((l) => /^\w+ EMU/.test(l)).length;
          // Kill once a compaction has run (the kill may land mid-compaction), or after many commits anyway.
          if ((acks > 300 && out.includes('compacted')) || acks > 3000) resolve();
        });
        void exited.then(() =>
          reject(new Error(`the child exited before the kill:\n${out.slice(-2000)}\n${err}`)),
        );
      });
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const lines = out.split('\n').slice(1, -1); // the last may be cut short
      expect(lines.filter((l) => l.startsWith('error'))).toEqual([]);
      expect(lines.filter((l) => l.startsWith('compacted')).length).toBeGreaterThan(0); // the kill may land mid-compaction
      const acked = lines
        .filter((l) => !l.startsWith('compacted'))
        .map((l) => l.split(' ') as [string, string]);
      expect(acked.length).toBeGreaterThan(300);
      const store = await openAt(dir);
      const found = await Promise.all(acked.map(([, ak]) => store.findTenant('access_key', ak)));
      expect(found).toEqual(acked.map(([tenant]) => tenant));
      for (const t of tenants) {
        const doc = (await store.read(t.id, (d) => structuredClone(d)))!;
        for (const [tenant, ak] of acked)
          if (tenant === t.id)
            expect(doc.permanent_keys[ak], ak).toMatchObject({ access: ak, description: 'burst' });
        const summary = (await store.listTenants()).find((s) => s.id === t.id)!;
        expect(summary.counts.permanent_keys).toBe(Object.keys(doc.permanent_keys).length);
        await expectIndexed(store, [doc]);
      }
    },
  );
});

describe('lowdb store: torn and corrupt logs', () => {
  async function storeWithLog() {
    const [A, B] = [makeTenant('alpha', 1), makeTenant('beta', 2)];
    const store = await openAt(join(await tempDir(), 'db'));
    await store.insertTenant(A.doc);
    await store.insertTenant(B.doc);
    const ak = await store.transact(A.id, (doc) => createKeyFor(doc, A, A.adminId));
    await store.transact(B.id, (doc) => void (doc.permanent_keys[B.userAk]!.status = 'inactive'));
    const image = await crashImage(store);
    return {
      A,
      B,
      ak,
      image,
      expected: await observe(store, [...indexKeys(A), ...indexKeys(B), ['access_key', ak]]),
    };
  }

  it('a torn last line (a crash mid-append) is dropped; every complete line is kept', async () => {
    const { A, B, ak, image, expected } = await storeWithLog();
    expect((await readFile(logPath(image), 'utf8')).split('\n').length).toBeGreaterThan(3);
    await appendFile(
      logPath(image),
      `{"seq":99,"op":"records","tenant":"${A.id}","records":[["users","${A.userId}",{"id":`,
    );
    const store = await openAt(image);
    expect(await observe(store, [...indexKeys(A), ...indexKeys(B), ['access_key', ak]])).toEqual(
      expected,
    );
    expect(await readFile(logPath(image), 'utf8')).toBe(''); // folded at start
  });

  it('a corrupt line before the last refuses the store with STORE_LOG_CORRUPT and changes no file', async () => {
    const { image } = await storeWithLog();
    const lines = (await readFile(logPath(image), 'utf8')).split('\n');
    await writeFile(
      logPath(image),
      [lines[0], '{"seq":2,"op":"records","tena', ...lines.slice(1)].join('\n'),
    );
    const before = await filesOf(image);
    await expectStoreError(openLowdbStore(image, { now: 0 }), 'STORE_LOG_CORRUPT');
    const { lock: _lock, ...after } = await filesOf(image);
    const { lock: _stale, ...untouched } = before;
    expect(after).toEqual(untouched);
  });
});
