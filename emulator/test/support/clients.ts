/**
 * @module SDK client factories pointed at the emulator with `withEndpoint` (so no region and no
 * domain/project auto-discovery, docs/reference/sdk-wire.md §2), one per credential shape the acceptance names.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BasicCredentials,
  GlobalCredentials,
  IamClientV3,
  IamClientV5,
  sdkHome,
  type V3Client,
  type V5Client,
} from './sdk';
import type { Tenant, TenantUser } from './tenant';

export interface KeyPair {
  access: string;
  secret: string;
  /** Present for temporary keys: sent as the signed `X-Security-Token` header. */
  securitytoken?: string;
}

type Credential = InstanceType<typeof GlobalCredentials> | InstanceType<typeof BasicCredentials>;

/** GlobalCredentials(ak, sk[, securityToken], domainId): sends `X-Domain-Id`. */
export function globalCred(
  key: KeyPair,
  domainId: string | undefined,
): InstanceType<typeof GlobalCredentials> {
  const cred = new GlobalCredentials().withAk(key.access).withSk(key.secret);
  if (key.securitytoken) cred.withSecurityToken(key.securitytoken);
  if (domainId) cred.withDomainId(domainId);
  return cred;
}

/** BasicCredentials(ak, sk[, securityToken], projectId): sends `X-Project-Id`. */
export function basicCred(key: KeyPair, projectId: string): InstanceType<typeof BasicCredentials> {
  const cred = new BasicCredentials()
    .withAk(key.access)
    .withSk(key.secret)
    .withProjectId(projectId);
  if (key.securitytoken) cred.withSecurityToken(key.securitytoken);
  return cred;
}

export function v3(url: string, cred: Credential): V3Client {
  return IamClientV3.newBuilder().withCredential(cred).withEndpoint(url).build();
}

export function v5(url: string, cred: Credential): V5Client {
  return IamClientV5.newBuilder().withCredential(cred).withEndpoint(url).build();
}

/** v3 client signing as a tenant user with its permanent key and GlobalCredentials. */
export function v3As(url: string, tenant: Tenant, user: TenantUser): V3Client {
  return v3(url, globalCred(user.access_key, tenant.domain.id));
}

/** v5 client signing as a tenant user with its permanent key and GlobalCredentials. */
export function v5As(url: string, tenant: Tenant, user: TenantUser): V5Client {
  return v5(url, globalCred(user.access_key, tenant.domain.id));
}

let idTokenFiles = 0;

/**
 * The SDK's OIDC credential flow (docs/reference/sdk-wire.md §2): `withIdpId().withIdTokenFile()` plus
 * `withIamEndpoint`, so the token exchange and the temporary key come from the emulator.
 */
export function oidcCred(url: string, tenant: Tenant, idToken = tenant.federated_user.id_token) {
  const file = join(sdkHome, `id-token-${process.pid}-${++idTokenFiles}`);
  writeFileSync(file, `${idToken}\n`);
  return new GlobalCredentials()
    .withIdpId(tenant.federated_user.idp_id)
    .withIdTokenFile(file)
    .withDomainId(tenant.domain.id)
    .withIamEndpoint(url);
}
