/**
 * @module domain/oidc
 * OIDC federation, emulator style: each identity provider gets an HMAC key, the emulator mints
 * HS256 id tokens with it, and the exchange
 * (`POST /v3/OS-FEDERATION/identity_providers/{idp}/protocols/oidc/auth`) trusts exactly the id
 * tokens it minted for that IdP — the way Firebase's Auth emulator trusts its own unsigned
 * tokens. Real Huawei IAM verifies the IdP's RS256 signature against its JWKS; there is no real
 * IdP offline. A valid token whose subject is new becomes a federated (virtual) user on the fly,
 * as real federation maps any subject the rules accept.
 */
import { createHmac } from 'node:crypto';
import { constantTimeEqual, newHex32Id } from '@iam-testbed/shared';
import type { DomainContext } from './context.js';
import { IamError } from './errors.js';
import { hex } from './random.js';
import type { IdentityProviderRecord, TenantDoc, UserRecord } from './state.js';
import { createUser } from './users.js';

/** Id tokens minted by the emulator live 24 h on the emulator clock. ⚠ real IdPs often use 1 h. */
export const ID_TOKEN_TTL_SECONDS = 86_400;
/** `.invalid` (RFC 2606) makes it plain that no real issuer is involved. */
export const issuerFor = (idpId: string) => `https://oidc.iam-testbed.invalid/${idpId}`;

export function createIdentityProvider(
  state: TenantDoc,
  domainId: string,
  id: string,
  ctx: DomainContext,
): IdentityProviderRecord {
  const idp: IdentityProviderRecord = {
    id,
    domain_id: domainId,
    protocol: 'oidc',
    signing_key: hex(ctx.random, 32),
    client_id: 'iam-testbed',
    description:
      'OIDC identity provider emulated by iam-testbed (trusts only id tokens it minted).',
    created_at: ctx.clock.now(),
  };
  state.identity_providers[id] = idp;
  return idp;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (key: string, data: string) =>
  createHmac('sha256', Buffer.from(key, 'hex')).update(data).digest('base64url');

/** A compact JWS (HS256) for `subject` (the federated user's name). */
export function mintIdToken(
  idp: IdentityProviderRecord,
  subject: string,
  ctx: DomainContext,
): string {
  const iat = Math.floor(ctx.clock.now() / 1000);
  const header = b64({ alg: 'HS256', typ: 'JWT', kid: idp.id });
  const payload = b64({
    iss: issuerFor(idp.id),
    sub: subject,
    aud: idp.client_id,
    iat,
    exp: iat + ID_TOKEN_TTL_SECONDS,
    name: subject,
  });
  return `${header}.${payload}.${sign(idp.signing_key, `${header}.${payload}`)}`;
}

const reject = (hint: string) => new IamError('KEYSTONE_UNAUTHORIZED', {}, hint);

interface IdTokenClaims {
  iss?: unknown;
  sub?: unknown;
  aud?: unknown;
  exp?: unknown;
}

/** Checks signature, issuer, audience and expiry; returns the subject. */
export function verifyIdToken(
  idp: IdentityProviderRecord,
  jwt: string,
  ctx: DomainContext,
): string {
  const [header, payload, signature, extra] = jwt.split('.');
  if (!header || !payload || !signature || extra !== undefined)
    throw reject('The id token is not a compact JWS (header.payload.signature).');
  if (!constantTimeEqual(sign(idp.signing_key, `${header}.${payload}`), signature)) {
    throw reject(`The id token was not minted by this emulator for identity provider ${idp.id}.`);
  }
  const claims = parseClaims(payload);
  if (claims.iss !== issuerFor(idp.id) || claims.aud !== idp.client_id)
    throw reject('The id token has the wrong issuer or audience.');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= ctx.clock.now())
    throw reject('The id token has expired; mint a new one.');
  if (typeof claims.sub !== 'string' || claims.sub === '')
    throw reject('The id token has no subject.');
  return claims.sub;
}

function parseClaims(payload: string): IdTokenClaims {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims === 'object' && claims !== null) return claims;
  } catch {
    // fall through
  }
  throw reject('The id token payload is not JSON.');
}

/** The federated user for `subject` at `idp`, created on first sight. */
export function federatedUser(
  state: TenantDoc,
  idp: IdentityProviderRecord,
  subject: string,
  ctx: DomainContext,
): UserRecord {
  const existing = Object.values(state.users).find(
    (u) => u.kind === 'federated' && u.idp_id === idp.id && u.name === subject,
  );
  if (existing) return existing;
  return createUser(
    state,
    {
      domainId: idp.domain_id,
      name: subject,
      kind: 'federated',
      idpId: idp.id,
      id: newHex32Id(ctx.random),
    },
    ctx,
  );
}
