/** @module Getting user tokens the way SDK users do (`keystoneCreateUserTokenByPassword`). */
import { v3As } from './clients';
import { passwordToken, type Scope } from './requests';
import { wire, type Wire } from './sdk';
import type { Tenant, TenantUser } from './tenant';

export interface IssuedToken {
  /** the `X-Subject-Token` the SDK copied into the result */
  id: string;
  body: Wire;
}

export async function tokenFor(
  url: string,
  t: Tenant,
  user: TenantUser,
  scope?: Scope,
  nocatalog?: boolean,
): Promise<IssuedToken> {
  const res = wire(
    await v3As(url, t, user).keystoneCreateUserTokenByPassword(
      passwordToken(t.domain.name, user.name, user.password, scope, nocatalog),
    ),
  );
  const id = res['X-Subject-Token'];
  if (typeof id !== 'string' || id === '')
    throw new Error(`no X-Subject-Token in ${JSON.stringify(res)}`);
  return { id, body: res };
}
