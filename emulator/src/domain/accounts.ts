/**
 * @module domain/accounts
 * Creating a whole account in one step — the root user (an administrator, in the `admin` group),
 * IAM users, an OIDC identity provider with federated users, region projects and sub-projects, and
 * the default agency. The default seed, `--seed FILE` and `POST /_emulator/tenants` all go
 * through createAccount, so every account looks alike.
 */
import { newHex32Id, parseProjectName, PROJECT_NAME_MAX_LENGTH } from '@iam-testbed/shared';
import { createAgency, DEFAULT_AGENCY_NAME } from './agencies.js';
import type { DomainContext } from './context.js';
import { IamError } from './errors.js';
import { createIdentityProvider, mintIdToken } from './oidc.js';
import { insertPermanentKey } from './permanent-keys.js';
import { createRegionProject, createSubProject } from './projects.js';
import { defaultProtectPolicy } from './protect-policy.js';
import {
  ownRecord,
  type AccountRecord,
  type AllowUser,
  type KeyStatus,
  type PermanentKeyRecord,
  type ProjectRecord,
  type TenantDoc,
  type UserRecord,
} from './state.js';
import { createAdminGroup, createUser } from './users.js';

export interface KeySpec {
  access?: string;
  secret?: string;
  description?: string;
  status?: KeyStatus;
}

export interface UserSpec {
  name: string;
  password: string;
  id?: string;
  email?: string;
  /** Member of the `admin` group. */
  admin?: boolean;
  access_keys?: KeySpec[];
}

export interface AccountSpec {
  name: string;
  id?: string;
  regions: string[];
  /** Full names, `<region>_<name>`; the region must be in `regions`. */
  sub_projects?: string[];
  operation_protection?: boolean;
  allow_user?: Partial<AllowUser>;
  /** The root user (account administrator); named after the account unless given. */
  admin: Omit<UserSpec, 'admin' | 'name'> & { name?: string };
  users?: UserSpec[];
  /** ID of the account's OIDC identity provider; `<account name>-oidc` by default. */
  identity_provider?: string;
  federated_users?: Array<{ name: string; id?: string }>;
}

export interface CreatedUser {
  user: UserRecord;
  password: string;
  keys: PermanentKeyRecord[];
}

export interface CreatedAccount {
  account: AccountRecord;
  admin: CreatedUser;
  users: CreatedUser[];
  idpId: string;
  federated: Array<{ user: UserRecord; idToken: string }>;
  projects: ProjectRecord[];
}

/**
 * Why `name` is not a sub-project name for an account in `regions` (shared `parseProjectName`:
 * `<region>_<name>`, letters, digits, `_`, `-`, `.`, at most 64 characters), or null when it is.
 */
export function subProjectProblem(name: string, regions: readonly string[]): string | null {
  const parsed = parseProjectName(name);
  if (!parsed?.subProject) {
    return `must be "<region>_<name>" with a name of letters, digits, "_", "-" or ".", at most ${PROJECT_NAME_MAX_LENGTH} characters in all (e.g. "cn-north-4_dev")`;
  }
  return regions.includes(parsed.region)
    ? null
    : `must start with one of the account's regions (${regions.join(', ')}) and "_"`;
}

/** Refuses clashes with what already exists, and malformed sub-project names, before anything is written. */
function checkFree(state: TenantDoc, spec: AccountSpec, idpId: string): void {
  for (const sub of spec.sub_projects ?? []) {
    const problem = subProjectProblem(sub, spec.regions);
    if (problem)
      throw new IamError('CONTROL_INVALID', {
        key: 'sub_projects',
        hint: `"${sub.slice(0, 80)}" ${problem}.`,
      });
  }
  const conflict = (detail: string) => new IamError('CONTROL_CONFLICT', { detail });
  if (Object.values(state.accounts).some((a) => a.name === spec.name))
    throw conflict(`An account named "${spec.name}" already exists; choose another name.`);
  if (spec.id !== undefined && ownRecord(state.accounts, spec.id))
    throw conflict(`An account with id ${spec.id} already exists.`);
  if (ownRecord(state.identity_providers, idpId))
    throw conflict(`An identity provider with id "${idpId}" already exists.`);
  const ids = [
    spec.admin.id,
    ...(spec.users ?? []).map((u) => u.id),
    ...(spec.federated_users ?? []).map((u) => u.id),
  ];
  const takenId = ids.find((id) => id !== undefined && ownRecord(state.users, id));
  if (takenId) throw conflict(`A user with id ${takenId} already exists.`);
  const aks = [spec.admin, ...(spec.users ?? [])].flatMap((u) =>
    (u.access_keys ?? []).map((k) => k.access),
  );
  const takenAk = aks.find(
    (ak) =>
      ak !== undefined &&
      (ownRecord(state.permanent_keys, ak) || ownRecord(state.temporary_keys, ak)),
  );
  if (takenAk) throw conflict(`The access key ${takenAk} already exists.`);
}

export function createAccount(
  state: TenantDoc,
  spec: AccountSpec,
  ctx: DomainContext,
): CreatedAccount {
  const idpId = spec.identity_provider ?? `${spec.name}-oidc`;
  checkFree(state, spec, idpId);
  const account: AccountRecord = {
    id: spec.id ?? newHex32Id(ctx.random),
    name: spec.name,
    created_at: ctx.clock.now(),
    protect_policy: defaultProtectPolicy(spec.operation_protection ?? false, spec.allow_user),
  };
  state.accounts[account.id] = account;
  const group = createAdminGroup(state, account.id, ctx);
  const makeUser = (u: UserSpec, root: boolean): CreatedUser => {
    const user = createUser(
      state,
      {
        domainId: account.id,
        name: u.name,
        kind: 'iam',
        password: u.password,
        id: u.id,
        email: u.email,
        isDomainOwner: root,
        groupIds: root || u.admin ? [group.id] : [],
      },
      ctx,
    );
    const keys = (u.access_keys ?? []).map((k) => insertPermanentKey(state, user, ctx, k));
    return { user, password: u.password, keys };
  };
  const admin = makeUser({ ...spec.admin, name: spec.admin.name ?? spec.name }, true);
  const users = (spec.users ?? []).map((u) => makeUser(u, false));
  const idp = createIdentityProvider(state, account.id, idpId, ctx);
  const federated = (spec.federated_users ?? []).map((f) => {
    const user = createUser(
      state,
      { domainId: account.id, name: f.name, kind: 'federated', idpId, id: f.id },
      ctx,
    );
    return { user, idToken: mintIdToken(idp, user.name, ctx) };
  });
  const projects = createProjects(state, account.id, spec, ctx);
  createAgency(
    state,
    { name: DEFAULT_AGENCY_NAME, domainId: account.id, trustDomainId: account.id },
    ctx,
  );
  return { account, admin, users, idpId, federated, projects };
}

function createProjects(
  state: TenantDoc,
  domainId: string,
  spec: AccountSpec,
  ctx: DomainContext,
): ProjectRecord[] {
  const regionProjects = spec.regions.map((region) =>
    createRegionProject(state, domainId, region, ctx),
  );
  const subs = (spec.sub_projects ?? []).map((name) => {
    const parent = regionProjects.find((p) => p.region === parseProjectName(name)?.region);
    if (!parent) throw new Error(`sub-project ${name} has no region project (validated earlier)`);
    return createSubProject(state, parent, name, ctx);
  });
  return [...regionProjects, ...subs];
}
