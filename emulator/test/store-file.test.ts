/**
 * The file store at rest (issue 4 "Store, process and CLI"): state survives a restart on the same
 * file, passwords only as scrypt hashes; a corrupt or newer-schema file is refused with a clear
 * message and left untouched.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from './support/emulator';
import { raw } from './support/raw';

describe('file store at rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-file-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps keys, tenants and policy across a clean restart on the same file', async () => {
    const dbPath = join(dir, 'restart.json');
    const first = await startEmulator('file', { dbPath });
    const t = await first.tenant();
    const sign = { key: t.admin.access_key, domainId: t.domain.id };
    const created = await raw(first.url, {
      method: 'POST',
      path: '/v3.0/OS-CREDENTIAL/credentials',
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
    // Passwords are stored hashed (scrypt), never as given.
    const onDisk = readFileSync(dbPath, 'utf8');
    for (const password of [t.admin.password, t.iam_user.password]) expect(onDisk).not.toContain(password);
    expect(onDisk).toMatch(/"password_hash":\s*"scrypt\$/);

    const second = await startEmulator('file', { dbPath });
    try {
      const shown = await raw(second.url, { method: 'GET', path: `/v3.0/OS-CREDENTIAL/credentials/${created.json.credential.access}`, sign });
      expect(shown.status, shown.text).toBe(200);
      expect(shown.json.credential).toMatchObject({ access: created.json.credential.access, description: 'kept', user_id: t.iam_user.id });
      const read = await raw(second.url, { method: 'GET', path: `/v3.0/OS-SECURITYPOLICY/domains/${t.domain.id}/protect-policy`, sign });
      expect(read.json.protect_policy.operation_protection).toBe(true);
    } finally {
      await second.close();
    }
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "accounts": {', /not valid JSON/],
    ['empty', '', /empty/],
    ['a newer schema', JSON.stringify({ schemaVersion: 999, meta: { created_at: 0, starts: 1 } }), /schema/i],
    ['a wrong shape', JSON.stringify({ schemaVersion: 1, accounts: [] }), /\S/],
  ])('refuses a store file that is %s, with a clear message, and leaves it untouched', async (_what, content, reason) => {
    const dbPath = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(dbPath, content);
    const error = await startEmulator('file', { dbPath }).then(
      async (e) => {
        await e.close();
        return undefined;
      },
      (err: Error) => err,
    );
    expect(error?.message).toMatch(/^Refusing to use the store file .+: /);
    expect(error?.message).toMatch(reason);
    expect(error?.message).toContain(dbPath);
    expect(readFileSync(dbPath, 'utf8')).toBe(content);
  });
});
