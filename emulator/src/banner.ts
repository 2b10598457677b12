/**
 * @module banner
 * What the CLI prints at start: where to point clients and the seeded, emulator-only
 * credentials. This is the only place the emulator ever prints secrets.
 */
import { mintIdToken } from './domain/oidc.js';
import { keysOf } from './domain/permanent-keys.js';
import type { SeedFile } from './domain/seed.js';
import type { TenantDoc } from './domain/state.js';
import type { RunningServer } from './server.js';

function accountLines(
  state: TenantDoc,
  spec: SeedFile['accounts'][number],
  server: RunningServer,
): string[] {
  const account = Object.values(state.accounts).find((a) => a.name === spec.name);
  if (!account) return [];
  const lines = [`  account ${account.name}  (domain id ${account.id})`];
  const people = [
    { name: spec.admin.name ?? spec.name, password: spec.admin.password, role: 'admin' },
    ...(spec.users ?? []).map((u) => ({
      name: u.name,
      password: u.password,
      role: u.admin ? 'admin' : 'IAM user',
    })),
  ];
  for (const p of people) {
    const user = Object.values(state.users).find(
      (u) => u.domain_id === account.id && u.kind === 'iam' && u.name === p.name,
    );
    if (!user) continue;
    lines.push(`    ${p.role.padEnd(8)} ${user.name}  id ${user.id}  password ${p.password}`);
    for (const k of keysOf(state, user.id))
      lines.push(`             AK ${k.access}  SK ${k.secret}  (${k.status})`);
  }
  const idp = Object.values(state.identity_providers).find((i) => i.domain_id === account.id);
  for (const f of spec.federated_users ?? []) {
    const user = Object.values(state.users).find(
      (u) => u.domain_id === account.id && u.kind === 'federated' && u.name === f.name,
    );
    if (!user || !idp) continue;
    const idToken = mintIdToken(idp, user.name, {
      clock: server.runtime.clock,
      random: server.runtime.random,
    });
    lines.push(
      `    federated ${user.name}  id ${user.id}  idp ${idp.id}`,
      `             id token ${idToken}`,
    );
  }
  return lines;
}

export function banner(server: RunningServer): string {
  const { runtime: rt, url } = server;
  const state = server.seedState;
  const first = server.seed.accounts[0];
  const domainId = first
    ? Object.values(state.accounts).find((a) => a.name === first.name)?.id
    : undefined;
  return [
    '',
    `iam-testbed ${rt.version} — Huawei Cloud IAM emulator (emulator-only credentials below; never real ones)`,
    `  API endpoint  ${url}`,
    `  console       ${url}/authui/login  → My Credentials ${url}/iam/#/mine/apiCredential`,
    `  health        ${url}/_emulator/health`,
    `  control plane ${url}/_emulator/openapi.json  (reset, clock, codes, journal, faults, state: docs/control-plane.md)`,
    `  store         ${rt.store.location ?? 'memory (nothing is written)'}   auth ${rt.authMode}`,
    '',
    'Seeded accounts:',
    ...server.seed.accounts.flatMap((spec) => accountLines(state, spec, server)),
    '',
    'Point the official Node SDK at it:',
    "  const { GlobalCredentials } = require('@huaweicloud/huaweicloud-sdk-core');",
    "  const iam = require('@huaweicloud/huaweicloud-sdk-iam/v3/public-api');",
    `  const client = iam.IamClient.newBuilder()`,
    `    .withCredential(new GlobalCredentials().withAk(AK).withSk(SK).withDomainId('${domainId ?? '<domain id>'}'))`,
    `    .withEndpoint('${url}').build();`,
    '',
  ].join('\n');
}
