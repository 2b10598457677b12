/**
 * @module SDK request objects built with the SDK's own model classes, as a user would write them
 * (the shapes mirror `sdk-probe/probe.mjs`). Kept here so scenario files stay about behaviour.
 */
import { iam, v5Model } from './sdk';

// ---------- v3 permanent keys ----------
export const createKey = (userId: string, description?: string) => {
  const option = new iam.CreateCredentialOption(userId);
  if (description !== undefined) option.withDescription(description);
  return new iam.CreatePermanentAccessKeyRequest().withBody(
    new iam.CreatePermanentAccessKeyRequestBody(option),
  );
};
export const listKeys = (userId?: string) => {
  const r = new iam.ListPermanentAccessKeysRequest();
  return userId === undefined ? r : r.withUserId(userId);
};
export const showKey = (ak: string) => new iam.ShowPermanentAccessKeyRequest(ak);
export const updateKey = (
  ak: string,
  change: { status?: 'active' | 'inactive'; description?: string },
) => {
  const option = new iam.UpdateCredentialOption();
  if (change.status) option.withStatus(change.status);
  if (change.description !== undefined) option.withDescription(change.description);
  return new iam.UpdatePermanentAccessKeyRequest(ak).withBody(
    new iam.UpdatePermanentAccessKeyRequestBody(option),
  );
};
export const deleteKey = (ak: string) => new iam.DeletePermanentAccessKeyRequest(ak);

// ---------- v3 temporary keys ----------
export const policyOf = (actions: string[]) =>
  new iam.ServicePolicy('1.1', [
    new iam.ServiceStatement(actions, 'Allow').withResource(['obs:*:*:object:*']),
  ]);

export const tempKeyByToken = (
  opts: {
    tokenId?: string;
    duration?: number;
    policy?: InstanceType<typeof iam.ServicePolicy>;
  } = {},
) => {
  const token = new iam.IdentityToken();
  if (opts.tokenId !== undefined) token.withId(opts.tokenId);
  if (opts.duration !== undefined) token.withDurationSeconds(opts.duration);
  const identity = new iam.TokenAuthIdentity(['token']).withToken(token);
  if (opts.policy) identity.withPolicy(opts.policy);
  return new iam.CreateTemporaryAccessKeyByTokenRequest().withBody(
    new iam.CreateTemporaryAccessKeyByTokenRequestBody(new iam.TokenAuth(identity)),
  );
};

export const tempKeyByAgency = (agencyName: string, domainId: string, duration?: number) => {
  const role = new iam.IdentityAssumerole(agencyName).withDomainId(domainId);
  if (duration !== undefined) role.withDurationSeconds(duration);
  role.withSessionUser(new iam.AssumeroleSessionuser().withName('session-user'));
  return new iam.CreateTemporaryAccessKeyByAgencyRequest().withBody(
    new iam.CreateTemporaryAccessKeyByAgencyRequestBody(
      new iam.AgencyAuth(new iam.AgencyAuthIdentity(['assume_role'], role)),
    ),
  );
};

// ---------- v3 tokens ----------
export type Scope =
  | { project: { name?: string; id?: string } }
  | { domain: { name?: string; id?: string } }
  | undefined;

export const passwordToken = (
  domainName: string,
  userName: string,
  password: string,
  scope?: Scope,
  nocatalog?: boolean,
) => {
  const auth = new iam.PwdAuth(
    new iam.PwdIdentity(
      ['password'],
      new iam.PwdPassword(
        new iam.PwdPasswordUser(new iam.PwdPasswordUserDomain(domainName), userName, password),
      ),
    ),
  );
  if (scope) auth.withScope(toAuthScope(scope));
  const r = new iam.KeystoneCreateUserTokenByPasswordRequest().withBody(
    new iam.KeystoneCreateUserTokenByPasswordRequestBody(auth),
  );
  return nocatalog ? r.withNocatalog('true') : r;
};

function toAuthScope(scope: NonNullable<Scope>) {
  if ('project' in scope) {
    const p = new iam.AuthScopeProject();
    if (scope.project.name) p.withName(scope.project.name);
    if (scope.project.id) p.withId(scope.project.id);
    return new iam.AuthScope().withProject(p);
  }
  const d = new iam.AuthScopeDomain();
  if (scope.domain.name) d.withName(scope.domain.name);
  if (scope.domain.id) d.withId(scope.domain.id);
  return new iam.AuthScope().withDomain(d);
}

/** `methods:["token"]` on /v3/auth/tokens: exchange a token for a project-scoped one. */
export const scopedTokenFromToken = (tokenId: string, projectId: string) =>
  new iam.KeystoneCreateScopedTokenRequest().withBody(
    new iam.KeystoneCreateScopedTokenRequestBody(
      new iam.ScopedTokenAuth(
        new iam.ScopedTokenIdentity(['token'], new iam.ScopedToken(tokenId)),
        new iam.TokenSocpeOption().withProject(new iam.ScopeProjectOption().withId(projectId)),
      ),
    ),
  );

export const validateToken = (subjectToken: string, nocatalog?: boolean) => {
  const r = new iam.KeystoneValidateTokenRequest(subjectToken);
  return nocatalog ? r.withNocatalog('true') : r;
};

// ---------- v3 discovery ----------
export const listProjects = (
  q: {
    domainId?: string;
    name?: string;
    enabled?: boolean;
    page?: number;
    perPage?: number;
    parentId?: string;
  } = {},
) => {
  const r = new iam.KeystoneListProjectsRequest();
  if (q.domainId !== undefined) r.withDomainId(q.domainId);
  if (q.name !== undefined) r.withName(q.name);
  if (q.parentId !== undefined) r.withParentId(q.parentId);
  if (q.enabled !== undefined) r.withEnabled(q.enabled);
  if (q.page !== undefined) r.withPage(q.page);
  if (q.perPage !== undefined) r.withPerPage(q.perPage);
  return r;
};

// ---------- v3 protect policy ----------
export interface AllowUser {
  manage_accesskey?: boolean;
  manage_email?: boolean;
  manage_mobile?: boolean;
  manage_password?: boolean;
}
export const showProtectPolicy = (domainId: string) =>
  new iam.ShowDomainProtectPolicyRequest(domainId);
export const updateProtectPolicy = (
  domainId: string,
  operationProtection: boolean,
  allow?: AllowUser,
  extra: { adminCheck?: string; scene?: string } = {},
) => {
  const option = new iam.ProtectPolicyOption(operationProtection);
  if (allow) {
    const body = new iam.AllowUserBody();
    if (allow.manage_accesskey !== undefined) body.withManageAccesskey(allow.manage_accesskey);
    if (allow.manage_email !== undefined) body.withManageEmail(allow.manage_email);
    if (allow.manage_mobile !== undefined) body.withManageMobile(allow.manage_mobile);
    if (allow.manage_password !== undefined) body.withManagePassword(allow.manage_password);
    option.withAllowUser(body);
  }
  if (extra.adminCheck) option.withAdminCheck(extra.adminCheck);
  if (extra.scene) option.withScene(extra.scene);
  return new iam.UpdateDomainProtectPolicyRequest(domainId).withBody(
    new iam.UpdateDomainProtectPolicyRequestBody(option),
  );
};

// ---------- v5 access keys (deep-path models, docs/reference/sdk-wire.md §1.1) ----------
type CreateV5 =
  typeof import('@huaweicloud/huaweicloud-sdk-iam/v5/model/CreateAccessKeyV5Request').CreateAccessKeyV5Request;
type ListV5 =
  typeof import('@huaweicloud/huaweicloud-sdk-iam/v5/model/ListAccessKeysV5Request').ListAccessKeysV5Request;
type LastUsedV5 =
  typeof import('@huaweicloud/huaweicloud-sdk-iam/v5/model/ShowAccessKeyLastUsedV5Request').ShowAccessKeyLastUsedV5Request;
type UpdateV5 =
  typeof import('@huaweicloud/huaweicloud-sdk-iam/v5/model/UpdateAccessKeyV5Request').UpdateAccessKeyV5Request;
type UpdateBodyV5 =
  typeof import('@huaweicloud/huaweicloud-sdk-iam/v5/model/UpdateAccessKeyReqBody').UpdateAccessKeyReqBody;
type DeleteV5 =
  typeof import('@huaweicloud/huaweicloud-sdk-iam/v5/model/DeleteAccessKeyV5Request').DeleteAccessKeyV5Request;

export const v5Create = (userId: string) =>
  new (v5Model<CreateV5>('CreateAccessKeyV5Request'))(userId);
export const v5List = (userId: string, page: { limit?: number; marker?: string } = {}) => {
  const r = new (v5Model<ListV5>('ListAccessKeysV5Request'))(userId);
  if (page.limit !== undefined) r.withLimit(page.limit);
  if (page.marker !== undefined) r.withMarker(page.marker);
  return r;
};
export const v5LastUsed = (userId: string, ak: string) =>
  new (v5Model<LastUsedV5>('ShowAccessKeyLastUsedV5Request'))(userId, ak);
export const v5Update = (userId: string, ak: string, status: 'active' | 'inactive') =>
  new (v5Model<UpdateV5>('UpdateAccessKeyV5Request'))(userId, ak).withBody(
    new (v5Model<UpdateBodyV5>('UpdateAccessKeyReqBody'))(status),
  );
export const v5Delete = (userId: string, ak: string) =>
  new (v5Model<DeleteV5>('DeleteAccessKeyV5Request'))(userId, ak);
