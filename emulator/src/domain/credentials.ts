/**
 * @module domain/credentials
 * Who a presented credential stands for, and which rule refuses it: pure functions of one
 * tenant's document and the emulator clock. The HTTP adapter (http/auth/*) parses the headers,
 * finds the tenant through the global index, verifies the signature and keeps the lock-out
 * count; everything decided by stored state is here. Texts: docs/reference/huawei-iam-api.md §7.4 (all 401
 * APIGW.0301, expired token 0307); the catalogue is domain/errors.ts, the table docs/errors.md.
 *
 * Two outcomes are kept apart because lenient mode treats them differently: a credential that
 * stands for nobody (`caller: null`: unknown key or token, user or agency gone or disabled) is
 * refused in every mode; a refusal with a caller (wrong security token, inactive or expired key,
 * expired token, foreign scope header) is let through in lenient mode and journaled.
 */
import { constantTimeEqual } from '@iam-testbed/shared';
import type { Clock } from './clock.js';
import { IamError } from './errors.js';
import { agencyCaller, userCaller, type Caller } from './identity.js';
import { ownRecord, type AgencyRecord, type TemporaryKeyRecord, type TenantDoc } from './state.js';
import { formatMicros } from './time-format.js';
import { isExpired } from './tokens.js';

/** A rule that refuses the credential. */
export interface Refusal {
  error: IamError;
  /**
   * Whether it counts towards the AK lock-out (domain/lockout.ts, docs/reference/huawei-iam-api.md §7.4): what a
   * caller gets wrong when presenting the key (signature, date, security token) counts; the
   * key's own state (inactive, expired) and a scope header do not.
   */
  countsTowardLockout: boolean;
}

/** What the request claims besides the credential itself (docs/reference/huawei-iam-api.md §8.4). */
export interface Claims {
  /** `X-Security-Token`: must travel with a temporary key, never with a permanent one. */
  securityToken: string | undefined;
  /** `X-Domain-Id`: the account the call is for. */
  domainId: string | undefined;
  /** `X-Project-Id`: a (sub-)project of that account. */
  projectId: string | undefined;
}

/** Who the credential stands for; `caller: null` is nobody, refused in every mode. */
export type Identified =
  { caller: Caller; refusal: Refusal | null } | { caller: null; refusal: Refusal };

/** A key minted by assume_role: the user who assumed it lives in the trusting account (a second tenant). */
export interface AssumedAgency {
  agency: AgencyRecord;
  key: TemporaryKeyRecord;
  assumedBy: string;
}

const nobody = (error: IamError): Identified => ({
  caller: null,
  refusal: { error, countsTowardLockout: false },
});
const refusal = (error: IamError, countsTowardLockout: boolean): Refusal => ({
  error,
  countsTowardLockout,
});

const akNotFound = (ak: string) =>
  new IamError(
    'AUTH_AK_NOT_FOUND',
    { ak },
    'Check the AK; keys of this emulator start with EMUP (permanent) or EMUT (temporary).',
  );
const holderGone = () =>
  nobody(
    new IamError(
      'AUTH_USER_DISABLED',
      {},
      "The key's user (or agency) no longer exists or is disabled.",
    ),
  );

/**
 * Who access key `ak` stands for, in `doc`, the tenant the index names (undefined when it names
 * none). A key cannot outlive the rights it was minted from: its user (or agency) gone or
 * disabled stands for nobody. An agency's key resolves in two steps (assumedAgencyCaller).
 */
export function accessKeyHolder(
  doc: TenantDoc | undefined,
  ak: string,
): Identified | { assumed: AssumedAgency } {
  const permanent = doc && ownRecord(doc.permanent_keys, ak);
  if (doc && permanent) {
    const user = ownRecord(doc.users, permanent.user_id);
    return user?.enabled
      ? {
          caller: userCaller(doc, user, { via: 'permanent-key', permanentKey: permanent }),
          refusal: null,
        }
      : holderGone();
  }
  const key = doc && ownRecord(doc.temporary_keys, ak);
  if (!doc || !key) return nobody(akNotFound(ak));
  const principal = key.principal;
  if (principal.type === 'user') {
    const user = ownRecord(doc.users, principal.user_id);
    return user?.enabled
      ? {
          caller: userCaller(doc, user, { via: 'temporary-key', temporaryKey: key }),
          refusal: null,
        }
      : holderGone();
  }
  const agency = ownRecord(doc.agencies, principal.agency_id);
  return agency ? { assumed: { agency, key, assumedBy: principal.assumed_by } } : holderGone();
}

/** The caller of an agency's key, in `trustDoc`, the trusting account's document (docs/reference/huawei-iam-api.md §2.2). */
export function assumedAgencyCaller(
  trustDoc: TenantDoc | undefined,
  assumed: AssumedAgency,
): Identified {
  const { agency, key, assumedBy } = assumed;
  const user = trustDoc && ownRecord(trustDoc.users, assumedBy);
  return user?.enabled && user.domain_id === agency.trust_domain_id
    ? { caller: agencyCaller(user, agency, key), refusal: null }
    : holderGone();
}

/**
 * The rules after a valid signature, in order; the first that fails wins. `doc` is the key's
 * tenant as it is now (undefined when the index no longer names one): the signature check is
 * asynchronous and the key may have been deleted meanwhile.
 */
export function presentedKeyCheck(
  doc: TenantDoc | undefined,
  ak: string,
  caller: Caller,
  claims: Claims,
  clock: Clock,
): Identified {
  if (!doc || (!ownRecord(doc.permanent_keys, ak) && !ownRecord(doc.temporary_keys, ak))) {
    return nobody(new IamError('AUTH_AK_NOT_FOUND', { ak }));
  }
  return {
    caller,
    refusal:
      securityTokenRefusal(caller, claims, clock) ??
      keyStatusRefusal(caller) ??
      scopeRefusal(doc, caller, claims),
  };
}

/**
 * A temporary key must come with its own security token and is valid until `expires_at` on the
 * emulator clock; a permanent key takes none (docs/reference/huawei-iam-api.md §2.3, §8.4).
 */
function securityTokenRefusal(caller: Caller, claims: Claims, clock: Clock): Refusal | null {
  const sent = claims.securityToken;
  const temp = caller.temporaryKey;
  if (!temp) {
    if (sent === undefined) return null;
    return refusal(
      new IamError(
        'AUTH_SECURITY_TOKEN_INVALID',
        {},
        'A permanent access key takes no X-Security-Token; remove the header.',
      ),
      true,
    );
  }
  if (sent === undefined || sent === '') {
    return refusal(
      new IamError(
        'AUTH_SECURITY_TOKEN_MISSING',
        {},
        `Temporary key ${temp.access} must be used with its X-Security-Token header.`,
      ),
      true,
    );
  }
  if (!constantTimeEqual(sent, temp.security_token)) {
    return refusal(
      new IamError(
        'AUTH_SECURITY_TOKEN_INVALID',
        {},
        `The X-Security-Token is not the one issued with ${temp.access}.`,
      ),
      true,
    );
  }
  if (clock.now() >= temp.expires_at) {
    return refusal(
      new IamError(
        'AUTH_TEMP_KEY_EXPIRED',
        { expiresAt: formatMicros(temp.expires_at) },
        'Get a new temporary key.',
      ),
      false,
    );
  }
  return null;
}

/** An inactive permanent key signs nothing (docs/reference/huawei-iam-api.md §1.4; text ⚠ UNCONFIRMED, §7.4). */
function keyStatusRefusal(caller: Caller): Refusal | null {
  const key = caller.permanentKey;
  if (key?.status !== 'inactive') return null;
  return refusal(
    new IamError(
      'AUTH_AK_INACTIVE',
      { ak: key.access },
      'Enable the key (status "active") or use another.',
    ),
    false,
  );
}

/**
 * `X-Domain-Id` / `X-Project-Id` must name the credential's own account and one of its projects
 * (docs/reference/huawei-iam-api.md §8.4). ⚠ UNCONFIRMED text (docs/deviations.md). `doc` is the caller's tenant.
 */
function scopeRefusal(doc: TenantDoc, caller: Caller, claims: Claims): Refusal | null {
  const { domainId, projectId } = claims;
  if (domainId !== undefined && domainId !== caller.domain_id) {
    return refusal(
      new IamError(
        'AUTH_SCOPE_MISMATCH',
        { header: 'X-Domain-Id', value: domainId.slice(0, 64) },
        `Use the account ID ${caller.domain_id}.`,
      ),
      false,
    );
  }
  if (projectId === undefined) return null;
  const project = ownRecord(doc.projects, projectId);
  if (project && project.domain_id === caller.domain_id) return null;
  const hint = "Use a project of the credential's account (GET /v3/auth/projects).";
  return refusal(
    new IamError(
      'AUTH_SCOPE_MISMATCH',
      { header: 'X-Project-Id', value: projectId.slice(0, 64) },
      hint,
    ),
    false,
  );
}

/**
 * Who Keystone token `tokenId` stands for, in `doc`, the tenant the index names (undefined when
 * it names none). A token is valid 24 h on the emulator clock (docs/reference/huawei-iam-api.md §3.1); an
 * expired one still names its user, so lenient mode can let it through.
 */
export function tokenCheck(
  doc: TenantDoc | undefined,
  tokenId: string,
  claims: Claims,
  clock: Clock,
): Identified {
  const token = doc && ownRecord(doc.tokens, tokenId);
  const user = doc && token && ownRecord(doc.users, token.user_id);
  if (!doc || !token || !user?.enabled) {
    return nobody(
      new IamError(
        'AUTH_TOKEN_INVALID',
        {},
        'The X-Auth-Token was not issued by this emulator (or its user is gone); get one with POST /v3/auth/tokens.',
      ),
    );
  }
  const caller = userCaller(doc, user, { via: 'token', token });
  if (isExpired(token, { clock })) {
    return {
      caller,
      refusal: refusal(
        new IamError(
          'AUTH_TOKEN_EXPIRED',
          {},
          'The token has expired (24 h on the emulator clock); get a new one.',
        ),
        false,
      ),
    };
  }
  return { caller, refusal: scopeRefusal(doc, caller, claims) };
}
