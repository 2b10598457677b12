import { expect, test } from 'vitest';
import { world } from '../testing/fixtures.js';
import { createAccount } from './accounts.js';
import { IamError } from './errors.js';
import { federatedUser, ID_TOKEN_TTL_SECONDS, mintIdToken, verifyIdToken } from './oidc.js';

const hint = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof IamError) return `${error.id} ${error.hint ?? ''}`;
    throw error;
  }
  return 'accepted';
};

test('the emulator trusts the id tokens it minted for that IdP, until they expire', () => {
  const w = world();
  const idp = w.state.identity_providers['acme-oidc'];
  if (!idp) throw new Error('no idp');
  const jwt = mintIdToken(idp, 'alice', w.ctx);
  expect(verifyIdToken(idp, jwt, w.ctx)).toBe('alice');
  expect(hint(() => verifyIdToken(idp, `${jwt.slice(0, -2)}AA`, w.ctx))).toMatch(
    /^KEYSTONE_UNAUTHORIZED .*not minted/,
  );
  expect(hint(() => verifyIdToken(idp, 'a.b', w.ctx))).toMatch(/compact JWS/);
  w.clock.advance(ID_TOKEN_TTL_SECONDS);
  expect(hint(() => verifyIdToken(idp, jwt, w.ctx))).toMatch(/expired/);
});

test("another IdP's token is refused, and a new subject becomes a federated user once", () => {
  const w = world();
  createAccount(
    w.state,
    { name: 'other', regions: ['cn-north-4'], admin: { password: 'Other-pass-1' } },
    w.ctx,
  );
  const acme = w.state.identity_providers['acme-oidc'];
  const other = w.state.identity_providers['other-oidc'];
  if (!acme || !other) throw new Error('no idp');
  expect(hint(() => verifyIdToken(acme, mintIdToken(other, 'eve', w.ctx), w.ctx))).toMatch(
    /^KEYSTONE_UNAUTHORIZED/,
  );
  const bob = federatedUser(w.state, acme, 'bob', w.ctx);
  expect(bob).toMatchObject({
    kind: 'federated',
    idp_id: 'acme-oidc',
    domain_id: acme.domain_id,
    password_hash: null,
  });
  expect(federatedUser(w.state, acme, 'bob', w.ctx).id).toBe(bob.id);
});
