import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGIONS } from '@iam-testbed/shared';
import { afterAll, expect, test } from 'vitest';
import { startServer } from '../server.js';
import { applyEnvironment, execEnvironment, regionEndpointVariable } from './sdk-environment.js';

const server = await startServer({ port: 0, memory: true, seedRandom: 3 });
afterAll(() => server.close());
const state = await server.runtime.store.exportAll();
const input = { url: server.url, state, seed: server.seed };

test('region variables follow the SDK convention: upper case, - becomes _', () => {
  expect(regionEndpointVariable('cn-north-4')).toBe('HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4');
  expect(regionEndpointVariable('eu-west-101')).toBe('HUAWEICLOUD_SDK_REGION_IAM_EU_WEST_101');
});

test("exports the seed admin's active key, the account, a project and every region endpoint", () => {
  const env = execEnvironment(input);
  expect(execEnvironment({ ...input, state: server.seedState })).toEqual(env);
  const account = Object.values(state.accounts).find(
    (a) => a.name === server.seed.accounts[0]?.name,
  );
  const key = state.permanent_keys[env.HUAWEICLOUD_SDK_AK ?? ''];
  expect(key?.secret).toBe(env.HUAWEICLOUD_SDK_SK);
  expect(key?.status).toBe('active');
  expect(state.users[key?.user_id ?? '']?.name).toBe('iam-testbed');
  expect(env.HUAWEICLOUD_SDK_DOMAIN_ID).toBe(account?.id);
  const project = state.projects[env.HUAWEICLOUD_SDK_PROJECT_ID ?? ''];
  expect(project?.name).toBe(server.seed.accounts[0]?.regions[0]);
  expect(env.IAM_TESTBED_REGION).toBe(project?.name);
  expect(env.HUAWEICLOUD_SDK_IAM_ENDPOINT).toBe(server.url);
  expect(env.IAM_TESTBED_URL).toBe(server.url);
  for (const r of REGIONS) expect(env[regionEndpointVariable(r.id)]).toBe(server.url);
});

test('--region picks the project; a region without one is refused with a code', () => {
  const env = execEnvironment({ ...input, region: 'eu-west-101' });
  expect(state.projects[env.HUAWEICLOUD_SDK_PROJECT_ID ?? '']?.name).toBe('eu-west-101');
  expect(() => execEnvironment({ ...input, region: 'xx-nowhere-1' })).toThrow(
    expect.objectContaining({ code: 'CLI_EXEC_UNKNOWN_REGION' }),
  );
});

test('a seed admin without an active key is refused with a code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-exec-env-'));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(
    seedFile,
    JSON.stringify({
      accounts: [
        { name: 'keyless', regions: ['cn-north-4'], admin: { password: 'Keyless-Admin-1' } },
      ],
    }),
  );
  const keyless = await startServer({ port: 0, memory: true, seedFile });
  try {
    expect(() =>
      execEnvironment({ url: keyless.url, state: keyless.seedState, seed: keyless.seed }),
    ).toThrow(expect.objectContaining({ code: 'CLI_EXEC_NO_ACCESS_KEY' }));
  } finally {
    await keyless.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('inherited tokens that would break signing are removed; the rest of the environment is kept', () => {
  const base = {
    PATH: '/bin',
    HUAWEICLOUD_SDK_SECURITY_TOKEN: 'real-token',
    HUAWEICLOUD_SDK_AK: 'REAL',
  };
  const env = applyEnvironment(base, execEnvironment({ ...input, controlToken: 'ct' }));
  expect(env.PATH).toBe('/bin');
  expect(env.HUAWEICLOUD_SDK_AK).not.toBe('REAL');
  expect('HUAWEICLOUD_SDK_SECURITY_TOKEN' in env).toBe(false);
  expect(env.IAM_TESTBED_CONTROL_TOKEN).toBe('ct');
});
