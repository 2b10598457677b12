/**
 * @module http/routes/security-tokens
 * Temporary access keys: `POST /v3.0/OS-CREDENTIAL/securitytokens` → 201 (docs/reference/huawei-iam-api.md §2).
 * `methods: ["token"]` mints for the caller: the AK/SK signer (Authorization wins), else the
 * `X-Auth-Token` user (the SDK's OIDC flow, unsigned), else the user of body `token.id`. With a
 * signature *and* a body token, the key is for the signer but never outlives that token.
 * `methods: ["assume_role"]` mints for an agency (needs a header credential).
 */
import { z } from 'zod';
import { assumeRole } from '../../domain/agencies.js';
import type { CallerContext } from '../../domain/context.js';
import { IamError } from '../../domain/errors.js';
import { userCaller, type Caller } from '../../domain/identity.js';
import { mintForCaller } from '../../domain/temporary-keys.js';
import { findToken } from '../../domain/tokens.js';
import { emptyTenant, ownRecord, type TemporaryKeyRecord } from '../../domain/state.js';
import {
  json,
  type ApiRequest,
  type ApiRoute,
  type RouteContext,
  type SelectorContext,
} from '../api.js';
import { readJson, validate } from '../validation.js';
import { securityTokenView } from '../views/security-token-views.js';

const sessionUser = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9_-]{4,63}$/,
      'must be 5-64 letters, digits, "_" or "-", starting with a letter',
    ),
});

const schema = z.strictObject({
  auth: z.strictObject({
    identity: z.strictObject({
      methods: z.tuple([z.enum(['token', 'assume_role'])]),
      token: z
        .strictObject({
          id: z.string().min(1).optional(),
          duration_seconds: z.unknown().optional(),
        })
        .optional(),
      assume_role: z
        .strictObject({
          agency_name: z.string().min(1),
          domain_id: z.string().min(1).optional(),
          domain_name: z.string().min(1).optional(),
          duration_seconds: z.unknown().optional(),
          session_user: sessionUser.optional(),
        })
        .optional(),
      policy: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
});

type Identity = z.infer<typeof schema>['auth']['identity'];

const identityOf = (req: ApiRequest): Identity =>
  validate(schema, readJson(req, 'keystone'), 'keystone').auth.identity;

/**
 * The account the new key belongs to: the delegating account for assume_role, else the caller's
 * (or the body token's). None when unknown: the rules answer as for an unknown account.
 */
async function mintTenant(req: ApiRequest, ctx: SelectorContext): Promise<string | undefined> {
  const identity = identityOf(req);
  const store = ctx.tenants;
  if (identity.methods[0] === 'assume_role') {
    const role = identity.assume_role;
    if (role?.domain_id !== undefined)
      return (await store.read(role.domain_id, () => true)) ? role.domain_id : undefined;
    return role?.domain_name === undefined
      ? undefined
      : store.findTenant('account_name', role.domain_name);
  }
  if (ctx.caller) return ctx.caller.domain_id;
  const bodyToken = identity.token?.id;
  return bodyToken === undefined ? undefined : store.findTenant('token', bodyToken);
}

/** The caller for `methods: ["token"]` and the extra expiry bound a body token brings. */
async function tokenMinter(
  req: ApiRequest,
  ctx: RouteContext,
  bodyToken: string | undefined,
): Promise<{ caller: Caller; notAfter?: number }> {
  if (ctx.caller) {
    if (bodyToken === undefined || ctx.caller.via === 'token') return { caller: ctx.caller };
    const found = findToken(ctx.tenant ?? emptyTenant(), bodyToken, ctx.domain);
    if (found && !found.expired && found.token.domain_id === ctx.caller.domain_id)
      return { caller: ctx.caller, notAfter: found.token.expires_at };
    ctx.note({
      body_token_ignored:
        'auth.identity.token.id is unknown, expired or of another account; the signature decided',
    });
    return { caller: ctx.caller };
  }
  if (bodyToken === undefined)
    throw new IamError(
      'AUTH_MISSING',
      {},
      'Sign the request, send X-Auth-Token, or give auth.identity.token.id.',
    );
  // The unit of work holds this token's account: read it from the unit's own document.
  const found = findToken(ctx.tenant ?? emptyTenant(), bodyToken, ctx.domain);
  const user = found && ownRecord(ctx.tenant?.users ?? {}, found.token.user_id);
  if (!found || !user?.enabled) throw new IamError('AUTH_TOKEN_INVALID');
  if (found.expired && ctx.authMode === 'strict')
    throw new IamError(
      'AUTH_TOKEN_EXPIRED',
      {},
      'The token has expired (24 h on the emulator clock); get a new one.',
    );
  return { caller: userCaller(ctx.tenant!, user, { via: 'token', token: found.token }) };
}

async function mint(
  req: ApiRequest,
  ctx: RouteContext,
  identity: Identity,
): Promise<TemporaryKeyRecord> {
  const state = ctx.tenant ?? emptyTenant();
  if (identity.methods[0] === 'token') {
    const { caller, notAfter } = await tokenMinter(req, ctx, identity.token?.id);
    const cctx: CallerContext = { ...ctx.domain, caller };
    const source = caller.via === 'token' ? 'token' : 'aksk';
    return mintForCaller(
      state,
      { duration: identity.token?.duration_seconds, policy: identity.policy, notAfter },
      source,
      cctx,
    );
  }
  const role = identity.assume_role;
  if (!role)
    throw new IamError('KEYSTONE_REQUIRED', {
      key: 'auth.identity.assume_role',
      hint: 'methods ["assume_role"] needs the assume_role object.',
    });
  if (role.domain_id === undefined && role.domain_name === undefined) {
    throw new IamError('KEYSTONE_REQUIRED', {
      key: 'auth.identity.assume_role.domain_id',
      hint: 'Give domain_id or domain_name of the delegating account.',
    });
  }
  if (!ctx.caller)
    throw new IamError('AUTH_MISSING', {}, 'assume_role needs a signed request or X-Auth-Token.');
  return assumeRole(
    state,
    { ...role, policy: identity.policy },
    { ...ctx.domain, caller: ctx.caller },
  );
}

export const securityTokenRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v3.0/OS-CREDENTIAL/securitytokens',
    operation: 'createTemporaryAccessKey',
    family: 'keystone',
    auth: 'optional',
    tenant: mintTenant,
    async handler(req, ctx) {
      const identity = identityOf(req);
      const key = await mint(req, ctx, identity);
      ctx.note({
        temporary_access_key: key.access,
        identity_method: identity.methods[0],
        session_policy: key.policy,
      });
      return json(201, securityTokenView(key));
    },
  },
];
