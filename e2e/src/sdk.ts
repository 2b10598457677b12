/**
 * @module The official Huawei Cloud Node SDK, loaded as sdk-wire.md §1 says it must be (the same
 * pattern as emulator/test/support/sdk.ts):
 * - HOME points at a throw-away directory, because building a client writes
 *   `~/.huaweicloud/application_id`;
 * - the IAM package's main entry is broken, so v3 comes from its deep path;
 * - log4js is off, or every expected 4xx is printed.
 * Import this module before anything builds an SDK client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const sdkHome = mkdtempSync(join(tmpdir(), 'iam-testbed-e2e-sdk-home-'));
process.env.HOME = sdkHome;
process.env.USERPROFILE = sdkHome;
afterAll(() => rmSync(sdkHome, { recursive: true, force: true }));

const require = createRequire(import.meta.url);
type CoreModule = typeof import('@huaweicloud/huaweicloud-sdk-core');
type V3Module = typeof import('@huaweicloud/huaweicloud-sdk-iam/v3/public-api');

const core = require('@huaweicloud/huaweicloud-sdk-core') as CoreModule;
export const iam = require('@huaweicloud/huaweicloud-sdk-iam/v3/public-api') as V3Module;
const { Logger4jInstance } = require('@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger') as { Logger4jInstance: { level: string } };
Logger4jInstance.level = 'off';

export type V3Client = InstanceType<typeof iam.IamClient>;

export interface KeyPair {
  access: string;
  secret: string;
  /** Temporary keys: sent as the signed `X-Security-Token` header. */
  securitytoken?: string;
}

/** An IAM v3 client signing with `key` (GlobalCredentials, `X-Domain-Id` when given). */
export function iamClient(url: string, key: KeyPair, domainId?: string): V3Client {
  const cred = new core.GlobalCredentials().withAk(key.access).withSk(key.secret);
  if (key.securitytoken) cred.withSecurityToken(key.securitytoken);
  if (domainId) cred.withDomainId(domainId);
  return iam.IamClient.newBuilder().withCredential(cred).withEndpoint(url).build();
}

/**
 * What the SDK really resolves to: the parsed JSON body plus `httpStatusCode` (sdk-wire §1.7).
 * Its model typings are documentation only, so tests read the wire shape.
 */
export type Wire = any;

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
      errorCode: err.errorCode === undefined ? undefined : String(err.errorCode),
      errorMsg: err.errorMsg as string | undefined,
    };
  }
  throw new Error('E2E_SDK_EXPECTED_FAILURE: the SDK call succeeded but the step expected a refusal');
}
