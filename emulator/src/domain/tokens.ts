/**
 * @module domain/tokens
 * Keystone tokens (docs/reference/huawei-iam-api.md §3): issued by password or by token, scoped to a project,
 * the account, or nothing; valid 24 h on the emulator clock. The token string travels in
 * `X-Subject-Token`; the body is built by tokenBody (http/views/token-views.ts).
 */
import { TOKEN_VALIDITY_SECONDS } from '@iam-testbed/shared';
import type { DomainContext } from './context.js';
import { IamError } from './errors.js';
import { passwordHashProblem, verifyPassword } from './passwords.js';
import { findProject } from './projects.js';
import { pruneExpired } from './prune-expired.js';
import { base64url } from './random.js';
import {
  ownRecord,
  type TenantDoc,
  type TokenRecord,
  type TokenScope,
  type UserRecord,
} from './state.js';
import { findIamUserByName } from './users.js';

/**
 * Real tokens start with `MII` (a PKI blob). Ours keep that start, then `emu`, so they look
 * familiar to tools yet are recognisably the emulator's.
 */
export const TOKEN_PREFIX = 'MIIemu';

/** Expired tokens are kept this long (so their use gets "expired", not "invalid"), then pruned. */
const EXPIRED_TOKEN_RETENTION_MS = 24 * 3600 * 1000;

export interface ScopeRef {
  project?: { id?: string; name?: string };
  domain?: { id?: string; name?: string };
}

export interface NewToken {
  user: UserRecord;
  methods: string[];
  scope: TokenScope;
  /** Defaults to now + 24 h. */
  expiresAt?: number;
  idpId?: string;
}

export function issueToken(state: TenantDoc, input: NewToken, ctx: DomainContext): TokenRecord {
  const now = ctx.clock.now();
  pruneExpired(state.tokens, now, EXPIRED_TOKEN_RETENTION_MS);
  const token: TokenRecord = {
    id: TOKEN_PREFIX + base64url(ctx.random, 48),
    user_id: input.user.id,
    domain_id: input.user.domain_id,
    methods: input.methods,
    scope: input.scope,
    issued_at: now,
    expires_at: input.expiresAt ?? now + TOKEN_VALIDITY_SECONDS * 1000,
    idp_id: input.idpId ?? null,
  };
  state.tokens[token.id] = token;
  return token;
}

export function isExpired(
  token: { expires_at: number },
  ctx: Pick<DomainContext, 'clock'>,
): boolean {
  return ctx.clock.now() >= token.expires_at;
}

const unauthorized = (hint: string) => new IamError('KEYSTONE_UNAUTHORIZED', {}, hint);

export interface PasswordUser {
  id?: string;
  name?: string;
  password: string;
  domain?: { id?: string; name?: string };
}

/**
 * The IAM user a password login names, if the password is right. Records the login time unless
 * `recordLogin` is false (the caller records it once the rest of the request has been checked).
 */
export function authenticatePassword(
  state: TenantDoc,
  input: PasswordUser,
  ctx: DomainContext,
  options: { recordLogin?: boolean } = {},
): UserRecord {
  const user = input.id !== undefined ? ownRecord(state.users, input.id) : findByName(state, input);
  if (!user || user.kind !== 'iam' || !verifyPassword(input.password, user.password_hash)) {
    // A stored hash that cannot be used (imports refuse them; a hand-edited store may not) is a
    // wrong password, not a 500; the hint puts the reason in the journal.
    const broken =
      user?.kind === 'iam' && user.password_hash !== null
        ? passwordHashProblem(user.password_hash)
        : null;
    throw unauthorized(
      broken
        ? `The stored password hash of user ${user?.id} cannot be used: ${broken}.`
        : 'Wrong user name, account or password.',
    );
  }
  if (!user.enabled) throw unauthorized('The user is disabled.');
  if (options.recordLogin ?? true) recordLogin(user, ctx);
  return user;
}

export function recordLogin(user: UserRecord, ctx: DomainContext): void {
  user.last_login_at = ctx.clock.now();
}

function findByName(state: TenantDoc, input: PasswordUser): UserRecord | undefined {
  if (input.name === undefined) {
    throw new IamError('KEYSTONE_REQUIRED', {
      key: 'auth.identity.password.user.name',
      hint: 'Give the user name (with its account) or the user id.',
    });
  }
  const domain = input.domain;
  if (domain?.id === undefined && domain?.name === undefined) {
    throw new IamError('KEYSTONE_REQUIRED', {
      key: 'auth.identity.password.user.domain',
      hint: 'Give the account: "domain": {"name": "<account name>"} (or "id").',
    });
  }
  const account = Object.values(state.accounts).find((a) =>
    domain.id !== undefined ? a.id === domain.id : a.name === domain.name,
  );
  return account ? findIamUserByName(state, account.id, input.name) : undefined;
}

/** Project wins over domain; nothing means unscoped (docs/reference/huawei-iam-api.md §3.1). */
export function resolveScope(
  state: TenantDoc,
  user: UserRecord,
  scope: ScopeRef | undefined,
): TokenScope {
  if (scope?.project) {
    const project = findProject(state, user.domain_id, scope.project);
    if (!project)
      throw unauthorized(
        `No project ${JSON.stringify(scope.project)} in the user's account; list them with GET /v3/auth/projects.`,
      );
    return { type: 'project', project_id: project.id };
  }
  if (scope?.domain) {
    const account = state.accounts[user.domain_id];
    const matches =
      scope.domain.id !== undefined
        ? scope.domain.id === account?.id
        : scope.domain.name === account?.name;
    if (!matches) throw unauthorized("The domain scope must be the user's own account.");
    return { type: 'domain' };
  }
  return { type: 'unscoped' };
}

/** A live token by its string; expired ones are returned with `expired: true`. */
export function findToken(
  state: TenantDoc,
  id: string,
  ctx: DomainContext,
): { token: TokenRecord; expired: boolean } | undefined {
  const token = ownRecord(state.tokens, id);
  if (!token) return undefined;
  return { token, expired: isExpired(token, ctx) };
}
