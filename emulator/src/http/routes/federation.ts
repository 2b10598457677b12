/**
 * @module http/routes/federation
 * The OIDC exchange `POST /v3/OS-FEDERATION/identity_providers/{idp}/protocols/oidc/auth`
 * (`Authorization: Bearer <id token>`) → 201 with an unscoped federated token in
 * `X-Subject-Token` and a JSON body (docs/reference/sdk-wire.md §2). The emulator trusts the id tokens it minted
 * for that IdP (domain/oidc.ts). No signature is involved.
 */
import { IamError } from '../../domain/errors.js';
import { federatedUser, verifyIdToken } from '../../domain/oidc.js';
import { emptyTenant, ownRecord } from '../../domain/state.js';
import { issueToken } from '../../domain/tokens.js';
import type { ApiRoute } from '../api.js';
import { TOKEN_QUERY, tokenResponse } from './tokens.js';

export const federationRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v3/OS-FEDERATION/identity_providers/:idp_id/protocols/:protocol_id/auth',
    operation: 'createUnscopedTokenByOidc',
    family: 'keystone',
    auth: 'none',
    // The SDK sends no query here; nocatalog works as on the other token calls (⚠ UNCONFIRMED).
    query: TOKEN_QUERY,
    tenant: (_req, ctx) => ctx.tenants.findTenant('identity_provider', ctx.params.idp_id ?? ''),
    handler(req, ctx) {
      const state = ctx.tenant ?? emptyTenant();
      const idpId = ctx.params.idp_id ?? '';
      const idp = ownRecord(state.identity_providers, idpId);
      if (!idp)
        throw new IamError('KEYSTONE_NOT_FOUND', {
          target: 'identity_provider',
          id: idpId.slice(0, 64),
        });
      if (ctx.params.protocol_id !== idp.protocol)
        throw new IamError('KEYSTONE_NOT_FOUND', {
          target: 'protocol',
          id: (ctx.params.protocol_id ?? '').slice(0, 64),
        });
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer)
        throw new IamError(
          'KEYSTONE_UNAUTHORIZED',
          {},
          'Send the id token as "Authorization: Bearer <id token>".',
        );
      const subject = verifyIdToken(idp, bearer, ctx.domain);
      const user = federatedUser(state, idp, subject, ctx.domain);
      const token = issueToken(
        state,
        { user, methods: ['mapped'], scope: { type: 'unscoped' }, idpId: idp.id },
        ctx.domain,
      );
      return tokenResponse(201, state, token, req, ctx);
    },
  },
];
