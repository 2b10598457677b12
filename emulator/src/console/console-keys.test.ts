/**
 * The console's data over real HTTP: API Credentials against the account, access keys with
 * operation protection and codes, the one-time CSV, the quota, "only administrators", and
 * temporary keys for federated users — all through the domain rules the Huawei API uses.
 */
import { describe, expect, test } from 'vitest';
import { ConsoleHttpClient } from './console-http-client.js';
import { useConsoleServer } from '../../test/support/console-server';

const emulator = useConsoleServer();

describe('API Credentials', () => {
  test("shows the user, the account and exactly the account's projects, grouped by parent", async () => {
    const { tenant, signedIn } = emulator();
    const t = await tenant({ regions: ['cn-north-4', 'ap-southeast-1'] });
    const info = (await (await signedIn(t)).call('GET', '/api-credential')).json;
    expect(info.user).toEqual({ id: t.iam_user.id, name: t.iam_user.name });
    expect(info.domain).toEqual(t.domain);
    const rows = (list: Array<[string, string, string]>) =>
      list.sort((a, b) => a[0].localeCompare(b[0]));
    expect(
      rows(
        info.projects.map((p: { id: string; name: string; region: { id: string } }) => [
          p.id,
          p.name,
          p.region.id,
        ]),
      ),
    ).toEqual(rows(t.projects.map((p) => [p.id, p.name, p.region])));
    const bj = info.projects.find((p: { name: string }) => p.name === 'cn-north-4');
    const sub = info.projects.find((p: { name: string }) => p.name === 'cn-north-4_dev');
    expect(bj.parent_id).toBeNull();
    expect(bj.region.name).toEqual({ 'en-us': 'CN North-Beijing4', 'zh-cn': '华北-北京四' });
    expect(sub.parent_id).toBe(bj.id);
  });
});

describe('access keys', () => {
  test('operation protection: code required, a wrong one refused, the sent one works once; CSV downloads once', async () => {
    const { server, tenant, signedIn, signedGet } = emulator();
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    const list = (await client.call('GET', '/access-keys')).json;
    expect(list.protection.required).toBe(true);
    expect(list.protection.options.map((o: { channel: string }) => o.channel)).toEqual([
      'sms',
      'email',
      'vmfa',
      'password',
    ]);

    const bare = await client.call('POST', '/access-keys', { description: 'ci' });
    expect([bare.status, bare.json.error_code]).toEqual([403, 'CONSOLE.VERIFICATION_REQUIRED']);
    expect(
      (
        await client.call('POST', '/verification-codes', {
          channel: 'sms',
          operation: 'create_access_key',
        })
      ).status,
    ).toBe(201);
    const [sent] = server.runtime.console.codes.list({ user_id: t.iam_user.id });
    expect(sent).toMatchObject({ channel: 'sms', purpose: 'create_access_key', used: false });
    const wrong = String((Number(sent?.code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await client.call('POST', '/access-keys', {
      description: 'ci',
      verification: { channel: 'sms', code: wrong },
    });
    expect([refused.status, refused.json.error_code]).toEqual([403, 'CONSOLE.VERIFICATION_FAILED']);

    const created = await client.call('POST', '/access-keys', {
      description: 'ci',
      verification: { channel: 'sms', code: sent?.code },
    });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^Emu[A-Za-z0-9]{37}$/);
    expect(server.runtime.console.codes.list({ user_id: t.iam_user.id })[0]?.used).toBe(true);
    const reused = await client.call('POST', '/access-keys', {
      description: 'again',
      verification: { channel: 'sms', code: sent?.code },
    });
    expect(reused.json.error_code).toBe('CONSOLE.VERIFICATION_FAILED');

    const { access } = created.json.access_key;
    const csv = await client.call('POST', '/access-keys/download', {
      ticket: created.json.download_ticket,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="credentials.csv"');
    expect(csv.text).toBe(
      `User Name,Access Key Id,Secret Access Key\n${t.iam_user.name},${access},${created.json.secret}\n`,
    );
    const second = await client.call('POST', '/access-keys/download', {
      ticket: created.json.download_ticket,
    });
    expect([second.status, second.json.error_code]).toEqual([410, 'CONSOLE.DOWNLOAD_USED']);
    // The key is a real one: it signs API calls.
    expect(
      await signedGet(
        '/v3.0/OS-CREDENTIAL/credentials',
        { access, secret: created.json.secret },
        t.domain.id,
      ),
    ).toBe(200);
  });

  test('the password proves identity too; disable and delete are protected the same way', async () => {
    const { server, tenant, signedIn, signedGet } = emulator();
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    const { access } = t.iam_user.access_key;
    const noProof = await client.call('PUT', `/access-keys/${access}`, { status: 'inactive' });
    expect(noProof.json.error_code).toBe('CONSOLE.VERIFICATION_REQUIRED');
    const badPassword = await client.call('PUT', `/access-keys/${access}`, {
      status: 'inactive',
      verification: { channel: 'password', password: 'nope-Passw0rd' },
    });
    expect(badPassword.json.error_code).toBe('CONSOLE.VERIFICATION_FAILED');
    const disabled = await client.call('PUT', `/access-keys/${access}`, {
      status: 'inactive',
      verification: { channel: 'password', password: t.iam_user.password },
    });
    expect([disabled.status, disabled.json.status]).toEqual([200, 'inactive']);
    expect(await signedGet('/v3/auth/projects', t.iam_user.access_key, t.domain.id)).toBe(401);

    await client.call('POST', '/verification-codes', {
      channel: 'vmfa',
      operation: 'delete_access_key',
    });
    const code = server.runtime.console.codes.list({ user_id: t.iam_user.id }).at(-1)?.code;
    const deleted = await client.call('DELETE', `/access-keys/${access}`, {
      verification: { channel: 'vmfa', code },
    });
    expect(deleted.status).toBe(204);
    expect((await client.call('GET', '/access-keys')).json.access_keys).toEqual([]);
  });

  test('the quota: a third key is refused with akSkNumExceed', async () => {
    const { tenant, signedIn } = emulator();
    const t = await tenant();
    const client = await signedIn(t);
    expect((await client.call('POST', '/access-keys', { description: 'second' })).status).toBe(201);
    const third = await client.call('POST', '/access-keys', { description: 'third' });
    expect([third.status, third.json.error_code]).toEqual([400, 'akSkNumExceed']);
    const list = (await client.call('GET', '/access-keys')).json;
    expect([list.access_keys.length, list.quota]).toEqual([2, 2]);
  });

  test('when the admin restricts key management, IAM users are told and refused', async () => {
    const { tenant, signedIn } = emulator();
    const t = await tenant();
    const admin = await signedIn(t, 'admin');
    const settings = (await admin.call('GET', '/security-settings')).json;
    const saved = await admin.call('PUT', '/security-settings', {
      ...settings,
      allow_user_manage_accesskey: false,
    });
    expect(saved.json.allow_user_manage_accesskey).toBe(false);
    const user = await signedIn(t);
    expect((await user.call('GET', '/access-keys')).json.manage).toEqual({
      allowed: false,
      reason: 'admin_only',
    });
    const refused = await user.call('POST', '/access-keys', { description: 'x' });
    expect([refused.status, refused.json.error_code]).toEqual([403, 'IAM.0002']);
    const notAdmin = await user.call('PUT', '/security-settings', {
      ...settings,
      allow_user_manage_accesskey: true,
    });
    expect(notAdmin.json.error_code).toBe('IAM.0002');
  });

  test("another user's key is not reachable from My Credentials", async () => {
    const { tenant, signedIn } = emulator();
    const t = await tenant();
    const admin = await signedIn(t, 'admin');
    const res = await admin.call('DELETE', `/access-keys/${t.iam_user.access_key.access}`, {});
    expect([res.status, res.json.error_code]).toEqual([404, 'CONSOLE.NOT_FOUND']);
  });
});

describe('temporary keys', () => {
  test('a federated user gets one for the asked duration; out-of-range and IAM users are refused', async () => {
    const { url, clock, tenant, signedIn, signedGet } = emulator();
    const t = await tenant();
    const fed = new ConsoleHttpClient(url);
    expect((await fed.federatedLogin(t.domain.name, t.federated_user.name)).json.user.kind).toBe(
      'federated',
    );
    const key = await fed.call('POST', '/temporary-access-keys', { duration_seconds: 3600 });
    expect(key.status).toBe(201);
    expect(Date.parse(key.json.expires_at) - clock.now()).toBe(3600_000);
    expect(
      await signedGet('/v3/auth/projects', { access: key.json.access, secret: key.json.secret }),
    ).toBe(401); // no security token
    expect(await signedGet('/v3/auth/projects', key.json)).toBe(200);

    const short = await fed.call('POST', '/temporary-access-keys', { duration_seconds: 899 });
    expect(short.status).toBe(400);
    expect(short.json.error_msg).toContain('900 to 86400');
    const iam = await (
      await signedIn(t)
    ).call('POST', '/temporary-access-keys', { duration_seconds: 900 });
    expect([iam.status, iam.json.error_code]).toEqual([403, 'CONSOLE.FEDERATED_ONLY']);
  });
});
