/**
 * @module Malformed requests to the console API (`/console-api/*`), sent with the fuzz tenant
 * admin's signed-in session cookie and CSRF token (from `POST /_emulator/console-sessions`), so
 * they get past the session and CSRF checks to the body and parameter checks — plus requests
 * that break the session, the CSRF rules or the body limits on purpose.
 */
import fc from 'fast-check';
import type { FuzzIds } from './fixture';
import type { FuzzCase } from './fuzz-case';
import {
  bodyCases,
  contentTypeCases,
  pathIdCases,
  queryCases,
  servedPath,
  validCase,
  wrongMethodCases,
  type RouteSpec,
  type Surfaced,
} from './route-cases';
import {
  longString,
  notBoolean,
  notIn,
  notObject,
  notString,
  type BodySpec,
  type Json,
} from './values';

const AK = /^[A-Z0-9]{20}$/;
const name = fc.oneof(notString, fc.constantFrom('', '   '), longString(129));
const verification = fc.oneof(
  notObject,
  fc.constantFrom<Json>(
    {},
    { channel: 'sms' },
    { channel: 'carrier-pigeon', code: '1' },
    { channel: 'password' },
    { channel: 'sms', code: '' },
    { channel: 'sms', code: '1'.repeat(17) },
  ),
);

const spec = (
  template: Record<string, Json>,
  invalid: BodySpec['invalid'],
  required: string[] = Object.keys(template),
): BodySpec => ({
  template,
  objects: [[]],
  required: required.map((k) => [k]),
  invalid,
});

function routes(ids: FuzzIds): RouteSpec[] {
  const user = { auth: 'console' as const };
  const ak = { params: { ak: AK } };
  return [
    { method: 'GET', path: '/session', ...user },
    {
      method: 'POST',
      path: '/login',
      ...user,
      body: spec(
        { account_name: ids.accountName, user_name: ids.adminName, password: ids.adminPassword },
        [
          [['account_name'], name],
          [['user_name'], name],
          [['password'], fc.oneof(notString, fc.constant(''), longString(257))],
        ],
      ),
    },
    {
      method: 'POST',
      path: '/login/federated',
      ...user,
      body: spec({ account_name: ids.accountName, user_name: ids.federatedName }, [
        [['account_name'], name],
        [['user_name'], name],
      ]),
    },
    { method: 'POST', path: '/logout', ...user },
    { method: 'GET', path: '/api-credential', ...user },
    { method: 'GET', path: '/access-keys', ...user },
    {
      method: 'POST',
      path: '/verification-codes',
      ...user,
      body: spec({ channel: 'email', operation: 'create_access_key' }, [
        [['channel'], fc.oneof(notString, notIn(['sms', 'email', 'vmfa']))],
        [
          ['operation'],
          fc.oneof(
            notString,
            notIn(['create_access_key', 'update_access_key', 'delete_access_key']),
          ),
        ],
      ]),
    },
    {
      method: 'POST',
      path: '/access-keys',
      ...user,
      body: spec(
        { description: 'fuzz' },
        [
          [['description'], fc.oneof(notString, longString(256))],
          [['verification'], verification],
        ],
        [],
      ),
    },
    {
      method: 'POST',
      path: '/access-keys/download',
      ...user,
      body: spec({ ticket: 'no-such-ticket' }, [
        [['ticket'], fc.oneof(notString, fc.constant(''), longString(129))],
      ]),
    },
    {
      method: 'PUT',
      path: '/access-keys/{ak}',
      ...user,
      ...ak,
      body: spec({ status: 'inactive' }, [
        [['status'], fc.oneof(notString, notIn(['active', 'inactive']))],
        [['description'], fc.oneof(notString, longString(256))],
        [['verification'], verification],
      ]),
    },
    {
      method: 'DELETE',
      path: '/access-keys/{ak}',
      ...user,
      ...ak,
      body: spec({}, [[['verification'], verification]], []),
    },
    {
      method: 'POST',
      path: '/temporary-access-keys',
      ...user,
      body: spec({ duration_seconds: 900 }, [
        [
          ['duration_seconds'],
          fc.oneof(fc.integer({ max: 899 }), fc.integer({ min: 86_401 }), notString),
        ],
      ]),
    },
    { method: 'GET', path: '/security-settings', ...user },
    {
      method: 'PUT',
      path: '/security-settings',
      ...user,
      body: spec(
        {
          operation_protection: false,
          verifier: 'self',
          scene: '',
          mobile: '',
          email: '',
          allow_user_manage_accesskey: true,
        },
        [
          [['operation_protection'], notBoolean],
          [['verifier'], fc.oneof(notString, notIn(['self', 'designated']))],
          [['scene'], fc.oneof(notString, notIn(['mobile', 'email', '']))],
          [['mobile'], fc.oneof(notString, longString(33))],
          [['email'], fc.oneof(notString, longString(129))],
          [['allow_user_manage_accesskey'], notBoolean],
        ],
      ),
    },
  ];
}

/** Calls that change something, sent without what the CSRF check needs, or over its limits. */
function guardCases(s: Surfaced): fc.Arbitrary<FuzzCase> {
  const writes = s.routes.filter((r) => r.method !== 'GET' && r.path !== '/logout');
  return fc.oneof(
    fc.constantFrom(...writes).map((r) => ({
      ...validCase(s, r, 'csrf', 'no CSRF token'),
      auth: 'console-no-csrf' as const,
    })),
    fc
      .tuple(
        fc.constantFrom(...writes),
        fc.constantFrom('https://evil.example', 'null', 'http://localhost.evil'),
      )
      .map(([r, origin]) => {
        const c = validCase(s, r, 'csrf', `Origin ${origin}`);
        return { ...c, headers: { ...c.headers, origin } };
      }),
    fc
      .tuple(
        fc.constantFrom(...writes),
        fc.integer({ min: 1024 * 1024 + 1, max: 1024 * 1024 + 4096 }),
      )
      .map(([r, size]) => ({
        ...validCase(s, r, 'too-large', `${size}-byte body`),
        body: JSON.stringify({ description: 'x'.repeat(size) }),
      })),
    fc
      .tuple(fc.constantFrom(...writes), fc.constantFrom('gzip', 'deflate', 'br'))
      .map(([r, encoding]) => {
        const c = validCase(s, r, 'compressed', `Content-Encoding ${encoding}`);
        return { ...c, headers: { ...c.headers, 'content-encoding': encoding } };
      }),
    fc
      .tuple(
        fc.constantFrom(
          ...s.routes.filter(
            (r) => r.path !== '/session' && !r.path.startsWith('/login') && r.path !== '/logout',
          ),
        ),
        fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/),
      )
      .map(([r, value]) => ({
        ...validCase(s, r, 'session', 'unknown session cookie'),
        auth: 'none' as const,
        headers: { cookie: `iamtb_console=${value}`, 'x-console-csrf': 'x' },
      })),
  );
}

const unknownPaths = (s: Surfaced) =>
  fc
    .tuple(
      fc.stringMatching(/^[A-Za-z0-9._~-]{1,20}(\/[A-Za-z0-9._~-]{1,20}){0,2}$/),
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
    )
    .map(([rest, method]): FuzzCase => ({
      surface: s.surface,
      category: 'unknown-path',
      method,
      path: `/console-api/${rest}`,
      query: '',
      body: '',
      headers: {},
      auth: 'console',
      note: 'no such call',
    }))
    .filter((c) => !servedPath(s, c.path));

export function consoleCases(ids: FuzzIds): fc.Arbitrary<FuzzCase> {
  const s: Surfaced = {
    surface: 'console',
    routes: routes(ids),
    values: { ak: ids.adminAk },
    prefix: '/console-api',
  };
  return fc.oneof(
    { arbitrary: bodyCases(s), weight: 40 },
    { arbitrary: queryCases(s), weight: 18 },
    { arbitrary: guardCases(s), weight: 14 },
    { arbitrary: pathIdCases(s), weight: 8 },
    { arbitrary: contentTypeCases(s), weight: 6 },
    { arbitrary: wrongMethodCases(s), weight: 8 },
    { arbitrary: unknownPaths(s), weight: 6 },
  );
}
