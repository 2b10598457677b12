/**
 * Every bad input to the console API gets a 400 CONSOLE.BAD_REQUEST naming what is wrong, and
 * changes nothing: unknown, repeated, empty or malformed query parameters on every route (each
 * route declares the ones it accepts), unknown body fields, wrong types, bodies on a GET.
 */
import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { param } from '../http/query-params.js';
import { CONSOLE_API_BASE } from './contract.js';
import { ConsoleHttpClient } from './console-http-client.js';
import { parseQuery } from './query-params.js';
import { CONSOLE_ROUTES } from './route-table.js';
import { useConsoleServer } from '../../test/support/console-server';

const emulator = useConsoleServer();

/** Everything a refused call must leave alone: the store and the console's memory. */
async function snapshot() {
  const { server } = emulator();
  const rt = server.runtime;
  return JSON.stringify({
    state: await rt.store.exportAll(),
    codes: rt.console.codes.list(),
    sessions: rt.console.sessions.size,
  });
}

describe('query parameters', () => {
  const cases: Array<[query: string, names: string]> = [
    ['?foo=1', "'foo'"],
    ['?user_id=', "'user_id'"],
    ['?user_id', "'user_id'"],
    ['?a=1&a=2', "'a'"],
    ['?%zz=1', '%zz'],
    ['?a=%E0%A4%A', "'a'"],
    ['?&', 'empty parameter'],
    ['?x=1&&y=2', 'empty parameter'],
  ];

  test('on every route: 400 CONSOLE.BAD_REQUEST naming the parameter, before anything else runs', async () => {
    const { url, tenant, signedIn, server } = emulator();
    const t = await tenant();
    const client = await signedIn(t, 'admin');
    for (const route of CONSOLE_ROUTES) {
      const path = route.path
        .slice(CONSOLE_API_BASE.length)
        .replace(':ak', t.admin.access_key.access);
      for (const [query, names] of cases) {
        const before = await snapshot();
        const res = await client.call(
          route.method,
          `${path}${query}`,
          route.method === 'GET' ? undefined : {},
        );
        const where = `${route.method} ${path}${query}`;
        expect([res.status, res.json?.error_code], where).toEqual([400, 'CONSOLE.BAD_REQUEST']);
        expect(res.json.error_msg, where).toContain(names);
        expect(res.headers.get('x-request-id'), where).toMatch(/^[0-9a-f]{32}$/);
        expect(await snapshot(), where).toBe(before);
      }
    }
    // Refused before the session is even looked at: a stranger gets the same answer.
    const stranger = await new ConsoleHttpClient(url).call('GET', '/access-keys?user_id=');
    expect([stranger.status, stranger.json.error_code]).toEqual([400, 'CONSOLE.BAD_REQUEST']);
    expect(server.runtime.journal.list().at(-1)).toMatchObject({
      status: 400,
      error_code: 'CONSOLE.BAD_REQUEST',
      operation: 'console.listAccessKeys',
    });
  });

  test('a bare "?" is no parameter at all', async () => {
    const { tenant, signedIn } = emulator();
    const client = await signedIn(await tenant());
    expect((await client.call('GET', '/access-keys?')).status).toBe(200);
  });

  test('declared parameters: given once, non-empty, matching their pattern', () => {
    const spec = {
      region: param.string('The region', {
        pattern: /^[a-z]+-[a-z]+-\d$/,
        expected: 'a region ID such as cn-north-4',
      }),
    };
    expect(parseQuery('region=cn-north-4', spec, '/x')).toEqual({ region: 'cn-north-4' });
    expect(parseQuery('', spec, '/x')).toEqual({});
    expect(() => parseQuery('region=Mars', spec, '/x')).toThrow(
      "Query parameter 'region' must be a region ID such as cn-north-4; got 'Mars'.",
    );
    expect(() => parseQuery('region=', spec, '/x')).toThrow(/'region' is empty/);
    expect(() => parseQuery('region=cn-north-4&region=cn-north-4', spec, '/x')).toThrow(
      /'region' is given 2 times/,
    );
    expect(() => parseQuery('constructor=1', spec, '/x')).toThrow(
      "Unknown query parameter 'constructor': /x accepts only region.",
    );
    expect(() => parseQuery('x=1', {}, '/x')).toThrow(
      "Unknown query parameter 'x': /x accepts no query parameters.",
    );
  });
});

describe('bodies', () => {
  test('unknown fields, wrong types and non-object bodies are 400 naming the field; nothing changes', async () => {
    const { url, tenant, signedIn } = emulator();
    const t = await tenant({ operation_protection: true });
    const user = await signedIn(t);
    const admin = await signedIn(t, 'admin');
    const federated = new ConsoleHttpClient(url);
    await federated.federatedLogin(t.domain.name, t.federated_user.name);
    const anonymous = new ConsoleHttpClient(url);
    await anonymous.ensureSession();
    const ak = t.iam_user.access_key.access;
    const settings = (await admin.call('GET', '/security-settings')).json;
    const login = {
      account_name: t.domain.name,
      user_name: t.iam_user.name,
      password: t.iam_user.password,
    };

    const cases: Array<[ConsoleHttpClient, string, string, unknown, string]> = [
      [anonymous, 'POST', '/login', { ...login, remember: true }, 'remember'],
      [anonymous, 'POST', '/login', { ...login, password: 123 }, 'password'],
      [
        anonymous,
        'POST',
        '/login/federated',
        { account_name: t.domain.name, user_name: t.federated_user.name, idp: 'x' },
        'idp',
      ],
      [user, 'POST', '/logout', { everywhere: true }, 'everywhere'],
      [
        user,
        'POST',
        '/verification-codes',
        { channel: 'sms', operation: 'create_access_key', to: '+1' },
        '"to"',
      ],
      [
        user,
        'POST',
        '/verification-codes',
        { channel: 'fax', operation: 'create_access_key' },
        'channel',
      ],
      [user, 'POST', '/access-keys', { description: 'x', user_id: t.admin.id }, 'user_id'],
      [user, 'POST', '/access-keys', { description: 5 }, 'description'],
      [user, 'POST', '/access-keys', [], 'object'],
      [user, 'POST', '/access-keys', 'x', 'object'],
      [user, 'POST', '/access-keys', null, 'object'],
      [user, 'POST', '/access-keys/download', { ticket: 'x', format: 'csv' }, 'format'],
      [user, 'PUT', `/access-keys/${ak}`, { status: 'inactive', enabled: false }, 'enabled'],
      [user, 'PUT', `/access-keys/${ak}`, { status: 'off' }, 'status'],
      [user, 'DELETE', `/access-keys/${ak}`, { force: true }, 'force'],
      [user, 'DELETE', `/access-keys/${ak}`, null, 'object'], // once deleted the key: null was read as {}
      [
        federated,
        'POST',
        '/temporary-access-keys',
        { duration_seconds: 900, policy: {} },
        'policy',
      ],
      [federated, 'POST', '/temporary-access-keys', {}, 'duration_seconds'],
      [
        admin,
        'PUT',
        '/security-settings',
        { ...settings, login_protection: true },
        'login_protection',
      ],
      [
        admin,
        'PUT',
        '/security-settings',
        { ...settings, operation_protection: 'yes' },
        'operation_protection',
      ],
    ];
    for (const [client, method, path, body, named] of cases) {
      const before = await snapshot();
      const res = await client.call(method, path, body);
      const where = `${method} ${path} ${JSON.stringify(body)}`;
      expect([res.status, res.json.error_code], where).toEqual([400, 'CONSOLE.BAD_REQUEST']);
      expect(res.json.error_msg, where).toContain(named);
      expect(await snapshot(), where).toBe(before);
    }
    expect((await user.call('GET', '/session')).json.authenticated).toBe(true); // the refused logout left the session alone
  });

  test('a GET with a body is refused: the console API takes none there', async () => {
    const { url, tenant, signedIn } = emulator();
    const client = await signedIn(await tenant());
    const { hostname, port } = new URL(url);
    const body = '{"user_id":"x"}';
    const res = await new Promise<{
      status: number;
      json: { error_code: string; error_msg: string };
    }>((resolve, reject) => {
      const req = request(
        {
          hostname,
          port,
          method: 'GET',
          path: '/console-api/access-keys',
          headers: {
            cookie: client.cookie,
            'content-type': 'application/json',
            'content-length': String(body.length),
          },
        },
        (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, json: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect([res.status, res.json.error_code]).toEqual([400, 'CONSOLE.BAD_REQUEST']);
    expect(res.json.error_msg).toMatch(/GET .* takes no body/);
  });
});
