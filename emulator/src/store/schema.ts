/**
 * @module store/schema
 * Validation of a state document read from disk (and, later, of an imported export). A file that
 * fails it is refused at start with the path of the first problems; it is never overwritten.
 */
import { z } from 'zod';
import { passwordHashProblem } from '../domain/passwords.js';
import { SCHEMA_VERSION, type StateDoc, type TenantDoc } from '../domain/state.js';

const ms = z.number().finite();
const id = z.string().min(1);
const record = <T extends z.ZodType>(value: T) => z.record(z.string(), value);
/**
 * Checked in full here, not at login: a hash scrypt cannot use made every login of its user a
 * 500, and one that decodes to zero bytes let any password in.
 */
const passwordHash = z.string().superRefine((hash, ctx) => {
  const problem = passwordHashProblem(hash);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const principal = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('user'), user_id: id }),
  z.strictObject({
    type: z.literal('agency'),
    agency_id: id,
    session_user: z.string(),
    assumed_by: id,
  }),
]);

const collections = {
  accounts: record(
    z.strictObject({
      id,
      name: z.string(),
      created_at: ms,
      protect_policy: z.strictObject({
        operation_protection: z.boolean(),
        allow_user: z.strictObject({
          manage_accesskey: z.boolean(),
          manage_email: z.boolean(),
          manage_mobile: z.boolean(),
          manage_password: z.boolean(),
        }),
        admin_check: z.enum(['on', 'off']),
        scene: z.enum(['', 'mobile', 'email']),
        mobile: z.string(),
        email: z.string(),
      }),
    }),
  ),
  groups: record(
    z.strictObject({
      id,
      domain_id: id,
      name: z.string(),
      description: z.string(),
      created_at: ms,
    }),
  ),
  users: record(
    z.strictObject({
      id,
      domain_id: id,
      name: z.string(),
      kind: z.enum(['iam', 'federated']),
      is_domain_owner: z.boolean(),
      group_ids: z.array(id),
      password_hash: passwordHash.nullable(),
      enabled: z.boolean(),
      description: z.string(),
      email: z.string(),
      created_at: ms,
      last_login_at: ms.nullable(),
      idp_id: z.string().nullable(),
      /** Absent in version 1: rebuilt from the keys (withKeyLists). */
      access_keys: z.array(id).optional(),
    }),
  ),
  projects: record(
    z.strictObject({
      id,
      domain_id: id,
      name: z.string(),
      region: z.string(),
      parent_id: id,
      description: z.string(),
      enabled: z.boolean(),
    }),
  ),
  permanent_keys: record(
    z.strictObject({
      access: id,
      secret: id,
      user_id: id,
      domain_id: id,
      status: z.enum(['active', 'inactive']),
      description: z.string(),
      created_at: ms,
      last_used_at: ms.nullable(),
    }),
  ),
  temporary_keys: record(
    z.strictObject({
      access: id,
      secret: id,
      security_token: id,
      domain_id: id,
      principal,
      source: z.enum(['token', 'aksk', 'assume_role']),
      created_at: ms,
      expires_at: ms,
      policy: z.unknown(),
    }),
  ),
  tokens: record(
    z.strictObject({
      id,
      user_id: id,
      domain_id: id,
      methods: z.array(z.string()),
      scope: z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('unscoped') }),
        z.strictObject({ type: z.literal('domain') }),
        z.strictObject({ type: z.literal('project'), project_id: id }),
      ]),
      issued_at: ms,
      expires_at: ms,
      idp_id: z.string().nullable(),
    }),
  ),
  identity_providers: record(
    z.strictObject({
      id,
      domain_id: id,
      protocol: z.literal('oidc'),
      signing_key: id,
      client_id: z.string(),
      description: z.string(),
      created_at: ms,
    }),
  ),
  agencies: record(
    z.strictObject({
      id,
      name: z.string(),
      domain_id: id,
      trust_domain_id: id,
      admin: z.boolean(),
      created_at: ms,
    }),
  ),
};

/** Version 1 (one file per store) differs only in `last_used_at`, never null there: it reads as version 2. */
const stateSchema = z.strictObject({
  schemaVersion: z.union([z.literal(1), z.literal(SCHEMA_VERSION)]),
  meta: z.strictObject({ created_at: ms, starts: z.number().int().nonnegative() }),
  ...collections,
});

const tenantSchema = z.strictObject(collections);

type Refusal = { ok: false; kind: 'newer-schema' | 'invalid'; message: string };
export type StateCheck = { ok: true; state: StateDoc } | Refusal;

/** Null when `doc` carries a schema version this emulator reads, else why not. */
export function checkVersion(doc: unknown): Refusal | null {
  const version =
    typeof doc === 'object' && doc !== null
      ? (doc as { schemaVersion?: unknown }).schemaVersion
      : undefined;
  if (typeof version !== 'number') {
    return {
      ok: false,
      kind: 'invalid',
      message: 'it has no numeric "schemaVersion", so it is not an iam-testbed store',
    };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      kind: 'newer-schema',
      message: `it has schemaVersion ${version}, newer than this emulator's ${SCHEMA_VERSION}; upgrade iam-testbed or use another --db`,
    };
  }
  return null;
}

function refusal(error: z.ZodError): Refusal {
  const problems = error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return {
    ok: false,
    kind: 'invalid',
    message: `it does not match schema version ${SCHEMA_VERSION}: ${problems.join('; ')}`,
  };
}

/** Fills in each user's `access_keys` where a version-1 document has none, oldest key first. */
function withKeyLists<T extends TenantDoc>(doc: T): T {
  const users = doc.users as Record<string, { access_keys?: string[] }>;
  const missing = Object.values(users).some((u) => u.access_keys === undefined);
  if (!missing) return doc;
  const keys = Object.values(doc.permanent_keys).sort(
    (a, b) => a.created_at - b.created_at || a.access.localeCompare(b.access),
  );
  for (const user of Object.values(users)) user.access_keys ??= [];
  for (const key of keys) {
    const user = users[key.user_id];
    if (user && !user.access_keys!.includes(key.access)) user.access_keys!.push(key.access);
  }
  return doc;
}

/** Checks a parsed whole-store document (export, import, version-1 store), well formed; returns it as version 2. */
export function checkStateDoc(doc: unknown): StateCheck {
  const version = checkVersion(doc);
  if (version) return version;
  const result = stateSchema.safeParse(doc);
  if (!result.success) return refusal(result.error);
  return {
    ok: true,
    state: withKeyLists({ ...(result.data as StateDoc), schemaVersion: SCHEMA_VERSION }),
  };
}

/** Checks one tenant document (a tenant file without its `schemaVersion`): exactly one account. */
export function checkTenantDoc(doc: unknown): { ok: true; doc: TenantDoc } | Refusal {
  const result = tenantSchema.safeParse(doc);
  if (!result.success) return refusal(result.error);
  const accounts = Object.keys(result.data.accounts).length;
  if (accounts !== 1)
    return {
      ok: false,
      kind: 'invalid',
      message: `it holds ${accounts} accounts; a tenant file holds exactly one`,
    };
  return { ok: true, doc: withKeyLists(result.data as TenantDoc) };
}
