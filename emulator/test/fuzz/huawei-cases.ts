/**
 * @module Malformed requests to the emulated Huawei API: v3 (tokens, projects, users), v3.0
 * OS-CREDENTIAL / OS-USER / OS-SECURITYPOLICY and v5 access keys. Requests that need
 * authentication are signed with the fuzz tenant's admin key, so they reach validation; others
 * carry a broken credential on purpose (`auth` category).
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
  notArray,
  notBoolean,
  notIn,
  notMatching,
  notNumber,
  notObject,
  notString,
  type BodySpec,
  type Json,
} from './values';

const HEX32 = /^[0-9a-f]{32}$/;
const AK = /^[A-Z0-9]{20}$/;
const CREDENTIALS = '/v3.0/OS-CREDENTIAL/credentials';
const V5 = '/v5/users/{user_id}/access-keys';

const createCredential: BodySpec = {
  template: { credential: { user_id: '', description: 'fuzz' } }, // user_id filled per fixture
  objects: [[], ['credential']],
  required: [['credential'], ['credential', 'user_id']],
  invalid: [
    [['credential'], notObject],
    [['credential', 'user_id'], fc.oneof(notString, notMatching(HEX32))],
    [['credential', 'description'], fc.oneof(notString, longString(256))],
  ],
};

const statusUpdate = (wrapped: boolean): BodySpec => {
  const at = (...p: string[]) => (wrapped ? ['credential', ...p] : p);
  return {
    template: wrapped ? { credential: { status: 'inactive' } } : { status: 'inactive' },
    objects: wrapped ? [[], ['credential']] : [[]],
    required: wrapped ? [['credential'], at('status')] : [at('status')],
    invalid: [
      [at('status'), fc.oneof(notString, notIn(['active', 'inactive']))],
      ...(wrapped ? ([[at('description'), fc.oneof(notString, longString(256))]] as const) : []),
    ],
  };
};

const DURATION_OUT_OF_RANGE = fc.oneof(
  fc.integer({ max: 899 }),
  fc.integer({ min: 86_401 }),
  fc.double({ min: 900.01, max: 86_399.99, noNaN: true }).filter((d) => !Number.isInteger(d)),
  notNumber,
);

const securityToken: BodySpec = {
  template: { auth: { identity: { methods: ['token'], token: { duration_seconds: 900 } } } },
  objects: [[], ['auth'], ['auth', 'identity'], ['auth', 'identity', 'token']],
  required: [['auth'], ['auth', 'identity'], ['auth', 'identity', 'methods']],
  invalid: [
    [['auth'], notObject],
    [
      ['auth', 'identity', 'methods'],
      fc.oneof(notArray, fc.constantFrom<Json>([], ['token', 'token'], ['password'], [''], [1])),
    ],
    [['auth', 'identity', 'token'], notObject],
    [['auth', 'identity', 'token', 'duration_seconds'], DURATION_OUT_OF_RANGE],
    [['auth', 'identity', 'token', 'id'], fc.oneof(notString, fc.constant(''))],
    [
      ['auth', 'identity', 'policy'],
      fc.oneof(
        notObject,
        fc.constant<Json>({
          Version: '1.1',
          Statement: [{ Effect: 'Allow', Action: ['x'.repeat(2100)] }],
        }),
      ),
    ],
  ],
};

const passwordLogin = (ids: FuzzIds): BodySpec => ({
  template: {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: ids.adminName,
            password: ids.adminPassword,
            domain: { name: ids.accountName },
          },
        },
      },
    },
  },
  objects: [
    [],
    ['auth'],
    ['auth', 'identity'],
    ['auth', 'identity', 'password'],
    ['auth', 'identity', 'password', 'user'],
    ['auth', 'identity', 'password', 'user', 'domain'],
  ],
  required: [
    ['auth'],
    ['auth', 'identity'],
    ['auth', 'identity', 'methods'],
    ['auth', 'identity', 'password'],
    ['auth', 'identity', 'password', 'user', 'password'],
  ],
  invalid: [
    [
      ['auth', 'identity', 'methods'],
      fc.oneof(notArray, fc.constantFrom<Json>([], ['password', 'password'], ['x'], [null])),
    ],
    [['auth', 'identity', 'password', 'user'], notObject],
    [['auth', 'identity', 'password', 'user', 'name'], fc.oneof(notString, fc.constant(''))],
    [['auth', 'identity', 'password', 'user', 'password'], notString],
    [['auth', 'identity', 'password', 'user', 'domain'], notObject],
    [
      ['auth', 'identity', 'password', 'user', 'domain', 'name'],
      fc.oneof(notString, fc.constant('')),
    ],
  ],
});

const protectPolicy: BodySpec = {
  template: {
    protect_policy: { operation_protection: false, allow_user: { manage_accesskey: true } },
  },
  objects: [[], ['protect_policy'], ['protect_policy', 'allow_user']],
  required: [['protect_policy'], ['protect_policy', 'operation_protection']],
  invalid: [
    [['protect_policy'], notObject],
    [['protect_policy', 'operation_protection'], notBoolean],
    [['protect_policy', 'allow_user'], notObject],
    [['protect_policy', 'allow_user', 'manage_accesskey'], notBoolean],
    [['protect_policy', 'admin_check'], fc.oneof(notString, notIn(['on', 'off']))],
    [['protect_policy', 'scene'], fc.oneof(notString, notIn(['mobile', 'email', '']))],
    [['protect_policy', 'mobile'], fc.oneof(notString, notMatching(/^\d{1,4}-\d{4,20}$/))],
    [['protect_policy', 'email'], fc.oneof(notString, notMatching(/@.*\./))],
  ],
};

function routes(ids: FuzzIds): RouteSpec[] {
  const signed = 'signed' as const;
  const withUser = (spec: BodySpec): BodySpec => ({
    ...spec,
    template: { credential: { user_id: ids.userId, description: 'fuzz' } },
  });
  const v5Params = { user_id: HEX32, access_key_id: AK };
  return [
    { method: 'POST', path: CREDENTIALS, body: withUser(createCredential), auth: signed },
    { method: 'GET', path: CREDENTIALS, query: { known: ['user_id'] }, auth: signed },
    {
      method: 'GET',
      path: `${CREDENTIALS}/{access_key}`,
      params: { access_key: AK },
      auth: signed,
    },
    {
      method: 'PUT',
      path: `${CREDENTIALS}/{access_key}`,
      params: { access_key: AK },
      body: statusUpdate(true),
      auth: signed,
    },
    {
      method: 'DELETE',
      path: `${CREDENTIALS}/{access_key}`,
      params: { access_key: AK },
      auth: signed,
    },
    {
      method: 'POST',
      path: V5,
      params: { user_id: HEX32 },
      body: { template: {}, objects: [[]], required: [], invalid: [] },
      auth: signed,
    },
    {
      method: 'GET',
      path: V5,
      params: { user_id: HEX32 },
      query: { known: ['limit', 'marker'], numeric: ['limit'] },
      auth: signed,
    },
    {
      method: 'PUT',
      path: `${V5}/{access_key_id}`,
      params: v5Params,
      body: statusUpdate(false),
      auth: signed,
    },
    { method: 'DELETE', path: `${V5}/{access_key_id}`, params: v5Params, auth: signed },
    { method: 'GET', path: `${V5}/{access_key_id}/last-used`, params: v5Params, auth: signed },
    {
      method: 'POST',
      path: '/v3.0/OS-CREDENTIAL/securitytokens',
      body: securityToken,
      auth: signed,
    },
    {
      method: 'POST',
      path: '/v3/auth/tokens',
      body: passwordLogin(ids),
      query: { known: ['nocatalog'], flags: ['nocatalog'] },
      auth: 'none',
    },
    {
      method: 'GET',
      path: '/v3/auth/tokens',
      auth: signed,
      headers: { 'x-subject-token': 'MIIfuzz' },
    },
    {
      method: 'GET',
      path: '/v3/projects',
      query: {
        known: ['domain_id', 'name', 'parent_id', 'enabled', 'is_domain', 'page', 'per_page'],
        numeric: ['page', 'per_page'],
      },
      auth: signed,
    },
    { method: 'GET', path: '/v3/auth/projects', auth: signed },
    { method: 'GET', path: '/v3/auth/domains', auth: signed },
    { method: 'GET', path: '/v3/regions', auth: signed },
    { method: 'GET', path: '/v3/users/{user_id}', params: { user_id: HEX32 }, auth: signed },
    {
      method: 'GET',
      path: '/v3.0/OS-USER/users/{user_id}',
      params: { user_id: HEX32 },
      auth: signed,
    },
    {
      method: 'GET',
      path: '/v3.0/OS-SECURITYPOLICY/domains/{domain_id}/protect-policy',
      params: { domain_id: HEX32 },
      auth: signed,
    },
    {
      method: 'PUT',
      path: '/v3.0/OS-SECURITYPOLICY/domains/{domain_id}/protect-policy',
      params: { domain_id: HEX32 },
      body: protectPolicy,
      auth: signed,
    },
    {
      method: 'POST',
      path: '/v3/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}/auth',
      params: { idp_id: /^\S+$/ },
      auth: 'none',
      headers: { authorization: 'Bearer not-an-id-token' },
    },
  ];
}

/** The valid request of an authenticated route, with a broken or missing credential. */
function authCases(s: Surfaced): fc.Arbitrary<FuzzCase> {
  const needAuth = s.routes.filter((r) => r.auth === 'signed');
  const printable = fc.stringMatching(/^[!-~][ -~]{0,79}$/);
  const broken = fc.oneof(
    fc
      .constantFrom('none', 'bad-signature', 'unknown-ak', 'skewed-date')
      .map((auth) => ({ auth, headers: {} })),
    fc
      .oneof(
        printable,
        printable.map((p) => `SDK-HMAC-SHA256 ${p}`),
        fc.constantFrom(
          'Basic Zm9vOmJhcg==',
          'Bearer x',
          'SDK-HMAC-SHA256 Access=EMUPFUZZ000000000000, SignedHeaders=host, Signature=zz',
          'AWS4-HMAC-SHA256 Credential=x',
        ),
      )
      .map((v) => ({ auth: 'garbage-authorization', headers: { authorization: v } })),
    printable.map((v) => ({ auth: 'bad-token', headers: { 'x-auth-token': v } })),
  );
  return fc.tuple(fc.constantFrom(...needAuth), broken).map(([route, b]) => {
    const c = validCase(s, route, 'auth', b.auth);
    return { ...c, auth: b.auth as FuzzCase['auth'], headers: { ...c.headers, ...b.headers } };
  });
}

/** Headers a route reads, made wrong: the subject token, the account and project scope, the id token. */
function headerCases(s: Surfaced, ids: FuzzIds): fc.Arbitrary<FuzzCase> {
  const find = (method: string, path: string) =>
    s.routes.find((r) => r.method === method && r.path === path) as RouteSpec;
  const value = fc.stringMatching(/^[!-~]{1,60}$/);
  return fc.oneof(
    fc.oneof(fc.constant(undefined), value).map((v) => {
      const c = validCase(
        s,
        find('GET', '/v3/auth/tokens'),
        'header',
        v === undefined ? 'no X-Subject-Token' : 'unknown X-Subject-Token',
      );
      const headers = { ...c.headers };
      delete headers['x-subject-token'];
      return { ...c, headers: v === undefined ? headers : { ...headers, 'x-subject-token': v } };
    }),
    fc
      .tuple(
        fc.constantFrom(...s.routes.filter((r) => r.auth === 'signed')),
        fc.constantFrom('x-project-id', 'x-domain-id'),
        value,
      )
      .map(([route, name, v]) => {
        const c = validCase(s, route, 'header', `foreign ${name}`);
        // The fixture signs a case's own X-Domain-Id instead of the tenant's.
        return {
          ...c,
          headers: { ...c.headers, [name]: name === 'x-domain-id' ? ids.otherDomainId : v },
        };
      }),
    fc.tuple(fc.constantFrom('Bearer ', 'Bearer a.b.', 'Basic ', ''), value).map(([scheme, v]) => {
      const c = validCase(
        s,
        find('POST', '/v3/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}/auth'),
        'header',
        'bad OIDC bearer',
      );
      return { ...c, headers: { authorization: `${scheme}${v}` } };
    }),
  );
}

/** Paths under the API's prefixes that do not exist. */
const unknownPaths = (s: Surfaced) =>
  fc
    .tuple(
      fc.constantFrom(
        '/v3/',
        '/v3.0/',
        '/v5/',
        '/v3.0/OS-CREDENTIAL/',
        '/v5/users/',
        '/',
        '/v4/',
        '/V3/',
      ),
      fc.stringMatching(/^[A-Za-z0-9._~-]{1,20}(\/[A-Za-z0-9._~-]{1,20}){0,2}$/),
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
    )
    .map(([prefix, rest, method]): FuzzCase => ({
      surface: s.surface,
      category: 'unknown-path',
      method,
      path: `${prefix}${rest}`,
      query: '',
      body: '',
      headers: {},
      auth: 'signed',
      note: 'no such API',
    }))
    .filter((c) => !servedPath(s, c.path));

export function huaweiCases(ids: FuzzIds): fc.Arbitrary<FuzzCase> {
  const s: Surfaced = {
    surface: 'huawei',
    routes: routes(ids),
    values: {
      user_id: ids.userId,
      access_key: ids.userAk,
      access_key_id: ids.userAk,
      domain_id: ids.domainId,
      idp_id: ids.idpId,
      protocol_id: 'oidc',
    },
  };
  return fc.oneof(
    { arbitrary: bodyCases(s), weight: 40 },
    { arbitrary: queryCases(s), weight: 15 },
    { arbitrary: pathIdCases(s), weight: 12 },
    { arbitrary: authCases(s), weight: 12 },
    { arbitrary: contentTypeCases(s), weight: 6 },
    { arbitrary: wrongMethodCases(s), weight: 6 },
    { arbitrary: unknownPaths(s), weight: 5 },
    { arbitrary: headerCases(s, ids), weight: 4 },
  );
}
