/**
 * @module The official Huawei Cloud Node SDK for the journeys. It is loaded by the emulator's own
 * suite loader, emulator/test/support/sdk.ts, the one place that does what docs/reference/sdk-wire.md §1 asks:
 * - HOME points at a throw-away directory (removed after the file), because building a client
 *   writes `~/.huaweicloud/application_id`;
 * - the IAM package's main entry is broken, so v3 comes from its deep path;
 * - log4js is off, or every expected 4xx is printed.
 * Import this module before anything builds an SDK client. What is here is the journeys' own:
 * a v3 client for a key pair, the three reads they make, and the fields of a refusal.
 */
import {
  GlobalCredentials,
  iam,
  type V3Client,
  type Wire,
} from '../../emulator/test/support/sdk.js';

export { sdkHome } from '../../emulator/test/support/sdk.js';

export interface KeyPair {
  access: string;
  secret: string;
  /** Temporary keys: sent as the signed `X-Security-Token` header. */
  securitytoken?: string;
}

/** An IAM v3 client signing with `key` (GlobalCredentials, `X-Domain-Id` when given). */
export function iamClient(url: string, key: KeyPair, domainId?: string): V3Client {
  const cred = new GlobalCredentials().withAk(key.access).withSk(key.secret);
  if (key.securitytoken) cred.withSecurityToken(key.securitytoken);
  if (domainId) cred.withDomainId(domainId);
  return iam.IamClient.newBuilder().withCredential(cred).withEndpoint(url).build();
}

export async function listProjects(client: V3Client): Promise<Wire> {
  return client.keystoneListProjects(new iam.KeystoneListProjectsRequest());
}

export async function listAuthDomains(client: V3Client): Promise<Wire> {
  return client.keystoneListAuthDomains(new iam.KeystoneListAuthDomainsRequest());
}

export async function listAuthProjects(client: V3Client): Promise<Wire> {
  return client.keystoneListAuthProjects(new iam.KeystoneListAuthProjectsRequest());
}

export interface SdkFailure {
  httpStatusCode: number | undefined;
  errorCode: string | undefined;
  errorMsg: string | undefined;
}

/** Awaits a call that must fail and returns the fields the SDK's exception carries. */
export async function sdkFailure(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (e) {
    const err = e as Record<string, unknown>;
    return {
      httpStatusCode: err.httpStatusCode as number | undefined,
      errorCode:
        typeof err.errorCode === 'string' || err.errorCode === undefined
          ? err.errorCode
          : JSON.stringify(err.errorCode),
      errorMsg: err.errorMsg as string | undefined,
    };
  }
  throw new Error(
    'E2E_SDK_EXPECTED_FAILURE: the SDK call succeeded but the step expected a refusal',
  );
}
