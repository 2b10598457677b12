/**
 * @module Loads the official Huawei Cloud Node SDK the way `docs/reference/sdk-wire.md` §1 says it must be loaded.
 *
 * - HOME points at a throw-away directory first: building a client writes
 *   `~/.huaweicloud/application_id` (docs/reference/sdk-wire.md §1.3).
 * - The IAM package's main entry is broken, so v3 and v5 come from deep paths (docs/reference/sdk-wire.md §1.1).
 * - log4js is switched off, or every expected 4xx is printed to stdout (docs/reference/sdk-wire.md §1.4).
 *
 * Import this module before anything that builds an SDK client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const fakeHome = mkdtempSync(join(tmpdir(), 'iam-testbed-sdk-home-'));
process.env.HOME = fakeHome;
process.env.USERPROFILE = fakeHome;
// Each test file evaluates this module afresh (vitest isolation), so this cleans up per file.
afterAll(() => rmSync(fakeHome, { recursive: true, force: true }));

const require = createRequire(import.meta.url);

type CoreModule = typeof import('@huaweicloud/huaweicloud-sdk-core');
type V3Module = typeof import('@huaweicloud/huaweicloud-sdk-iam/v3/public-api');
type V5ClientModule = typeof import('@huaweicloud/huaweicloud-sdk-iam/v5/IamClient');

const core = require('@huaweicloud/huaweicloud-sdk-core') as CoreModule;
export const iam = require('@huaweicloud/huaweicloud-sdk-iam/v3/public-api') as V3Module;
const v5ClientModule = require('@huaweicloud/huaweicloud-sdk-iam/v5/IamClient') as V5ClientModule;

const { Logger4jInstance } = require('@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger') as {
  Logger4jInstance: { level: string };
};
Logger4jInstance.level = 'off';

export const { GlobalCredentials, BasicCredentials, Region } = core;
export const IamClientV3 = iam.IamClient;
export const IamClientV5 = v5ClientModule.IamClient;
export type V3Client = InstanceType<typeof iam.IamClient>;
export type V5Client = InstanceType<typeof v5ClientModule.IamClient>;

/** v5 models live only at deep paths (`v5/model/<Name>`); the v5 public-api is broken. */
export function v5Model<T = new (...args: never[]) => unknown>(name: string): T {
  const mod = require(`@huaweicloud/huaweicloud-sdk-iam/v5/model/${name}`) as Record<string, T>;
  const ctor = mod[name];
  if (!ctor) throw new Error(`SDK v5 model ${name} not found`);
  return ctor;
}

/** The directory standing in for HOME; tests may put id-token files in it. */
export const sdkHome = fakeHome;

/**
 * What the SDK really resolves to: the parsed JSON body plus `httpStatusCode` (docs/reference/sdk-wire.md §1.7).
 * The model classes in its typings are documentation only, so tests read the wire shape.
 */
export type Wire = any;
export const wire = (result: unknown): Wire => result;
