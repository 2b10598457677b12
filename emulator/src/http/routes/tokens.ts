/**
 * @module http/routes/tokens
 * Keystone tokens (docs/reference/huawei-iam-api.md §3): `POST /v3/auth/tokens` (password or token → 201,
 * `X-Subject-Token`, always a JSON body, docs/reference/sdk-wire.md §1.11) needs no signature — the SDK signs it
 * anyway and we do not verify it — and `GET|HEAD /v3/auth/tokens` validates `X-Subject-Token`.
 */
import { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import { IamError } from '../../domain/errors.js';
import { emptyTenant, type TenantDoc, type TokenRecord } from '../../domain/state.js';
import {
  authenticatePassword,
  findToken,
  issueToken,
  recordLogin,
  resolveScope,
} from '../../domain/tokens.js';
import {
  callerContext,
  json,
  type ApiRequest,
  type ApiRoute,
  type RouteContext,
  type SelectorContext,
  tenantDoc,
} from '../api.js';
import { param, queryOf } from '../query-params.js';
import { readJson, validate } from '../validation.js';
import { tokenBody } from '../views/token-views.js';

const nameOrId = z.strictObject({
  id: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
});
const schema = z.strictObject({
  auth: z.strictObject({
    identity: z.strictObject({
      methods: z.tuple([z.enum(['password', 'token'])]),
      password: z
        .strictObject({
          user: z.strictObject({
            id: z.string().min(1).optional(),
            name: z.string().min(1).optional(),
            password: z.string(),
            domain: nameOrId.optional(),
          }),
        })
        .optional(),
      token: z.strictObject({ id: z.string().min(1) }).optional(),
    }),
    scope: z.strictObject({ project: nameOrId.optional(), domain: nameOrId.optional() }).optional(),
  }),
});

type Auth = z.infer<typeof schema>['auth'];

const bodyOf = (req: ApiRequest): Auth =>
  validate(schema, readJson(req, 'keystone'), 'keystone').auth;

/**
 * The account a token request is about: the user's (by ID), the named account's, or the
 * exchanged token's. None when unknown: the rules then answer as for any unknown user.
 */
async function tokenRequestTenant(
  req: ApiRequest,
  ctx: SelectorContext,
): Promise<string | undefined> {
  const auth = bodyOf(req);
  const store = ctx.tenants;
  if (auth.identity.methods[0] === 'token') {
    const id = auth.identity.token?.id ?? req.headers['x-auth-token'];
    return id === undefined ? undefined : store.findTenant('token', id);
  }
  const user = auth.identity.password?.user;
  if (user?.id !== undefined) return store.findTenant('user', user.id);
  const domain = user?.domain;
  if (domain?.id !== undefined)
    return (await store.read(domain.id, () => true)) ? domain.id : undefined;
  return domain?.name === undefined ? undefined : store.findTenant('account_name', domain.name);
}

/** The query of every call answering a token: any non-empty `nocatalog` drops the catalog (docs/reference/huawei-iam-api.md §3.1, §3.2). */
export const TOKEN_QUERY = {
  nocatalog: param.string('Any value leaves the catalog out of the token (the SDK sends true)'),
};

function byPassword(state: TenantDoc, auth: Auth, ctx: DomainContext): TokenRecord {
  const password = auth.identity.password;
  if (!password)
    throw new IamError('KEYSTONE_REQUIRED', {
      key: 'auth.identity.password',
      hint: 'methods ["password"] needs the password object.',
    });
  const user = authenticatePassword(state, password.user, ctx, { recordLogin: false });
  const scope = resolveScope(state, user, auth.scope);
  recordLogin(user, ctx);
  return issueToken(state, { user, methods: ['password'], scope }, ctx);
}

/** Re-scopes an existing token; the new one expires with it (as Keystone does). */
function byToken(state: TenantDoc, auth: Auth, req: ApiRequest, ctx: DomainContext): TokenRecord {
  const id = auth.identity.token?.id ?? req.headers['x-auth-token'];
  if (id === undefined)
    throw new IamError('KEYSTONE_REQUIRED', {
      key: 'auth.identity.token.id',
      hint: 'Give the token to exchange.',
    });
  const found = findToken(state, id, ctx);
  const user = found ? state.users[found.token.user_id] : undefined;
  if (!found || found.expired || !user?.enabled)
    throw new IamError('KEYSTONE_UNAUTHORIZED', {}, 'The token is unknown or expired.');
  const scope = resolveScope(state, user, auth.scope);
  return issueToken(
    state,
    {
      user,
      methods: ['token'],
      scope,
      expiresAt: found.token.expires_at,
      idpId: found.token.idp_id ?? undefined,
    },
    ctx,
  );
}

/** The route must declare TOKEN_QUERY, so `nocatalog` was checked. */
export function tokenResponse(
  status: number,
  state: TenantDoc,
  token: TokenRecord,
  req: ApiRequest,
  ctx: RouteContext,
) {
  const catalog = queryOf(ctx, TOKEN_QUERY).nocatalog === undefined;
  return json(status, tokenBody(state, token, { catalog, baseUrl: req.baseUrl }), {
    'X-Subject-Token': token.id,
  });
}

export const tokenRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v3/auth/tokens',
    operation: 'keystoneCreateUserToken',
    family: 'keystone',
    auth: 'none',
    query: TOKEN_QUERY,
    tenant: tokenRequestTenant,
    handler(req, ctx) {
      const auth = bodyOf(req);
      const state = ctx.tenant ?? emptyTenant();
      const token =
        auth.identity.methods[0] === 'password'
          ? byPassword(state, auth, ctx.domain)
          : byToken(state, auth, req, ctx.domain);
      return tokenResponse(201, state, token, req, ctx);
    },
  },
  {
    method: 'GET',
    path: '/v3/auth/tokens',
    operation: 'keystoneValidateToken',
    family: 'keystone',
    auth: 'required',
    query: TOKEN_QUERY,
    handler(req, ctx) {
      const subject = req.headers['x-subject-token'];
      if (!subject)
        throw new IamError(
          'SUBJECT_TOKEN_MISSING',
          {},
          'Send the token to check in the X-Subject-Token header.',
        );
      const state = tenantDoc(ctx);
      const caller = callerContext(ctx).caller;
      const found = findToken(state, subject, ctx.domain);
      if (!found || found.expired || found.token.domain_id !== caller.domain_id) {
        throw new IamError(
          'KEYSTONE_NOT_FOUND',
          { target: 'token', id: `${subject.slice(0, 8)}...` },
          'The token is unknown, expired or of another account.',
        );
      }
      if (!caller.isAdmin && found.token.user_id !== caller.user.id) {
        throw new IamError(
          'KEYSTONE_FORBIDDEN',
          {},
          "Only an administrator may validate other users' tokens.",
        );
      }
      return tokenResponse(200, state, found.token, req, ctx);
    },
  },
];
