/**
 * The console over the store port: every call runs in its tenant's unit of work, so what a
 * console call changes is durable before the answer (and survives a restart on the file store),
 * a failed write leaves nothing behind, and an account removed while a call is on its way is
 * answered like a signed-out session (or, at sign-in, like an unknown account).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { EmulatorClient } from '../client/index.js';
import { ManualClock } from '../domain/clock.js';
import { ownRecord, type TenantDoc } from '../domain/state.js';
import { startServer } from '../server.js';
import { StoreError } from '../store/store-errors.js';
import { ConsoleHttpClient } from './console-http-client.js';
import { useConsoleServer } from '../../test/support/console-server';

const emulator = useConsoleServer();

describe('units of work', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('what console calls change is committed to the file store and survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamtb-console-store-'));
    dirs.push(dir);
    const clock = new ManualClock(Date.parse('2026-11-23T08:00:00Z'));
    const first = await startServer({ dbPath: dir, clock, quiet: true });
    let access: string;
    let t: Awaited<ReturnType<EmulatorClient['createTenant']>>;
    try {
      t = await new EmulatorClient(first.url).createTenant();
      const user = new ConsoleHttpClient(first.url);
      expect((await user.login(t.domain.name, t.iam_user.name, t.iam_user.password)).status).toBe(
        200,
      );
      const created = await user.call('POST', '/access-keys', { description: 'from the console' });
      expect(created.status, created.text).toBe(201);
      access = created.json.access_key.access;
      const admin = new ConsoleHttpClient(first.url);
      expect((await admin.login(t.domain.name, t.admin.name, t.admin.password)).status).toBe(200);
      const settings = {
        operation_protection: true,
        verifier: 'self',
        scene: '',
        mobile: '',
        email: '',
        allow_user_manage_accesskey: true,
      };
      expect((await admin.call('PUT', '/security-settings', settings)).status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startServer({ dbPath: dir, clock, quiet: true });
    try {
      const seen = await second.runtime.store.read(t.domain.id, (doc) => ({
        lastLogin: ownRecord(doc.users, t.iam_user.id)?.last_login_at,
        userKeys: ownRecord(doc.users, t.iam_user.id)?.access_keys,
        key: ownRecord(doc.permanent_keys, access)?.description,
        protection: ownRecord(doc.accounts, t.domain.id)?.protect_policy.operation_protection,
      }));
      expect(seen).toEqual({
        lastLogin: clock.now(),
        userKeys: expect.arrayContaining([access]),
        key: 'from the console',
        protection: true,
      });
    } finally {
      await second.close();
    }
  });

  test('a write that fails undoes the whole call: 500, and nothing changed', async () => {
    const { server, tenant, signedIn } = emulator();
    const t = await tenant();
    const client = await signedIn(t);
    const { store } = server.runtime;
    const before = await store.exportAll();
    const real = store.transact.bind(store);
    const transact = vi
      .spyOn(store, 'transact')
      .mockImplementationOnce((id: string, fn: (doc: TenantDoc) => unknown) =>
        real(id, async (doc) => {
          await fn(doc);
          throw new StoreError(
            'STORE_WRITE_FAILED',
            'The change was not saved and has been undone: disk full',
          );
        }),
      );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const failed = await client.call('POST', '/access-keys', { description: 'lost' });
      expect([failed.status, failed.json.error_code]).toEqual([500, 'IAM.0006']);
      expect(logged).toHaveBeenCalled();
    } finally {
      transact.mockRestore();
      logged.mockRestore();
    }
    expect(await store.exportAll()).toEqual(before);
    const keys = (await client.call('GET', '/access-keys')).json.access_keys;
    expect(keys.map((k: { description: string }) => k.description)).not.toContain('lost');
  });
});

describe('an account removed while a call is on its way', () => {
  test('after the session was looked up: "your account no longer exists", nothing done', async () => {
    const { server, tenant, signedIn } = emulator();
    const t = await tenant();
    const client = await signedIn(t);
    const { store } = server.runtime;
    const real = store.read.bind(store);
    const read = vi
      .spyOn(store, 'read')
      .mockImplementationOnce(async (id: string, fn: (doc: TenantDoc) => unknown) => {
        const seen = await real(id, fn);
        await store.deleteTenant(id);
        return seen;
      });
    try {
      const res = await client.call('POST', '/access-keys', { description: 'too late' });
      expect([res.status, res.json.error_code]).toEqual([401, 'CONSOLE.NOT_SIGNED_IN']);
      expect(res.json.error_msg).toBe(
        'Your account no longer exists (reset or deleted); sign in again.',
      );
    } finally {
      read.mockRestore();
    }
    expect(await store.findTenant('user', t.iam_user.id)).toBeUndefined();
  });

  test('at sign-in, after its account was found by name: a wrong login, no session', async () => {
    const { url, server, tenant } = emulator();
    const t = await tenant();
    const client = new ConsoleHttpClient(url);
    await client.ensureSession();
    const { store } = server.runtime;
    const real = store.findTenant.bind(store);
    const find = vi.spyOn(store, 'findTenant').mockImplementationOnce(async (index, key) => {
      const id = await real(index, key);
      if (id !== undefined) await store.deleteTenant(id);
      return id;
    });
    try {
      const res = await client.login(t.domain.name, t.iam_user.name, t.iam_user.password);
      expect([res.status, res.json.error_code]).toEqual([401, 'CONSOLE.BAD_LOGIN']);
      expect(find).toHaveBeenCalledWith('account_name', t.domain.name);
    } finally {
      find.mockRestore();
    }
    expect((await client.call('GET', '/session')).json.authenticated).toBe(false);
  });
});
