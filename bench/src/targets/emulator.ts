/**
 * @module targets/emulator
 * Our emulator as shipped (`node emulator/dist/cli.mjs`), its control plane (through the package's
 * own `EmulatorClient`), and requests signed the way the official SDK signs them (`signRequest`
 * from `@iam-testbed/shared`, every header signed, `X-Domain-Id` as GlobalCredentials sends it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorClient, type TenantUserView, type TenantView } from '@iam-testbed/emulator/client';
import { signRequest } from '@iam-testbed/shared';
import { jsonOf, send, type Exchange } from '../http-client.js';
import { REPO_ROOT } from '../options.js';
import type { ServerSpec } from '../proc.js';

export const EMULATOR_CLI = join(REPO_ROOT, 'emulator', 'dist', 'cli.mjs');
export const CREDENTIALS = '/v3.0/OS-CREDENTIAL/credentials';
export const SECURITYTOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

export interface KeyPair {
  access: string;
  secret: string;
  /** temporary keys only */
  securitytoken?: string;
}

/** The `POST /_emulator/tenants` answer; the name store/template.ts imports. */
export type Tenant = TenantView;

export type StoreChoice = { memory: true } | { dbPath: string };

/** Why the emulator cannot be measured, or undefined when its bundle is there. */
export function emulatorMissing(): string | undefined {
  if (existsSync(EMULATOR_CLI)) return undefined;
  return `${EMULATOR_CLI} is missing: run \`pnpm --filter @iam-testbed/emulator build\` (npm run bench does)`;
}

/** `node emulator/dist/cli.mjs --port P (--memory | --db PATH)`, exactly as a user starts it. */
export function emulatorSpec(port: number, store: StoreChoice): ServerSpec {
  const storeArgs = 'memory' in store ? ['--memory'] : ['--db', store.dbPath];
  return {
    name: 'iam-testbed emulator',
    cmd: process.execPath,
    args: [EMULATOR_CLI, '--port', String(port), ...storeArgs],
    cwd: REPO_ROOT,
    port,
    // The CLI listens before its store is loaded (health 200, everything else 503 IAMTB.0010):
    // ready is `GET /_emulator/ready` → 200. A build without that endpoint answers 404 once up.
    probePath: '/_emulator/ready',
    readyWhen: (status) => status !== 503,
  };
}

/** A fresh tenant from the emulator at `url` (set-up, not measured). */
export function createTenant(url: string): Promise<TenantView> {
  return new EmulatorClient(url).createTenant();
}

/**
 * A request signed with `key` now. `X-Sdk-Date` must stay within 15 minutes of the server's
 * clock, so anything replayed (autocannon) is signed again for each run.
 */
export async function signed(
  url: string,
  key: KeyPair,
  req: { method: string; path: string; body?: unknown; domainId?: string },
): Promise<Exchange> {
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (req.domainId) headers['X-Domain-Id'] = req.domainId;
  const out = await signRequest(
    {
      method: req.method,
      url: `${url}${req.path}`,
      headers,
      ...(body === undefined ? {} : { body }),
    },
    {
      ak: key.access,
      sk: key.secret,
      ...(key.securitytoken ? { securityToken: key.securitytoken } : {}),
    },
  );
  return {
    method: out.method,
    path: req.path,
    headers: out.headers,
    ...(body === undefined ? {} : { body }),
  };
}

/** Mints a temporary key for the signer's own identity (AK/SK-signed `methods:["token"]`). */
export async function mintTemporaryKey(
  url: string,
  tenant: TenantView,
  user: TenantUserView,
): Promise<KeyPair> {
  const ex = await signed(url, user.access_key, {
    method: 'POST',
    path: SECURITYTOKENS,
    body: MINT_BODY,
    domainId: tenant.domain.id,
  });
  const answer = await send(url, ex);
  return jsonOf<{ credential: KeyPair }>(answer, 201, `POST ${SECURITYTOKENS}`).credential;
}

export const MINT_BODY = {
  auth: { identity: { methods: ['token'], token: { duration_seconds: 900 } } },
};
