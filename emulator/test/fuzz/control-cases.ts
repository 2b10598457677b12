/**
 * @module Malformed requests to the control plane (`/_emulator/*`): bad tenant, clock, fault,
 * console-session and state-import bodies, bad query parameters (the reset's `domain_id` above
 * all: a bad one must never reset everything), bad path IDs, wrong methods, unknown paths.
 * The valid request each case breaks is destructive on purpose (delete the other tenant, reset),
 * so a malformed one that is accepted shows up as a state change, not just a 2xx.
 */
import fc from 'fast-check';
import { SCHEMA_VERSION } from '../../src/domain/state';
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
  setAt,
  wellFormedUnicode,
  type BodySpec,
  type Json,
} from './values';

const HEX32 = /^[0-9a-f]{32}$/;
const TENANT_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,47}$/;
const MAX_CLOCK_SECONDS = 100 * 365 * 24 * 3600;

const tenant: BodySpec = {
  template: { name: 'fuzz-new', regions: ['cn-north-4'], operation_protection: false },
  objects: [[]],
  required: [],
  invalid: [
    [['name'], fc.oneof(notString, notMatching(TENANT_NAME))],
    [
      ['regions'],
      fc.oneof(
        notArray,
        fc.constantFrom<Json>(
          [],
          ['cn-north-4', 'cn-north-4'],
          ['mars-1'],
          [''],
          [null],
          ['CN-NORTH-4'],
        ),
      ),
    ],
    [['operation_protection'], notBoolean],
  ],
};

/** Exactly one change per call, each with its own rule: the broken body replaces the template whole. */
const clock: BodySpec = {
  template: { advance_seconds: 1 },
  objects: [[]],
  required: [['advance_seconds']],
  invalid: [
    [
      [],
      fc.oneof(
        fc
          .oneof(
            notNumber,
            fc.double({ min: MAX_CLOCK_SECONDS + 1, noNaN: true }),
            fc.double({ max: -MAX_CLOCK_SECONDS - 1, noNaN: true }),
          )
          .map((v) => ({ advance_seconds: v })),
        fc
          .oneof(
            notString,
            fc.constantFrom(
              '2030-01-02T03:04:05',
              'yesterday',
              '2030-13-01T00:00:00Z',
              '',
              '1e20',
              '+275760-09-13T00:00:00.001Z',
            ),
          )
          .map((v) => ({ set: v })),
        notBoolean.map((v) => ({ frozen: v })),
        fc.oneof(notBoolean, fc.constant(false)).map((v) => ({ reset: v })),
        fc.constantFrom<Json>(
          { advance_seconds: 1, frozen: true },
          { set: '2030-01-01T00:00:00Z', reset: true },
          {},
        ),
      ),
    ],
  ],
};

const fault: BodySpec = {
  template: { match: { path: '/v3/regions' }, status: 503, times: 1 },
  objects: [[], ['match']],
  required: [],
  invalid: [
    [['match'], notObject],
    [
      ['match', 'path'],
      fc.oneof(notString, fc.constantFrom('', 'v3/regions', '/_emulator/health', '/_emulator/**')),
    ],
    [['match', 'method'], fc.oneof(notString, fc.constantFrom('FETCH', ''))],
    [['match', 'operation'], fc.oneof(notString, fc.constant(''), longString(101))],
    [
      ['status'],
      fc.oneof(notNumber, fc.integer({ max: 399 }), fc.integer({ min: 600 }), fc.constant(503.5)),
    ],
    [
      ['probability'],
      fc.oneof(
        notNumber,
        fc.double({ min: 1.0001, noNaN: true }),
        fc.double({ max: -0.0001, noNaN: true }),
      ),
    ],
    [['latency_ms'], fc.oneof(notNumber, fc.integer({ max: -1 }), fc.integer({ min: 60_001 }))],
    [['times'], fc.oneof(notNumber, fc.integer({ max: 0 }), fc.constant(1.5))],
    [['action'], fc.oneof(notString, notIn(['respond', 'drop']))],
    [['error_code'], fc.oneof(notString, fc.constant(''), longString(65))],
  ],
};

function routes(ids: FuzzIds): RouteSpec[] {
  const none = { auth: 'none' as const };
  const get = (path: string, known: string[] = [], numeric: string[] = []): RouteSpec => ({
    method: 'GET',
    path,
    query: { known, numeric },
    ...none,
  });
  return [
    get('/_emulator/health'),
    get('/_emulator/ready'),
    get('/_emulator/openapi.json'),
    get('/_emulator/tenants'),
    { method: 'POST', path: '/_emulator/tenants', body: tenant, ...none },
    {
      method: 'DELETE',
      path: '/_emulator/tenants/{domain_id}',
      params: { domain_id: HEX32 },
      ...none,
    },
    { method: 'POST', path: '/_emulator/reset', query: { known: ['domain_id'] }, ...none },
    get('/_emulator/clock'),
    { method: 'POST', path: '/_emulator/clock', body: clock, ...none },
    get('/_emulator/verification-codes', ['user_id', 'domain_id']),
    get('/_emulator/requests', ['limit', 'since', 'control'], ['limit', 'since']),
    { method: 'DELETE', path: '/_emulator/requests', ...none },
    get('/_emulator/faults'),
    { method: 'POST', path: '/_emulator/faults', body: fault, ...none },
    { method: 'DELETE', path: '/_emulator/faults', ...none },
    { method: 'DELETE', path: '/_emulator/faults/{id}', params: { id: /^f\d+$/ }, ...none },
    get('/_emulator/state'),
    {
      method: 'POST',
      path: '/_emulator/console-sessions',
      ...none,
      body: {
        template: { user_id: ids.userId },
        objects: [[]],
        required: [['user_id']],
        invalid: [[['user_id'], fc.oneof(notString, fc.constant(''), longString(65))]],
      },
    },
  ];
}

/** State documents that must be refused: the current export with one thing broken. */
function stateImports(s: Surfaced, exported: Json): fc.Arbitrary<FuzzCase> {
  const doc = exported as Record<string, Json>;
  const users = Object.keys((doc.users as Record<string, Json>) ?? {});
  const keys = Object.keys((doc.permanent_keys as Record<string, Json>) ?? {});
  const collections = Object.keys(doc).filter((k) => typeof doc[k] === 'object' && k !== 'meta');
  const broken = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...users),
        fc.constantFrom(
          'bcrypt$4096$aa$bb',
          'scrypt$4096$00$zz',
          'scrypt$3$' + '0'.repeat(32) + '$' + 'a'.repeat(64),
          '',
        ),
      )
      .map(([u, h]) => ({
        note: `users.${u}.password_hash = ${h}`,
        doc: setAt(exported, ['users', u, 'password_hash'], h),
      })),
    fc
      .tuple(
        fc.constantFrom(...keys),
        fc.constantFrom('status', 'user_id', 'created_at'),
        notString,
      )
      .map(([k, f, v]) => ({
        note: `permanent_keys.${k}.${f} wrong`,
        doc: setAt(exported, ['permanent_keys', k, f], f === 'created_at' ? 'soon' : v),
      })),
    fc
      .tuple(fc.constantFrom(...collections), notObject)
      .map(([c, v]) => ({ note: `${c} not an object`, doc: setAt(exported, [c], v) })),
    fc
      .stringMatching(/^[a-z_]{1,12}$/)
      .filter((k) => !(k in doc))
      .map((k) => ({ note: `unknown top-level ${k}`, doc: setAt(exported, [k], {}) })),
    fc.constantFrom<Json>(0, SCHEMA_VERSION + 1, '1', null).map((v) => ({
      note: `schemaVersion ${JSON.stringify(v)}`,
      doc: setAt(exported, ['schemaVersion'], v),
    })),
    fc.tuple(fc.constantFrom(...users), fc.stringMatching(/^[0-9a-f]{32}$/)).map(([u, other]) => ({
      note: `users.${u} under another ID`,
      doc: setAt(exported, ['users', other], (doc.users as Record<string, Json>)[u] ?? null),
    })),
  );
  return broken.map(({ note, doc: body }) => ({
    surface: s.surface,
    category: 'state-import',
    method: 'PUT',
    path: '/_emulator/state',
    query: '',
    body: JSON.stringify(body),
    headers: {},
    auth: 'none',
    note,
  }));
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
      path: `/_emulator/${rest}`,
      query: '',
      body: '',
      headers: {},
      auth: 'none',
      note: 'no such endpoint',
    }))
    .filter((c) => !servedPath(s, c.path));

/** Reset (and the other tenant's delete) with a bad or unknown `domain_id`: never everything. */
function resetCases(s: Surfaced): fc.Arbitrary<FuzzCase> {
  const reset = s.routes.find((r) => r.path === '/_emulator/reset') as RouteSpec;
  const bad = fc.oneof(
    notMatching(HEX32).map((v) => encodeURIComponent(wellFormedUnicode(v))),
    fc.stringMatching(/^[0-9a-f]{32}$/),
  );
  return bad.map((id) => ({
    ...validCase(s, reset, 'reset', `domain_id=${id.slice(0, 40)}`),
    query: `domain_id=${id}`,
  }));
}

export function controlCases(ids: FuzzIds, exported: Json): fc.Arbitrary<FuzzCase> {
  const s: Surfaced = {
    surface: 'control',
    routes: routes(ids),
    values: { domain_id: ids.otherDomainId, id: 'f1' },
  };
  return fc.oneof(
    { arbitrary: bodyCases(s), weight: 30 },
    { arbitrary: queryCases(s), weight: 20 },
    { arbitrary: resetCases(s), weight: 8 },
    { arbitrary: stateImports(s, exported), weight: 12 },
    { arbitrary: pathIdCases(s), weight: 8 },
    { arbitrary: wrongMethodCases(s), weight: 10 },
    { arbitrary: contentTypeCases(s), weight: 6 },
    { arbitrary: unknownPaths(s), weight: 6 },
  );
}
