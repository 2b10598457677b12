/**
 * @module control/openapi-schemas
 * JSON Schemas (OpenAPI 3.0 dialect) of the control-plane bodies, mirroring control/wire.ts.
 * `ref('Name')` points at one of them.
 */

export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

const str = (description?: string): Schema =>
  description ? { type: 'string', description } : { type: 'string' };
const int = (description?: string): Schema =>
  description ? { type: 'integer', description } : { type: 'integer' };
const time = (description = 'ISO 8601, emulator clock'): Schema => ({
  type: 'string',
  format: 'date-time',
  description,
});
const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });
const obj = (
  properties: Record<string, Schema>,
  required = Object.keys(properties),
  extra: Schema = {},
): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  ...extra,
});
const records = (description: string): Schema => ({
  type: 'object',
  description,
  additionalProperties: { type: 'object' },
});

const tenantUser = obj({
  id: str(),
  name: str(),
  password: str('Generated; shown only in this response'),
  access_key: obj({ access: str(), secret: str('Shown only in this response') }),
});

const counts = obj({
  users: int(),
  projects: int(),
  permanent_keys: int(),
  temporary_keys: int(),
  tokens: int(),
});

const faultMatch = obj(
  {
    method: str('HTTP method, any case'),
    path: str('Raw path glob: * within a segment, ** across; never /_emulator'),
    operation: str('Operation name, e.g. createTemporaryAccessKey'),
  },
  [],
);

const faultInput = obj(
  {
    match: faultMatch,
    status: { type: 'integer', minimum: 400, maximum: 599 },
    error_code: str('Default IAMTB.0500'),
    error_msg: str(),
    probability: { type: 'number', minimum: 0, maximum: 1, default: 1 },
    latency_ms: { type: 'integer', minimum: 0, maximum: 60000, default: 0 },
    times: { type: 'integer', minimum: 1, description: 'Fire at most this many times' },
    action: { type: 'string', enum: ['respond', 'drop'], default: 'respond' },
  },
  [],
  { description: 'Needs status, action "drop", or latency_ms' },
);

const faultRule = obj({
  id: str(),
  match: faultMatch,
  status: nullable(int()),
  error_code: nullable(str()),
  error_msg: nullable(str()),
  probability: { type: 'number' },
  latency_ms: int(),
  times: nullable(int()),
  action: { type: 'string', enum: ['respond', 'drop'] },
  fired: int('How often it has fired'),
  remaining: nullable(int('Firings left; null = unlimited')),
});

const journalEntry: Schema = {
  type: 'object',
  description:
    'One request; never a secret. Routes may add fields (e.g. temporary_access_key, domain_id, fault).',
  required: [
    'seq',
    'request_id',
    'time',
    'method',
    'path',
    'query',
    'operation',
    'status',
    'error_code',
    'error_id',
    'hint',
    'access_key',
    'auth',
  ],
  properties: {
    seq: int(),
    request_id: str(),
    time: time(),
    method: str(),
    path: str(),
    query: str('Token-like values masked'),
    operation: nullable(str()),
    status: int('0 when an injected fault dropped the connection'),
    error_code: nullable(str()),
    error_id: nullable(str('Stable ID from docs/errors.md')),
    hint: nullable(str()),
    access_key: nullable(str()),
    auth: obj({
      scheme: { type: 'string', enum: ['aksk', 'token', 'none'] },
      verdict: { type: 'string', enum: ['ok', 'failed', 'lenient', 'none'] },
      reason: nullable(str('Error ID of the failed (or, lenient, would-fail) check')),
      message: nullable(str()),
    }),
  },
  additionalProperties: true,
};

const stateDoc: Schema = {
  type: 'object',
  description:
    'The store document (schemaVersion 2; an import may also be a version-1 document); see docs/architecture.md. Holds SKs, tokens and password hashes.',
  required: [
    'schemaVersion',
    'meta',
    'accounts',
    'groups',
    'users',
    'projects',
    'permanent_keys',
    'temporary_keys',
    'tokens',
    'identity_providers',
    'agencies',
  ],
  properties: {
    schemaVersion: { type: 'integer', enum: [1, 2] },
    meta: obj({ created_at: { type: 'number' }, starts: int() }),
    accounts: records('By domain ID'),
    groups: records('By group ID'),
    users: records('By user ID'),
    projects: records('By project ID'),
    permanent_keys: records('By AK'),
    temporary_keys: records('By AK'),
    tokens: records('By token ID'),
    identity_providers: records('By IdP ID'),
    agencies: records('By agency ID'),
  },
  additionalProperties: false,
};

export const SCHEMAS: Record<string, Schema> = {
  ControlError: obj({ error_code: str('IAMTB.xxxx, see docs/errors.md'), error_msg: str() }),
  Health: obj({
    status: { type: 'string', enum: ['ok'] },
    version: str(),
    uptime_s: int('Whole seconds since start (wall clock)'),
  }),
  Ready: obj({ status: { type: 'string', enum: ['ready', 'starting'] } }),
  TenantRequest: obj(
    {
      name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,47}$' },
      regions: { type: 'array', items: str('Region ID, e.g. cn-north-4'), minItems: 1 },
      operation_protection: { type: 'boolean' },
    },
    [],
  ),
  Tenant: obj({
    domain: obj({ id: str(), name: str() }),
    admin: tenantUser,
    iam_user: tenantUser,
    federated_user: obj({ id: str(), name: str(), idp_id: str(), id_token: str() }),
    projects: { type: 'array', items: obj({ id: str(), name: str(), region: str() }) },
  }),
  TenantList: obj({
    tenants: {
      type: 'array',
      items: obj({
        domain: obj({ id: str(), name: str() }),
        created_at: time(),
        origin: nullable({ type: 'string', enum: ['seed', 'tenant', 'import', 'store'] }),
        counts,
      }),
    },
  }),
  Reset: obj({
    scope: { type: 'string', enum: ['all', 'tenant'] },
    domain_id: nullable(str()),
    accounts: int(),
    cleared: { type: 'array', items: str() },
  }),
  Clock: obj({
    now: time(),
    offset_seconds: { type: 'number', description: 'Emulator minus wall time' },
    frozen: { type: 'boolean' },
  }),
  ClockChange: {
    oneOf: [
      obj({ advance_seconds: { type: 'number' } }),
      obj({ set: time('ISO 8601 with a zone') }),
      obj({ frozen: { type: 'boolean' } }),
      obj({ reset: { type: 'boolean', enum: [true] } }),
    ],
  },
  VerificationCodes: obj({
    codes: {
      type: 'array',
      items: obj({
        user_id: str(),
        channel: { type: 'string', enum: ['sms', 'email', 'vmfa'] },
        code: str(),
        purpose: str('The protected operation the code was asked for'),
        destination: nullable(str('Masked phone or address')),
        created_at: time(),
        expires_at: time(),
        used: { type: 'boolean' },
      }),
    },
  }),
  JournalEntry: journalEntry,
  Requests: obj({
    requests: { type: 'array', items: ref('JournalEntry') },
    capacity: int(),
    last_seq: int('Pass as since next time'),
  }),
  FaultRuleInput: faultInput,
  FaultRule: faultRule,
  FaultsRequest: {
    oneOf: [
      ref('FaultRuleInput'),
      { type: 'array', items: ref('FaultRuleInput') },
      obj({ rules: { type: 'array', items: ref('FaultRuleInput') } }),
    ],
  },
  Faults: obj({ rules: { type: 'array', items: ref('FaultRule') } }),
  StateDoc: stateDoc,
  ImportResult: obj({
    imported: obj({
      accounts: int(),
      users: int(),
      permanent_keys: int(),
      temporary_keys: int(),
      tokens: int(),
    }),
  }),
  ConsoleSessionRequest: obj({ user_id: str() }),
  ConsoleSession: obj({
    user_id: str(),
    cookie: str('Set-Cookie style value'),
    name: str(),
    value: str(),
    csrf_token: str('Send as X-Console-Csrf'),
    expires_at: time(),
  }),
  HuaweiBody: {
    type: 'object',
    description:
      'Huawei-shaped JSON (success or error); see docs/architecture.md and docs/errors.md',
  },
};
