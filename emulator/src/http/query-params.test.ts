import { describe, expect, test } from 'vitest';
import { IamError } from '../domain/errors.js';
import { inProcess } from '../testing/in-process.js';
import { checkQuery, param, type QuerySpec } from './query-params.js';
import { HUAWEI_ROUTES } from './routes/index.js';

const { rt } = inProcess();

const SPEC = {
  user_id: param.string('a user', {
    pattern: /^[0-9a-f]{32}$/,
    expected: '32 lower-case hex characters',
  }),
  limit: param.integer(1, 200, 'page size'),
  enabled: param.boolean('only enabled'),
  order: param.enum(['asc', 'desc'], 'order'),
  marker: param.string('marker'),
} satisfies QuerySpec;

function refusal(
  rawQuery: string,
  family: 'keystone' | 'control' = 'keystone',
  spec: QuerySpec = SPEC,
): string {
  try {
    checkQuery(rawQuery, spec, family, rt);
  } catch (error) {
    if (error instanceof IamError) return `${error.id} ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('checkQuery', () => {
  test('converts declared parameters to their kinds', () => {
    expect(checkQuery('', SPEC, 'keystone', rt)).toEqual({});
    expect(
      checkQuery(
        'limit=007&enabled=false&order=desc&marker=a%20b+c&user_id=' + 'a'.repeat(32),
        SPEC,
        'keystone',
        rt,
      ),
    ).toEqual({
      limit: 7,
      enabled: false,
      order: 'desc',
      marker: 'a b+c',
      user_id: 'a'.repeat(32),
    });
    expect(checkQuery('&&limit=1&', SPEC, 'keystone', rt)).toEqual({ limit: 1 });
  });

  test('refuses unknown names with the list of known ones and a suggestion for near misses', () => {
    expect(refusal('userId=x')).toBe(
      "KEYSTONE_QUERY_UNKNOWN Request parameter userId is invalid. Did you mean 'user_id'? This API takes user_id, limit, enabled, order and marker.",
    );
    expect(refusal('user_id[]=x')).toContain("Did you mean 'user_id'?");
    expect(refusal('colour=red')).toBe(
      'KEYSTONE_QUERY_UNKNOWN Request parameter colour is invalid. Remove it: this API takes user_id, limit, enabled, order and marker.',
    );
    expect(refusal('x=1', 'keystone', {})).toBe(
      'KEYSTONE_QUERY_UNKNOWN Request parameter x is invalid. This API takes no query parameters; remove it.',
    );
    expect(refusal('constructor=1')).toContain('KEYSTONE_QUERY_UNKNOWN');
    expect(refusal('__proto__=1')).toContain('KEYSTONE_QUERY_UNKNOWN');
    expect(refusal('domainid=x', 'control', { domain_id: param.string('d') })).toBe(
      "CONTROL_INVALID Invalid input for field 'domainid': Did you mean 'domain_id'? This API takes only domain_id.",
    );
  });

  test('refuses repeated, empty, undecodable and malformed values, naming what to send', () => {
    expect(refusal('limit=1&limit=2')).toBe(
      "KEYSTONE_INVALID Invalid input for field 'limit'. The value is '1,2'. The query parameter must be given once, not 2 times.",
    );
    expect(refusal('limit=')).toBe(
      "KEYSTONE_INVALID Invalid input for field 'limit'. The value is ''. The query parameter must not be empty: give a whole number from 1 to 200.",
    );
    expect(refusal('limit')).toContain("field 'limit'. The value is ''.");
    expect(refusal('marker=%E0%A4%A')).toBe(
      "KEYSTONE_INVALID Invalid input for field 'marker'. The value is '%E0%A4%A'. The query parameter must be valid percent-encoded UTF-8.",
    );
    expect(refusal('limit=0')).toContain('must be a whole number from 1 to 200.');
    expect(refusal('limit=-1')).toContain('must be a whole number from 1 to 200.');
    expect(refusal('limit=1.5')).toContain('must be a whole number from 1 to 200.');
    expect(refusal('limit=1e2')).toContain('must be a whole number from 1 to 200.');
    expect(refusal('limit=99999999999999999999999')).toContain(
      'must be a whole number from 1 to 200.',
    );
    expect(refusal('enabled=TRUE')).toContain('must be true or false.');
    expect(refusal('order=up')).toContain('must be one of asc, desc.');
    expect(refusal('user_id=ABC')).toContain('must be 32 lower-case hex characters.');
    expect(refusal('limit=0', 'control')).toBe(
      'CONTROL_INVALID Invalid input for field \'limit\': the query parameter must be a whole number from 1 to 200 (got "0").',
    );
  });

  test('a maximum may depend on the runtime', () => {
    const spec = { limit: param.integer(1, (r) => r.journal.capacity, 'n') };
    expect(checkQuery(`limit=${rt.journal.capacity}`, spec, 'control', rt)).toEqual({
      limit: rt.journal.capacity,
    });
    expect(refusal(`limit=${rt.journal.capacity + 1}`, 'control', spec)).toContain(
      `from 1 to ${rt.journal.capacity}`,
    );
  });
});

describe('the route table', () => {
  /**
   * What the official Node SDK puts in the query (docs/reference/sdk-wire.md §4; `localVarQueryParameter` in
   * `@huaweicloud/huaweicloud-sdk-iam` v3/v5 `IamClient`): each must be declared, or the SDK
   * call would be refused.
   */
  const SDK_SENDS: Record<string, string[]> = {
    listPermanentAccessKeys: ['user_id'],
    keystoneCreateUserToken: ['nocatalog'],
    keystoneValidateToken: ['nocatalog'],
    keystoneListProjects: [
      'domain_id',
      'name',
      'parent_id',
      'enabled',
      'is_domain',
      'page',
      'per_page',
    ],
    listAccessKeysV5: ['limit', 'marker'],
  };

  test('declares every query parameter the official SDK sends', () => {
    for (const [operation, names] of Object.entries(SDK_SENDS)) {
      const route = HUAWEI_ROUTES.find((r) => r.operation === operation);
      expect(Object.keys(route?.query ?? {}), operation).toEqual(expect.arrayContaining(names));
    }
  });
});
