/**
 * @module domain/seed
 * What a fresh store starts with: the default seed, or a fixtures file given with `--seed FILE`
 * (format in emulator/README.md and docs/architecture.md; validated here with precise messages).
 * Seeding happens only when the store has no account yet, so a file store keeps its state across
 * restarts.
 */
import { isEmulatorAccessKey, isRegionId, SECRET_KEY_RE } from '@iam-testbed/shared';
import { z } from 'zod';
import {
  createAccount,
  subProjectProblem,
  type AccountSpec,
  type CreatedAccount,
} from './accounts.js';
import type { DomainContext } from './context.js';
import { emptyTenant, type TenantDoc } from './state.js';

/** Regions every default account gets a project in. */
export const DEFAULT_REGIONS = [
  'cn-north-4',
  'cn-east-3',
  'ap-southeast-1',
  'ap-southeast-3',
  'eu-west-101',
];

/** The account seeded when no `--seed` file is given. Passwords are emulator-only and printed in the banner. */
export const DEFAULT_SEED: SeedFile = {
  accounts: [
    {
      name: 'iam-testbed',
      regions: DEFAULT_REGIONS,
      sub_projects: ['cn-north-4_iam-testbed'],
      operation_protection: false,
      admin: { password: 'Testbed-Admin-1', access_keys: [{ description: 'seeded admin key' }] },
      users: [
        {
          name: 'dev-user',
          password: 'Testbed-User-1',
          access_keys: [{ description: 'seeded user key' }],
        },
      ],
      identity_provider: 'iam-testbed-oidc',
      federated_users: [{ name: 'fed-user' }],
    },
  ],
};

const NAME_RE = /^[A-Za-z][A-Za-z0-9 ._-]{0,63}$/;
const HEX32 = z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lower-case hex characters');
const name = z
  .string()
  .regex(NAME_RE, 'must be 1-64 letters, digits, space, ".", "_" or "-", starting with a letter');

/** Huawei's password rule: 6–32 characters with at least two character classes (docs/reference/huawei-iam-api.md §5.3). */
export const passwordSchema = z
  .string()
  .min(6, 'must be 6-32 characters')
  .max(32, 'must be 6-32 characters')
  .refine(
    (p) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length >= 2,
    'must mix at least two of: lower case, upper case, digits, special characters',
  );

const keySchema = z.strictObject({
  access: z
    .string()
    .refine(
      isEmulatorAccessKey,
      'must be an emulator access key: EMUP + 16 of [A-Z0-9] (emulator keys must never look like real ones)',
    )
    .optional(),
  secret: z.string().regex(SECRET_KEY_RE, 'must be 40 letters and digits').optional(),
  description: z.string().max(255).optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

const keysSchema = z.array(keySchema).max(2, 'a user can have at most 2 access keys').optional();

const userSchema = z.strictObject({
  name,
  password: passwordSchema,
  id: HEX32.optional(),
  email: z.string().email().optional(),
  admin: z.boolean().optional(),
  access_keys: keysSchema,
});

const accountSchema = z
  .strictObject({
    name,
    id: HEX32.optional(),
    regions: z
      .array(z.string().refine(isRegionId, 'must be a known region id, e.g. cn-north-4'))
      .min(1),
    sub_projects: z.array(z.string()).optional(),
    operation_protection: z.boolean().optional(),
    allow_user: z
      .strictObject({
        manage_accesskey: z.boolean(),
        manage_email: z.boolean(),
        manage_mobile: z.boolean(),
        manage_password: z.boolean(),
      })
      .partial()
      .optional(),
    admin: z.strictObject({
      name: name.optional(),
      password: passwordSchema,
      id: HEX32.optional(),
      email: z.string().email().optional(),
      access_keys: keysSchema,
    }),
    users: z.array(userSchema).optional(),
    identity_provider: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"')
      // Records are keyed by ID in plain objects: `__proto__` would set the prototype, not a key.
      .refine((id) => id !== '__proto__', 'must not be "__proto__"')
      .optional(),
    federated_users: z.array(z.strictObject({ name, id: HEX32.optional() })).optional(),
  })
  .superRefine((a, ctx) => {
    for (const [i, sub] of (a.sub_projects ?? []).entries()) {
      const problem = subProjectProblem(sub, a.regions);
      if (problem) ctx.addIssue({ code: 'custom', path: ['sub_projects', i], message: problem });
    }
    const names = [a.admin.name ?? a.name, ...(a.users ?? []).map((u) => u.name)];
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup)
      ctx.addIssue({
        code: 'custom',
        path: ['users'],
        message: `user name "${dup}" appears twice`,
      });
  });

export const seedFileSchema = z
  .strictObject({ accounts: z.array(accountSchema).min(1) })
  .superRefine((s, ctx) => {
    const names = s.accounts.map((a) => a.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup)
      ctx.addIssue({
        code: 'custom',
        path: ['accounts'],
        message: `account name "${dup}" appears twice`,
      });
  });

export type SeedFile = z.infer<typeof seedFileSchema>;

/** Parses and validates a fixtures document; throws with every problem and its path. */
export function parseSeedFile(doc: unknown, source: string): SeedFile {
  const result = seedFileSchema.safeParse(doc);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
  );
  throw new Error(`Invalid seed file ${source}:\n${problems.join('\n')}`);
}

/** One tenant document per seed account, with what was generated for it. */
export function seedTenants(
  seed: SeedFile,
  ctx: DomainContext,
): Array<{ doc: TenantDoc; created: CreatedAccount }> {
  return seed.accounts.map((spec: AccountSpec) => {
    const doc = emptyTenant();
    return { doc, created: createAccount(doc, spec, ctx) };
  });
}
