/**
 * The console over real HTTP on a started emulator: the pages, sign-in, CSRF refusals, session
 * expiry on the emulator clock, control-plane sessions, and the journal (never a secret).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { ConsoleHttpClient } from './console-http-client.js';
import { SESSION_IDLE_SECONDS } from './sessions.js';
import { useConsoleServer } from '../../test/support/console-server';
import { findWebRoot } from './web-root.js';

const emulator = useConsoleServer();

describe('pages', () => {
  test('/iam/ and /authui/login serve the app with a strict CSP; /iam redirects to /iam/', async () => {
    const { url } = emulator();
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

  test('console paths match as Express matches them; everything else reaches the Huawei API', async () => {
    const { url } = emulator();
    const asset = await fetch(`${url}/Console-Assets/no-such.js`); // a string mount: case-insensitive
    expect(asset.status).toBe(404);
    expect(await asset.text()).toContain('No such console asset');
    const unknownConsoleMethod = await fetch(`${url}/iam/x`, { method: 'DELETE' });
    expect(unknownConsoleMethod.status).toBe(404); // not a console route: the Huawei API's 404, in JSON
    expect(unknownConsoleMethod.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const lookalike = await fetch(`${url}/iamx/`);
    expect(lookalike.status).toBe(404);
    expect(lookalike.headers.get('content-security-policy')).toBeNull();
    expect(await lookalike.json()).toHaveProperty('error_code');
  });
});

describe('sign-in and CSRF', () => {
  test('a wrong password is refused; the right one sets an HttpOnly, SameSite=Lax cookie on a new session', async () => {
    const { url, tenant, signedIn } = emulator();
    const t = await tenant();
    const client = new ConsoleHttpClient(url);
    const anonymous = await client.ensureSession();
    expect(anonymous.authenticated).toBe(false);
    const before = client.cookie;
    const bad = await client.call('POST', '/login', {
      account_name: t.domain.name,
      user_name: t.iam_user.name,
      password: 'wrong-Passw0rd',
    });
    expect(bad.status).toBe(401);
    expect(bad.json.error_code).toBe('CONSOLE.BAD_LOGIN');
    const good = await client.login(t.domain.name, t.iam_user.name, t.iam_user.password);
    expect(good.status).toBe(200);
    expect(good.headers.get('set-cookie')).toMatch(
      /^iamtb_console=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(client.cookie).not.toBe(before);
    expect(good.json.user).toEqual({
      id: t.iam_user.id,
      name: t.iam_user.name,
      kind: 'iam_user',
      domain: t.domain,
    });
    const admin = await signedIn(t, 'admin');
    expect((await admin.call('GET', '/session')).json.user.kind).toBe('admin');
  });

  test('state-changing calls without the CSRF token, from another origin, or as a form are refused and change nothing', async () => {
    const { tenant, signedIn } = emulator();
    const t = await tenant();
    const client = await signedIn(t);
    const refusals = [
      await client.call('POST', '/access-keys', { description: 'x' }, { 'x-console-csrf': '' }),
      await client.call(
        'POST',
        '/access-keys',
        { description: 'x' },
        { 'x-console-csrf': 'forged' },
      ),
      await client.call(
        'POST',
        '/access-keys',
        { description: 'x' },
        { origin: 'http://evil.example' },
      ),
      await client.call(
        'POST',
        '/access-keys',
        { description: 'x' },
        { 'content-type': 'application/x-www-form-urlencoded' },
      ),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.json.error_code).toBe('CONSOLE.CSRF');
    }
    expect((await client.call('GET', '/access-keys')).json.access_keys).toHaveLength(1);
  });

  test('without a session, pages are public but the data is not', async () => {
    const { url } = emulator();
    const res = await new ConsoleHttpClient(url).call('GET', '/api-credential');
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('CONSOLE.NOT_SIGNED_IN');
  });

  test('the session expires on the emulator clock, and logout ends it', async () => {
    const { clock, tenant, signedIn } = emulator();
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
    const { url, server, tenant } = emulator();
    const t = await tenant();
    const { store, console: books } = server.runtime;
    const created = await store.read(t.domain.id, (doc) => books.openSession(doc, t.iam_user.id));
    const client = new ConsoleHttpClient(url);
    client.cookie = `${created?.name}=${created?.value}`;
    client.csrf = created?.csrf_token ?? '';
    expect((await client.call('GET', '/session')).json.user.id).toBe(t.iam_user.id);
    expect(
      await store.read(t.domain.id, (doc) => books.openSession(doc, 'f'.repeat(32))),
    ).toBeUndefined();
  });
});

describe('routing', () => {
  test('another method on a known path is 405 with its own code and Allow; an unknown path is 404', async () => {
    const { url } = emulator();
    const client = new ConsoleHttpClient(url);
    await client.ensureSession();
    const wrong = await client.call('PATCH', '/access-keys', {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    expect(wrong.json).toEqual({
      error_code: 'CONSOLE.METHOD_NOT_ALLOWED',
      error_msg: 'PATCH is not supported on /access-keys; use GET, POST.',
    });
    expect(wrong.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const unknown = await client.call('GET', '/no-such-call');
    expect([unknown.status, unknown.json.error_code]).toEqual([404, 'CONSOLE.NOT_FOUND']);
  });
});

describe('unreadable bodies', () => {
  test('too large or compressed: a JSON console error with X-Request-Id, journaled, never an HTML page', async () => {
    const { url, server } = emulator();
    const post = (body: Uint8Array | string, headers: Record<string, string> = {}) =>
      fetch(`${url}/console-api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const cases = [
      {
        res: await post(JSON.stringify({ account_name: 'x'.repeat(2 * 1024 * 1024) })),
        status: 413,
        code: 'CONSOLE.BODY_TOO_LARGE',
      },
      {
        res: await post(gzipSync('{"account_name":"a"}'), { 'content-encoding': 'gzip' }),
        status: 415,
        code: 'CONSOLE.BODY_ENCODING_UNSUPPORTED',
      },
      {
        res: await post('not gzip at all', { 'content-encoding': 'gzip' }),
        status: 415,
        code: 'CONSOLE.BODY_ENCODING_UNSUPPORTED',
      },
    ];
    for (const { res, status, code } of cases) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error_code: code, error_msg: expect.any(String) });
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(server.runtime.journal.list().find((e) => e.request_id === requestId)).toMatchObject({
        path: '/console-api/login',
        status,
        error_code: code,
        operation: 'console.login',
      });
    }
  });
});

describe('journal', () => {
  test('console calls are journaled by operation, with no secret, password or code in any entry', async () => {
    const { server, tenant, signedIn } = emulator();
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    await client.call('POST', '/verification-codes', {
      channel: 'email',
      operation: 'create_access_key',
    });
    const code = server.runtime.console.codes.list({ user_id: t.iam_user.id }).at(-1)?.code ?? '';
    const created = await client.call('POST', '/access-keys', {
      description: 'j',
      verification: { channel: 'email', code },
    });
    const entries = server.runtime.journal.list({ limit: 4 });
    expect(entries.map((e) => [e.operation, e.status])).toEqual([
      ['console.session', 200],
      ['console.login', 200],
      ['console.sendVerificationCode', 201],
      ['console.createAccessKey', 201],
    ]);
    expect(entries.at(-1)).toMatchObject({
      path: '/console-api/access-keys',
      access_key: created.json.access_key.access,
      console_user: t.iam_user.id,
    });
    const text = JSON.stringify(entries);
    for (const secret of [
      created.json.secret,
      t.iam_user.password,
      code,
      client.csrf,
      client.cookie.split('=')[1] ?? '',
    ])
      expect(text).not.toContain(secret);
  });
});
