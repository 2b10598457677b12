/**
 * @module domain/tenants
 * An isolated account for one test (worker) in one call: root administrator and an IAM user,
 * each with one access key and a generated password, a federated user with a fresh id token,
 * and region projects plus one sub-project. Parallel test workers each take their own tenant
 * and never see each other's state.
 */
import { createAccount, type AccountSpec, type CreatedAccount } from './accounts.js';
import type { DomainContext } from './context.js';
import { generatePassword } from './passwords.js';
import { hex } from './random.js';
import { DEFAULT_REGIONS } from './seed.js';
import type { TenantDoc } from './state.js';

export interface TenantRequest {
  name?: string;
  regions?: string[];
  operation_protection?: boolean;
}

export function createTenant(
  state: TenantDoc,
  input: TenantRequest,
  ctx: DomainContext,
): CreatedAccount {
  const name = input.name ?? `tenant-${hex(ctx.random, 4)}`;
  const regions = input.regions ?? DEFAULT_REGIONS;
  const spec: AccountSpec = {
    name,
    regions,
    sub_projects: [`${regions[0] ?? 'cn-north-4'}_dev`],
    operation_protection: input.operation_protection ?? false,
    admin: { password: generatePassword(ctx.random), access_keys: [{}] },
    users: [{ name: `${name}-user`, password: generatePassword(ctx.random), access_keys: [{}] }],
    identity_provider: `${name}-oidc`,
    federated_users: [{ name: `${name}-federated` }],
  };
  return createAccount(state, spec, ctx);
}

/** The `POST /_emulator/tenants` response (contract in the team brief). */
export function tenantView(created: CreatedAccount) {
  const person = (c: CreatedAccount['admin']) => {
    const key = c.keys[0];
    return {
      id: c.user.id,
      name: c.user.name,
      password: c.password,
      access_key: { access: key?.access ?? '', secret: key?.secret ?? '' },
    };
  };
  const iamUser = created.users[0];
  const fed = created.federated[0];
  return {
    domain: { id: created.account.id, name: created.account.name },
    admin: person(created.admin),
    iam_user: iamUser ? person(iamUser) : null,
    federated_user: fed
      ? { id: fed.user.id, name: fed.user.name, idp_id: created.idpId, id_token: fed.idToken }
      : null,
    projects: created.projects.map((p) => ({ id: p.id, name: p.name, region: p.region })),
  };
}
