import { describe, expect, it } from 'vitest';
import { toCsv, toEnv, toJson } from '../lib/export/credentials-export';
import { keyEnvLines, keyJson, kooCliCommand } from '../lib/export/key-export';
import type { HeldKey } from '../lib/keys/held-key';
import { curlSnippet, fetchSnippet, shellQuote } from '../lib/signing/snippets';
import { FACTS } from './fixtures/load';

const DATA = { identity: FACTS.identity, projects: FACTS.projects, currentRegion: 'cn-north-4' };
const KEY: HeldKey = {
  access: 'EMUTQWERTYUIOP123456',
  secret: 'EmuSecretSecretSecretSecretSecretSecret1',
  securityToken: 'gAAAAB+/token==',
  expiresAt: Date.UTC(2030, 0, 2, 4, 4, 5),
  obtainedAt: 0,
  expiryKnown: true,
  source: 'minted',
  endpoint: 'http://127.0.0.1:4566',
};

describe('copy all: identity and projects', () => {
  it('as JSON', () => {
    expect(JSON.parse(toJson(DATA))).toEqual({
      account: { name: 'acme-cloud', id: FACTS.identity.accountId },
      user: { name: 'dev-alice', id: FACTS.identity.userId },
      projects: FACTS.projects.map((p) => ({
        region: p.region,
        region_name: null,
        name: p.name,
        id: p.id,
      })),
    });
  });

  it('as .env lines, with the current region’s project as HUAWEICLOUD_SDK_PROJECT_ID', () => {
    expect(toEnv(DATA).split('\n')).toEqual([
      `HUAWEICLOUD_SDK_DOMAIN_ID=${FACTS.identity.accountId}`,
      'HUAWEICLOUD_ACCOUNT_NAME=acme-cloud',
      `HUAWEICLOUD_USER_ID=${FACTS.identity.userId}`,
      'HUAWEICLOUD_USER_NAME=dev-alice',
      'HUAWEICLOUD_SDK_PROJECT_ID=11111111111111111111111111111111',
      'HUAWEICLOUD_PROJECT_ID_CN_NORTH_4=11111111111111111111111111111111',
      'HUAWEICLOUD_PROJECT_ID_CN_NORTH_4_DEV=22222222222222222222222222222222',
      'HUAWEICLOUD_PROJECT_ID_AP_SOUTHEAST_3=33333333333333333333333333333333',
      '',
    ]);
    expect(
      toEnv({ ...DATA, identity: { ...DATA.identity, accountName: "o'brien & co" } }),
    ).toContain(`HUAWEICLOUD_ACCOUNT_NAME='o'\\''brien & co'`);
  });

  it('as CSV, quoting what needs it', () => {
    const csv = toCsv({ ...DATA, identity: { ...DATA.identity, userName: 'a, "b"' } }).split(
      '\r\n',
    );
    expect(csv[0]).toBe('kind,region,region_name,name,id');
    expect(csv[2]).toBe(`user,,,"a, ""b""",${FACTS.identity.userId}`);
    expect(csv[4]).toBe('sub-project,cn-north-4,,cn-north-4_dev,22222222222222222222222222222222');
  });
});

describe('copy a temporary key', () => {
  it('as environment variables the SDKs read', () => {
    expect(keyEnvLines(KEY)).toBe(
      'export HUAWEICLOUD_SDK_AK=EMUTQWERTYUIOP123456\nexport HUAWEICLOUD_SDK_SK=EmuSecretSecretSecretSecretSecretSecret1\n' +
        'export HUAWEICLOUD_SDK_SECURITY_TOKEN=gAAAAB+/token==\nexport HUAWEICLOUD_SDK_IAM_ENDPOINT=http://127.0.0.1:4566\n',
    );
    expect(keyEnvLines({ ...KEY, endpoint: 'https://iam.myhuaweicloud.com' })).not.toContain(
      'IAM_ENDPOINT',
    );
  });

  it('as JSON in the IAM credential shape', () => {
    expect(JSON.parse(keyJson(KEY))).toEqual({
      credential: {
        access: KEY.access,
        secret: KEY.secret,
        securitytoken: KEY.securityToken,
        expires_at: '2030-01-02T04:04:05.000Z',
      },
    });
  });

  it('as a KooCLI profile command', () => {
    expect(kooCliCommand(KEY, 'temp', 'cn-north-4')).toBe(
      'hcloud configure set --cli-profile=temp --cli-mode=AKSK --cli-region=cn-north-4 --cli-access-key=EMUTQWERTYUIOP123456 ' +
        '--cli-secret-key=EmuSecretSecretSecretSecretSecretSecret1 --cli-security-token=gAAAAB+/token==',
    );
  });
});

describe('signed request snippets', () => {
  const signed = {
    method: 'POST',
    url: 'https://iam.myhuaweicloud.com/v3/x',
    headers: {
      'Content-Type': 'application/json',
      host: 'iam.myhuaweicloud.com',
      Authorization: 'SDK-HMAC-SHA256 Access=A, SignedHeaders=host, Signature=s',
    },
    canonicalRequest: '',
    stringToSign: '',
    signature: 's',
    authorization: '',
  };

  it('quotes for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('curl: method, URL, headers except host, exact body', () => {
    expect(curlSnippet(signed, `{"a":"it's"}`).split('\n').slice(1)).toEqual([
      `curl -X POST 'https://iam.myhuaweicloud.com/v3/x' \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -H 'Authorization: SDK-HMAC-SHA256 Access=A, SignedHeaders=host, Signature=s' \\`,
      `  --data-raw '{"a":"it'\\''s"}'`,
    ]);
  });

  it('fetch: a runnable call with the same headers and body', () => {
    const snippet = fetchSnippet(signed, '{"a":1}');
    expect(snippet).toContain('await fetch("https://iam.myhuaweicloud.com/v3/x", {');
    expect(snippet).toContain('"body": "{\\"a\\":1}"');
    expect(snippet).not.toContain('"host"');
  });
});
