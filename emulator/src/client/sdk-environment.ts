/**
 * @module client/sdk-environment
 * The environment `iam-testbed exec` gives its command: the official SDKs' own variables
 * (docs/use-from-another-project.md, "What the SDKs read from the environment"), all pointing at
 * the emulator, with the first seed account's administrator and its first active access key.
 * Pure: state in, variables out.
 */
import { REGIONS } from '@iam-testbed/shared';
import { keysOf } from '../domain/permanent-keys.js';
import type { SeedFile } from '../domain/seed.js';
import type { TenantDoc } from '../domain/state.js';
import { CliError } from '../cli/cli-error.js';

/** `cn-north-4` → `HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4`, the Python SDK's region-endpoint override. */
export function regionEndpointVariable(regionId: string, service = 'IAM'): string {
  return `HUAWEICLOUD_SDK_REGION_${service}_${regionId.replace(/-/g, '_').toUpperCase()}`;
}

/**
 * Variables that would point an SDK at another identity and must not leak in from the parent
 * shell: a real security token next to an emulator AK breaks every signature.
 */
export const CLEARED_VARIABLES = [
  'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  'HUAWEICLOUD_SDK_IDP_ID',
  'HUAWEICLOUD_SDK_ID_TOKEN_FILE',
] as const;

export interface ExecEnvInput {
  url: string;
  state: TenantDoc;
  seed: SeedFile;
  /** The region whose project becomes HUAWEICLOUD_SDK_PROJECT_ID; the account's first by default. */
  region?: string;
  controlToken?: string;
}

function seedAdmin(state: TenantDoc, seed: SeedFile) {
  const spec = seed.accounts[0];
  const account = spec && Object.values(state.accounts).find((a) => a.name === spec.name);
  if (!spec || !account)
    throw new CliError(
      'CLI_EXEC_NO_ACCESS_KEY',
      'The store has no account from the seed, so there is no key to export.',
    );
  const adminName = spec.admin.name ?? spec.name;
  const admin = Object.values(state.users).find(
    (u) => u.domain_id === account.id && u.kind === 'iam' && u.name === adminName,
  );
  const key = admin && keysOf(state, admin.id).find((k) => k.status === 'active');
  if (!admin || !key)
    throw new CliError(
      'CLI_EXEC_NO_ACCESS_KEY',
      `The administrator "${adminName}" of account "${account.name}" has no active access key.`,
    );
  return { account, admin, key, regions: spec.regions };
}

function projectIn(state: TenantDoc, domainId: string, region: string): string {
  const project = Object.values(state.projects).find(
    (p) => p.domain_id === domainId && p.name === region,
  );
  if (!project)
    throw new CliError(
      'CLI_EXEC_UNKNOWN_REGION',
      `The seed account has no project in region "${region}".`,
    );
  return project.id;
}

/** The variables to set (`undefined`: remove from the inherited environment). */
export function execEnvironment(input: ExecEnvInput): Record<string, string | undefined> {
  const { account, admin, key, regions } = seedAdmin(input.state, input.seed);
  const region = input.region ?? regions[0] ?? 'cn-north-4';
  const env: Record<string, string | undefined> = {
    HUAWEICLOUD_SDK_AK: key.access,
    HUAWEICLOUD_SDK_SK: key.secret,
    HUAWEICLOUD_SDK_DOMAIN_ID: account.id,
    HUAWEICLOUD_SDK_PROJECT_ID: projectIn(input.state, account.id, region),
    HUAWEICLOUD_SDK_IAM_ENDPOINT: input.url,
    IAM_TESTBED_URL: input.url,
    IAM_TESTBED_REGION: region,
    IAM_TESTBED_USER_ID: admin.id,
  };
  for (const r of REGIONS) env[regionEndpointVariable(r.id)] = input.url;
  for (const name of CLEARED_VARIABLES) env[name] = undefined;
  if (input.controlToken !== undefined) env.IAM_TESTBED_CONTROL_TOKEN = input.controlToken;
  return env;
}

/** The parent environment with `changes` applied. */
export function applyEnvironment(
  base: NodeJS.ProcessEnv,
  changes: Record<string, string | undefined>,
): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
