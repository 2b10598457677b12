/**
 * The console API over real HTTP on a started emulator: sign-in, CSRF refusals, the pages,
 * API Credentials against the account, keys with operation protection and codes, the one-time
 * CSV, the quota, "only administrators", temporary keys, session expiry on the emulator clock,
 * and the journal (never a secret).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest } from '@iam-testbed/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { createExpressApp } from '../http/express-app.js';
import { startServer, type RunningServer } from '../server.js';
import { ConsoleHttpClient } from './console-http-client.js';
import { createConsoleSession, listVerificationCodes, withConsole } from './index.js';
import { SESSION_IDLE_SECONDS } from './sessions.js';
import { findWebRoot } from './web-root.js';

interface Person {
  id: string;
  name: string;
  password: string;
  access_key: { access: string; secret: string };
}
interface Tenant {
  domain: { id: string; name: string };
  admin: Person;
  iam_user: Person;
  federated_user: { id: string; name: string };
  projects: Array<{ id: string; name: string; region: string }>;
}

const clock = new ManualClock(Date.parse('2026-11-23T08:00:00Z'));
let server: RunningServer;
let consoleServer: Server | undefined;
let url = '';

/** The emulator's own URL when it serves the console; otherwise the console wrapped around its app. */
async function consoleUrl(running: RunningServer): Promise<string> {
  const probe = await fetch(`${running.url}/console-api/session`);
  if (probe.status === 200) return running.url;
  consoleServer = createServer(withConsole(createExpressApp(running.runtime), running.runtime));
  await new Promise<void>((resolve) => consoleServer?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(consoleServer.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  server = await startServer({ memory: true, clock, quiet: true });
  url = await consoleUrl(server);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (consoleServer ? consoleServer.close(() => resolve()) : resolve()));
  await server.close();
});

async function tenant(body: Record<string, unknown> = {}): Promise<Tenant> {
  const res = await fetch(`${server.url}/_emulator/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return (await res.json()) as Tenant;
}

async function signedIn(t: Tenant, who: 'admin' | 'iam_user' = 'iam_user'): Promise<ConsoleHttpClient> {
  const client = new ConsoleHttpClient(url);
  const res = await client.login(t.domain.name, t[who].name, t[who].password);
  expect(res.status).toBe(200);
  return client;
}

/** A signed call with `key` through the Huawei API, as the SDK would make it. */
async function signedGet(path: string, key: { access: string; secret: string }, domainId: string): Promise<number> {
  const signed = await signRequest({ method: 'GET', url: `${url}${path}`, headers: { 'X-Domain-Id': domainId } }, { ak: key.access, sk: key.secret });
  return (await fetch(signed.url, { headers: signed.headers })).status;
}

describe('pages', () => {
  test('/iam/ and /authui/login serve the app with a strict CSP; /iam redirects to /iam/', async () => {
    const built = findWebRoot() !== undefined;
    for (const path of ['/iam/', '/iam/?region=cn-north-4&locale=zh-cn', '/authui/login']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(built ? 200 : 503);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      if (built) {
        expect(html).toContain('<div id="app">');
        const asset = /src="(\/console-assets\/[^"]+\.js)"/.exec(html)?.[1];
        expect((await fetch(`${url}${asset}`)).status).toBe(200);
      }
    }
    const redirect = await fetch(`${url}/iam?locale=zh-cn`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/iam/?locale=zh-cn');
  });
});

describe('sign-in and CSRF', () => {
  test('a wrong password is refused; the right one sets an HttpOnly, SameSite=Lax cookie on a new session', async () => {
    const t = await tenant();
    const client = new ConsoleHttpClient(url);
    const anonymous = await client.ensureSession();
    expect(anonymous.authenticated).toBe(false);
    const before = client.cookie;
    const bad = await client.call('POST', '/login', { account_name: t.domain.name, user_name: t.iam_user.name, password: 'wrong-Passw0rd' });
    expect(bad.status).toBe(401);
    expect(bad.json.error_code).toBe('CONSOLE.BAD_LOGIN');
    const good = await client.login(t.domain.name, t.iam_user.name, t.iam_user.password);
    expect(good.status).toBe(200);
    expect(good.headers.get('set-cookie')).toMatch(/^iamtb_console=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(client.cookie).not.toBe(before);
    expect(good.json.user).toEqual({ id: t.iam_user.id, name: t.iam_user.name, kind: 'iam_user', domain: t.domain });
    const admin = await signedIn(t, 'admin');
    expect((await admin.call('GET', '/session')).json.user.kind).toBe('admin');
  });

  test('state-changing calls without the CSRF token, from another origin, or as a form are refused and change nothing', async () => {
    const t = await tenant();
    const client = await signedIn(t);
    const refusals = [
      await client.call('POST', '/access-keys', { description: 'x' }, { 'x-console-csrf': '' }),
      await client.call('POST', '/access-keys', { description: 'x' }, { 'x-console-csrf': 'forged' }),
      await client.call('POST', '/access-keys', { description: 'x' }, { origin: 'http://evil.example' }),
      await client.call('POST', '/access-keys', { description: 'x' }, { 'content-type': 'application/x-www-form-urlencoded' }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.json.error_code).toBe('CONSOLE.CSRF');
    }
    expect((await client.call('GET', '/access-keys')).json.access_keys).toHaveLength(1);
  });

  test('without a session, pages are public but the data is not', async () => {
    const res = await new ConsoleHttpClient(url).call('GET', '/api-credential');
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('CONSOLE.NOT_SIGNED_IN');
  });

  test('the session expires on the emulator clock, and logout ends it', async () => {
    const t = await tenant();
    const client = await signedIn(t);
    clock.advance(SESSION_IDLE_SECONDS - 60);
    expect((await client.call('GET', '/access-keys')).status).toBe(200);
    clock.advance(SESSION_IDLE_SECONDS + 1);
    const expired = await client.call('GET', '/access-keys');
    expect(expired.status).toBe(401);
    expect(expired.json.error_code).toBe('CONSOLE.SESSION_EXPIRED');

    const again = await signedIn(t);
    expect((await again.call('POST', '/logout', {})).status).toBe(200);
    expect((await again.call('GET', '/access-keys')).status).toBe(401);
  });

  test('a control-plane session works without the login form', async () => {
    const t = await tenant();
    const created = createConsoleSession(server.runtime, t.iam_user.id);
    const client = new ConsoleHttpClient(url);
    client.cookie = `${created?.name}=${created?.value}`;
    client.csrf = created?.csrf_token ?? '';
    expect((await client.call('GET', '/session')).json.user.id).toBe(t.iam_user.id);
    expect(createConsoleSession(server.runtime, 'f'.repeat(32))).toBeUndefined();
  });
});

describe('API Credentials', () => {
  test('shows the user, the account and exactly the account\'s projects, grouped by parent', async () => {
    const t = await tenant({ regions: ['cn-north-4', 'ap-southeast-1'] });
    const info = (await (await signedIn(t)).call('GET', '/api-credential')).json;
    expect(info.user).toEqual({ id: t.iam_user.id, name: t.iam_user.name });
    expect(info.domain).toEqual(t.domain);
    const rows = (list: Array<[string, string, string]>) => list.sort((a, b) => a[0].localeCompare(b[0]));
    expect(rows(info.projects.map((p: { id: string; name: string; region: { id: string } }) => [p.id, p.name, p.region.id]))).toEqual(
      rows(t.projects.map((p) => [p.id, p.name, p.region])),
    );
    const bj = info.projects.find((p: { name: string }) => p.name === 'cn-north-4');
    const sub = info.projects.find((p: { name: string }) => p.name === 'cn-north-4_dev');
    expect(bj.parent_id).toBeNull();
    expect(bj.region.name).toEqual({ 'en-us': 'CN North-Beijing4', 'zh-cn': '华北-北京四' });
    expect(sub.parent_id).toBe(bj.id);
  });
});

describe('access keys', () => {
  test('operation protection: code required, a wrong one refused, the sent one works once; CSV downloads once', async () => {
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    const list = (await client.call('GET', '/access-keys')).json;
    expect(list.protection.required).toBe(true);
    expect(list.protection.options.map((o: { channel: string }) => o.channel)).toEqual(['sms', 'email', 'vmfa', 'password']);

    const bare = await client.call('POST', '/access-keys', { description: 'ci' });
    expect([bare.status, bare.json.error_code]).toEqual([403, 'CONSOLE.VERIFICATION_REQUIRED']);
    expect((await client.call('POST', '/verification-codes', { channel: 'sms', operation: 'create_access_key' })).status).toBe(201);
    const [sent] = listVerificationCodes(server.runtime, { user_id: t.iam_user.id });
    expect(sent).toMatchObject({ channel: 'sms', purpose: 'create_access_key', used: false });
    const wrong = String((Number(sent?.code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await client.call('POST', '/access-keys', { description: 'ci', verification: { channel: 'sms', code: wrong } });
    expect([refused.status, refused.json.error_code]).toEqual([403, 'CONSOLE.VERIFICATION_FAILED']);

    const created = await client.call('POST', '/access-keys', { description: 'ci', verification: { channel: 'sms', code: sent?.code } });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^Emu[A-Za-z0-9]{37}$/);
    expect(listVerificationCodes(server.runtime, { user_id: t.iam_user.id })[0]?.used).toBe(true);
    const reused = await client.call('POST', '/access-keys', { description: 'again', verification: { channel: 'sms', code: sent?.code } });
    expect(reused.json.error_code).toBe('CONSOLE.VERIFICATION_FAILED');

    const { access } = created.json.access_key;
    const csv = await client.call('POST', '/access-keys/download', { ticket: created.json.download_ticket });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="credentials.csv"');
    expect(csv.text).toBe(`User Name,Access Key Id,Secret Access Key\n${t.iam_user.name},${access},${created.json.secret}\n`);
    const second = await client.call('POST', '/access-keys/download', { ticket: created.json.download_ticket });
    expect([second.status, second.json.error_code]).toEqual([410, 'CONSOLE.DOWNLOAD_USED']);
    // The key is a real one: it signs API calls.
    expect(await signedGet('/v3.0/OS-CREDENTIAL/credentials', { access, secret: created.json.secret }, t.domain.id)).toBe(200);
  });

  test('the password proves identity too; disable and delete are protected the same way', async () => {
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    const { access } = t.iam_user.access_key;
    const noProof = await client.call('PUT', `/access-keys/${access}`, { status: 'inactive' });
    expect(noProof.json.error_code).toBe('CONSOLE.VERIFICATION_REQUIRED');
    const badPassword = await client.call('PUT', `/access-keys/${access}`, { status: 'inactive', verification: { channel: 'password', password: 'nope-Passw0rd' } });
    expect(badPassword.json.error_code).toBe('CONSOLE.VERIFICATION_FAILED');
    const disabled = await client.call('PUT', `/access-keys/${access}`, { status: 'inactive', verification: { channel: 'password', password: t.iam_user.password } });
    expect([disabled.status, disabled.json.status]).toEqual([200, 'inactive']);
    expect(await signedGet('/v3/auth/projects', t.iam_user.access_key, t.domain.id)).toBe(401);

    await client.call('POST', '/verification-codes', { channel: 'vmfa', operation: 'delete_access_key' });
    const code = listVerificationCodes(server.runtime, { user_id: t.iam_user.id }).at(-1)?.code;
    const deleted = await client.call('DELETE', `/access-keys/${access}`, { verification: { channel: 'vmfa', code } });
    expect(deleted.status).toBe(204);
    expect((await client.call('GET', '/access-keys')).json.access_keys).toEqual([]);
  });

  test('the quota: a third key is refused with akSkNumExceed', async () => {
    const t = await tenant();
    const client = await signedIn(t);
    expect((await client.call('POST', '/access-keys', { description: 'second' })).status).toBe(201);
    const third = await client.call('POST', '/access-keys', { description: 'third' });
    expect([third.status, third.json.error_code]).toEqual([400, 'akSkNumExceed']);
    const list = (await client.call('GET', '/access-keys')).json;
    expect([list.access_keys.length, list.quota]).toEqual([2, 2]);
  });

  test('when the admin restricts key management, IAM users are told and refused', async () => {
    const t = await tenant();
    const admin = await signedIn(t, 'admin');
    const settings = (await admin.call('GET', '/security-settings')).json;
    const saved = await admin.call('PUT', '/security-settings', { ...settings, allow_user_manage_accesskey: false });
    expect(saved.json.allow_user_manage_accesskey).toBe(false);
    const user = await signedIn(t);
    expect((await user.call('GET', '/access-keys')).json.manage).toEqual({ allowed: false, reason: 'admin_only' });
    const refused = await user.call('POST', '/access-keys', { description: 'x' });
    expect([refused.status, refused.json.error_code]).toEqual([403, 'IAM.0002']);
    const notAdmin = await user.call('PUT', '/security-settings', { ...settings, allow_user_manage_accesskey: true });
    expect(notAdmin.json.error_code).toBe('IAM.0002');
  });

  test('another user\'s key is not reachable from My Credentials', async () => {
    const t = await tenant();
    const admin = await signedIn(t, 'admin');
    const res = await admin.call('DELETE', `/access-keys/${t.iam_user.access_key.access}`, {});
    expect([res.status, res.json.error_code]).toEqual([404, 'CONSOLE.NOT_FOUND']);
  });
});

describe('temporary keys', () => {
  test('a federated user gets one for the asked duration; out-of-range and IAM users are refused', async () => {
    const t = await tenant();
    const fed = new ConsoleHttpClient(url);
    expect((await fed.federatedLogin(t.domain.name, t.federated_user.name)).json.user.kind).toBe('federated');
    const key = await fed.call('POST', '/temporary-access-keys', { duration_seconds: 3600 });
    expect(key.status).toBe(201);
    expect(Date.parse(key.json.expires_at) - clock.now()).toBe(3600_000);
    expect(await signedGet('/v3/auth/projects', key.json, t.domain.id)).toBe(401); // no security token
    const signed = await signRequest({ method: 'GET', url: `${url}/v3/auth/projects` }, { ak: key.json.access, sk: key.json.secret, securityToken: key.json.securitytoken });
    expect((await fetch(signed.url, { headers: signed.headers })).status).toBe(200);

    const short = await fed.call('POST', '/temporary-access-keys', { duration_seconds: 899 });
    expect(short.status).toBe(400);
    expect(short.json.error_msg).toContain('900 to 86400');
    const iam = await (await signedIn(t)).call('POST', '/temporary-access-keys', { duration_seconds: 900 });
    expect([iam.status, iam.json.error_code]).toEqual([403, 'CONSOLE.FEDERATED_ONLY']);
  });
});

describe('journal', () => {
  test('console calls are journaled by operation, with no secret, password or code in any entry', async () => {
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    await client.call('POST', '/verification-codes', { channel: 'email', operation: 'create_access_key' });
    const code = listVerificationCodes(server.runtime, { user_id: t.iam_user.id }).at(-1)?.code ?? '';
    const created = await client.call('POST', '/access-keys', { description: 'j', verification: { channel: 'email', code } });
    const entries = server.runtime.journal.list({ limit: 4 });
    expect(entries.map((e) => [e.operation, e.status])).toEqual([
      ['console.session', 200],
      ['console.login', 200],
      ['console.sendVerificationCode', 201],
      ['console.createAccessKey', 201],
    ]);
    expect(entries.at(-1)).toMatchObject({ path: '/console-api/access-keys', access_key: created.json.access_key.access, console_user: t.iam_user.id });
    const text = JSON.stringify(entries);
    for (const secret of [created.json.secret, t.iam_user.password, code, client.csrf, client.cookie.split('=')[1] ?? '']) expect(text).not.toContain(secret);
  });
});
