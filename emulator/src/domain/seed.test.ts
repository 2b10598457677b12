import { expect, test } from 'vitest';
import { createAccount } from './accounts.js';
import { ManualClock } from './clock.js';
import { isAdminUser } from './identity.js';
import { seededRandom } from './random.js';
import { DEFAULT_SEED, parseSeedFile, seedTenants } from './seed.js';
import { emptyTenant } from './state.js';

test('the default seed is a valid fixtures file and builds one complete account', () => {
  expect(parseSeedFile(DEFAULT_SEED, 'default')).toEqual(DEFAULT_SEED);
  const [seeded, ...more] = seedTenants(DEFAULT_SEED, {
    clock: new ManualClock(0),
    random: seededRandom(1),
  });
  if (!seeded) throw new Error('nothing seeded');
  expect(more).toEqual([]);
  const { doc: state, created: acct } = seeded;
  expect(Object.keys(state.accounts)).toEqual([acct.account.id]);
  expect(acct.account.protect_policy.operation_protection).toBe(false);
  expect(isAdminUser(state, acct.admin.user)).toBe(true);
  expect(acct.admin.user.is_domain_owner).toBe(true);
  expect(acct.users.map((u) => isAdminUser(state, u.user))).toEqual([false]);
  expect(acct.federated[0]?.user.kind).toBe('federated');
  expect(acct.projects.map((p) => p.name)).toContain('cn-north-4_iam-testbed');
  const sub = acct.projects.find((p) => p.name === 'cn-north-4_iam-testbed');
  const parent = acct.projects.find((p) => p.name === 'cn-north-4');
  expect(sub?.parent_id).toBe(parent?.id);
  expect(parent?.parent_id).toBe(acct.account.id);
  expect(Object.values(state.permanent_keys)).toHaveLength(2);
});

test('seeding is deterministic for a seed', () => {
  const run = () => {
    const [seeded] = seedTenants(DEFAULT_SEED, {
      clock: new ManualClock(0),
      random: seededRandom(42),
    });
    return Object.keys(seeded?.doc.permanent_keys ?? {}).sort();
  };
  expect(run()).toHaveLength(2);
  expect(run()).toEqual(run());
});

test('a bad fixtures file is refused with every problem and its path', () => {
  const bad = {
    accounts: [
      {
        name: '9lives',
        regions: ['cn-north-4', 'mars-1'],
        sub_projects: ['eu-west-101_x'],
        admin: { password: 'short', access_keys: [{ access: 'AKIAREALLOOKING12345' }] },
        colour: 'red',
      },
    ],
  };
  let message = '';
  try {
    parseSeedFile(bad, 'fixtures.json');
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toContain('Invalid seed file fixtures.json');
  expect(message).toContain('accounts.0.name');
  expect(message).toContain('accounts.0.regions.1');
  expect(message).toContain('accounts.0.admin.password');
  expect(message).toContain(
    'accounts.0.admin.access_keys.0.access: must be an emulator access key',
  );
  expect(message).toContain('colour');
});

test('an identity provider named __proto__ is refused (it would not be stored as a record)', () => {
  const account = {
    name: 'proto',
    regions: ['cn-north-4'],
    admin: { password: 'Admin-pass-1' },
    identity_provider: '__proto__',
  };
  expect(() => parseSeedFile({ accounts: [account] }, 'f.json')).toThrow(
    'accounts.0.identity_provider: must not be "__proto__"',
  );
  expect(
    parseSeedFile({ accounts: [{ ...account, identity_provider: 'constructor' }] }, 'f.json')
      .accounts[0]?.identity_provider,
  ).toBe('constructor');
});

test('sub-project names follow the shared project-name rule: charset, region prefix, 64 characters', () => {
  const account = (sub_projects: string[]) => ({
    accounts: [
      {
        name: 'subs',
        regions: ['cn-north-4', 'eu-west-101'],
        admin: { password: 'Admin-pass-1' },
        sub_projects,
      },
    ],
  });
  const refused = (name: string) => {
    try {
      parseSeedFile(account([name]), 'f.json');
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };
  for (const bad of [
    'cn-north-4_my project',
    `cn-north-4_${'a'.repeat(70)}`,
    'cn-north-4_',
    'cn-north-4_<b>',
  ]) {
    expect(refused(bad), bad).toContain('accounts.0.sub_projects.0: must be "<region>_<name>"');
  }
  expect(refused('ap-southeast-1_dev')).toContain(
    "accounts.0.sub_projects.0: must start with one of the account's regions",
  );
  expect(
    parseSeedFile(account(['cn-north-4_dev-ops.2', `eu-west-101_${'a'.repeat(52)}`]), 'f.json')
      .accounts[0]?.sub_projects,
  ).toHaveLength(2);
});

test('createAccount refuses a malformed sub-project before writing anything', () => {
  const state = emptyTenant();
  const spec = {
    name: 'subs',
    regions: ['cn-north-4'],
    admin: { password: 'Admin-pass-1' },
    sub_projects: ['cn-north-4_my project'],
  };
  expect(() =>
    createAccount(state, spec, { clock: new ManualClock(0), random: seededRandom(1) }),
  ).toThrow(/sub_projects.*cn-north-4_my project/);
  expect(() =>
    seedTenants({ accounts: [spec] }, { clock: new ManualClock(0), random: seededRandom(1) }),
  ).toThrow(/sub_projects.*cn-north-4_my project/);
  expect(state).toEqual(emptyTenant());
});
