/**
 * @module export/key-export
 * A temporary key as environment variables (the names the Huawei SDKs read, docs/reference/sdk-wire.md §2), as
 * JSON in the IAM `credential` shape, and as a KooCLI profile command. All three hold secrets.
 * ⚠ KooCLI: `--cli-mode=AKSK` and `--cli-security-token` are documented for commands
 * (usermanual-hcli hcli_05_06); setting them on a profile with `configure set` is assumed.
 */
import { GLOBAL_IAM_ENDPOINT } from '@iam-testbed/shared';
import type { HeldKey } from '../keys/held-key';
import { shellWord } from '../signing/snippets';

export function keyEnvLines(key: HeldKey): string {
  const lines = [
    `export HUAWEICLOUD_SDK_AK=${shellWord(key.access)}`,
    `export HUAWEICLOUD_SDK_SK=${shellWord(key.secret)}`,
    `export HUAWEICLOUD_SDK_SECURITY_TOKEN=${shellWord(key.securityToken)}`,
  ];
  if (key.endpoint && key.endpoint !== GLOBAL_IAM_ENDPOINT)
    lines.push(`export HUAWEICLOUD_SDK_IAM_ENDPOINT=${shellWord(key.endpoint)}`);
  return lines.join('\n') + '\n';
}

export function keyJson(key: HeldKey): string {
  return JSON.stringify(
    {
      credential: {
        access: key.access,
        secret: key.secret,
        securitytoken: key.securityToken,
        expires_at: new Date(key.expiresAt).toISOString(),
      },
    },
    null,
    2,
  );
}

export function kooCliCommand(key: HeldKey, profile: string, region?: string): string {
  const args = [
    'hcloud configure set',
    `--cli-profile=${shellWord(profile)}`,
    '--cli-mode=AKSK',
    ...(region ? [`--cli-region=${shellWord(region)}`] : []),
    `--cli-access-key=${shellWord(key.access)}`,
    `--cli-secret-key=${shellWord(key.secret)}`,
    `--cli-security-token=${shellWord(key.securityToken)}`,
  ];
  return args.join(' ');
}
