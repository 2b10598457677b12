/**
 * @module http/routes/security-tokens
 * Temporary access keys: `POST /v3.0/OS-CREDENTIAL/securitytokens` → 201 (huawei-iam-api.md §2).
 * `methods: ["token"]` mints for the caller: the AK/SK signer (Authorization wins), else the
 * `X-Auth-Token` user (the SDK's OIDC flow, unsigned), else the user of body `token.id`. With a
 * signature *and* a body token, the key is for the signer but never outlives that token.
 * `methods: ["assume_role"]` mints for an agency (needs a header credential).
 */
import { z } from 'zod';
import { assumeRole } from '../../domain/agencies.js';
import type { CallerContext } from '../../domain/context.js';
import { IamError } from '../../domain/errors.js';
import type { Caller } from '../../domain/identity.js';
import { mintForCaller, securityTokenView } from '../../domain/temporary-keys.js';
import { findToken } from '../../domain/tokens.js';
import type { TemporaryKeyRecord } from '../../domain/state.js';
import { json, type ApiRequest, type Route, type RouteContext } from '../api.js';
import { checkToken } from '../auth/token-auth.js';
import { readJson, validate } from '../validation.js';

const sessionUser = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{4,63}$/, 'must be 5-64 letters, digits, "_" or "-", starting with a letter'),
});

const schema = z.strictObject({
  auth: z.strictObject({
    identity: z.strictObject({
      methods: z.tuple([z.enum(['token', 'assume_role'])]),
      token: z.strictObject({ id: z.string().min(1).optional(), duration_seconds: z.unknown().optional() }).optional(),
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

/** The caller for `methods: ["token"]` and the extra expiry bound a body token brings. */
function tokenMinter(req: ApiRequest, ctx: RouteContext, bodyToken: string | undefined): { caller: Caller; notAfter?: number } {
  const { rt } = ctx;
  if (ctx.caller) {
    if (bodyToken === undefined || ctx.caller.via === 'token') return { caller: ctx.caller };
    const found = findToken(rt.store.state, bodyToken, ctx.domain);
    if (found && !found.expired && found.token.domain_id === ctx.caller.domain_id) return { caller: ctx.caller, notAfter: found.token.expires_at };
    ctx.note({ body_token_ignored: 'auth.identity.token.id is unknown, expired or of another account; the signature decided' });
    return { caller: ctx.caller };
  }
  if (bodyToken === undefined) throw new IamError('AUTH_MISSING', {}, 'Sign the request, send X-Auth-Token, or give auth.identity.token.id.');
  const check = checkToken(rt, req, bodyToken);
  if (!check.caller || (check.problem && rt.authMode === 'strict')) throw check.problem ?? new IamError('AUTH_TOKEN_INVALID');
  return { caller: check.caller };
}

function mint(req: ApiRequest, ctx: RouteContext, identity: Identity): TemporaryKeyRecord {
  const state = ctx.rt.store.state;
  if (identity.methods[0] === 'token') {
    const { caller, notAfter } = tokenMinter(req, ctx, identity.token?.id);
    const cctx: CallerContext = { ...ctx.domain, caller };
    const source = caller.via === 'token' ? 'token' : 'aksk';
    return mintForCaller(state, { duration: identity.token?.duration_seconds, policy: identity.policy, notAfter }, source, cctx);
  }
  const role = identity.assume_role;
  if (!role) throw new IamError('KEYSTONE_REQUIRED', { key: 'auth.identity.assume_role', hint: 'methods ["assume_role"] needs the assume_role object.' });
  if (role.domain_id === undefined && role.domain_name === undefined) {
    throw new IamError('KEYSTONE_REQUIRED', { key: 'auth.identity.assume_role.domain_id', hint: 'Give domain_id or domain_name of the delegating account.' });
  }
  if (!ctx.caller) throw new IamError('AUTH_MISSING', {}, 'assume_role needs a signed request or X-Auth-Token.');
  return assumeRole(state, { ...role, policy: identity.policy }, { ...ctx.domain, caller: ctx.caller });
}

export const securityTokenRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v3.0/OS-CREDENTIAL/securitytokens',
    operation: 'createTemporaryAccessKey',
    family: 'keystone',
    auth: 'optional',
    writes: true,
    handler(req, ctx) {
      const body = validate(schema, readJson(req, 'keystone'), 'keystone');
      const identity = body.auth.identity;
      const key = mint(req, ctx, identity);
      ctx.note({ temporary_access_key: key.access, identity_method: identity.methods[0], session_policy: key.policy });
      return json(201, securityTokenView(key));
    },
  },
];
