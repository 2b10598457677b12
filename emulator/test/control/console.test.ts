/**
 * `POST /_emulator/console-sessions` (a cookie the emulated console accepts, without the login
 * form) and `GET /_emulator/verification-codes` fed by the console's operation protection: a
 * test reads the code the console "sent" and completes the protected operation with it.
 */
import { describe, expect, it } from 'vitest';
import { ConsoleHttpClient } from '../../src/console/console-http-client';
import { raw } from '../support/raw';
import { useControlEmulator } from './harness';

describe('console sessions and verification codes', () => {
  const emu = useControlEmulator();

  async function signedIn(userId: string): Promise<ConsoleHttpClient> {
    const session = await emu().client.createConsoleSession(userId);
    const browser = new ConsoleHttpClient(emu().url);
    browser.cookie = `${session.name}=${session.value}`;
    browser.csrf = session.csrf_token;
    return browser;
  }

  it('mints a cookie the console accepts as that user', async () => {
    const t = await emu().client.createTenant();
    const res = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/console-sessions',
      body: { user_id: t.iam_user.id },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toEqual({
      user_id: t.iam_user.id,
      cookie: `iamtb_console=${res.json.value}; Path=/; HttpOnly; SameSite=Lax`,
      name: 'iamtb_console',
      value: expect.stringMatching(/\S{16,}/),
      csrf_token: expect.stringMatching(/\S{16,}/),
      expires_at: '2030-01-02T04:04:05.000Z',
    });
    const browser = await signedIn(t.iam_user.id);
    const session = await browser.call('GET', '/session');
    expect(session.json).toMatchObject({
      authenticated: true,
      user: { id: t.iam_user.id, name: t.iam_user.name, domain: t.domain },
    });
    const journal = JSON.stringify(await emu().client.requests({ control: true }));
    expect(journal).not.toContain(res.json.value);
  });

  it('refuses an unknown user (404) and a missing user_id (400)', async () => {
    const unknown = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/console-sessions',
      body: { user_id: 'f'.repeat(32) },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error_code).toBe('IAMTB.0005');
    const missing = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/console-sessions',
      body: {},
    });
    expect(missing.json).toEqual({
      error_code: 'IAMTB.0002',
      error_msg: expect.stringContaining("'user_id'"),
    });
  });

  it('lists the code operation protection sent, which then completes the protected operation once', async () => {
    const t = await emu().client.createTenant({ operation_protection: true });
    const browser = await signedIn(t.iam_user.id);
    const refused = await browser.call('POST', '/access-keys', { description: 'needs proof' });
    expect(refused.status, refused.text).toBe(403);
    expect(await emu().client.verificationCodes({ user_id: t.iam_user.id })).toEqual([]);
    const sent = await browser.call('POST', '/verification-codes', {
      channel: 'email',
      operation: 'create_access_key',
    });
    expect(sent.status, sent.text).toBe(201);
    const codes = await emu().client.verificationCodes({ user_id: t.iam_user.id });
    expect(codes).toEqual([
      {
        user_id: t.iam_user.id,
        channel: 'email',
        code: expect.stringMatching(/^\d{6}$/),
        purpose: 'create_access_key',
        destination: expect.stringContaining('@'),
        created_at: '2030-01-02T03:04:05.000Z',
        expires_at: '2030-01-02T03:09:05.000Z',
        used: false,
      },
    ]);
    expect(await emu().client.verificationCodes({ domain_id: t.domain.id })).toEqual(codes);
    const code = codes[0]?.code ?? '';
    const created = await browser.call('POST', '/access-keys', {
      description: 'with proof',
      verification: { channel: 'email', code },
    });
    expect(created.status, created.text).toBe(201);
    expect((await emu().client.verificationCodes({ user_id: t.iam_user.id }))[0]?.used).toBe(true);
    const again = await browser.call('POST', '/access-keys', {
      description: 'replay',
      verification: { channel: 'email', code },
    });
    expect(again.status).toBe(403);
  });

  it("forgets a tenant's codes and console sessions when it is reset", async () => {
    const t = await emu().client.createTenant({ operation_protection: true });
    const browser = await signedIn(t.admin.id);
    expect(
      (
        await browser.call('POST', '/verification-codes', {
          channel: 'sms',
          operation: 'delete_access_key',
        })
      ).status,
    ).toBe(201);
    expect(await emu().client.verificationCodes({ domain_id: t.domain.id })).toHaveLength(1);
    await emu().client.reset(t.domain.id);
    expect(await emu().client.verificationCodes({ domain_id: t.domain.id })).toEqual([]);
    expect((await browser.call('GET', '/session')).json.authenticated).toBe(false);
  });

  it("refuses a tenant id that is an Object member (400) and forgets nobody's codes", async () => {
    const t = await emu().client.createTenant({ operation_protection: true });
    const browser = await signedIn(t.admin.id);
    expect(
      (
        await browser.call('POST', '/verification-codes', {
          channel: 'sms',
          operation: 'delete_access_key',
        })
      ).status,
    ).toBe(201);
    for (const name of ['constructor', '__proto__', 'toString']) {
      const res = await raw(emu().url, { method: 'DELETE', path: `/_emulator/tenants/${name}` });
      expect(res.status, name).toBe(400);
      expect(res.json).toEqual({
        error_code: 'IAMTB.0002',
        error_msg: expect.stringContaining("'domain_id'"),
      });
    }
    expect(await emu().client.verificationCodes({ domain_id: t.domain.id })).toHaveLength(1);
    expect((await browser.call('GET', '/session')).json.authenticated).toBe(true);
  });
});
