/**
 * @module http/auth/aksk
 * SDK-HMAC-SHA256 requests: look the AK up, verify with the shared verifier (skew against the
 * wall clock), then check the security token, the key's status and expiry, and that
 * X-Domain-Id / X-Project-Id name the credential's own account. Every failure is a 401 APIGW
 * body with Huawei's text (huawei-iam-api.md §7.4, docs/errors.md).
 */
import {
  constantTimeEqual,
  formatSdkDate,
  huaweiCanonicalRequestForMessage,
  parseAuthorization,
  verifySignature,
  type SignatureFailure,
} from '@iam-testbed/shared';
import { IamError } from '../../domain/errors.js';
import { agencyCaller, userCaller, type Caller } from '../../domain/identity.js';
import { ownRecord, type AgencyRecord, type TemporaryKeyRecord } from '../../domain/state.js';
import { formatMicros } from '../../domain/time-format.js';
import type { Runtime } from '../../runtime.js';
import type { ApiRequest } from '../api.js';
import { NODE_SIGNING_CRYPTO } from './node-signing-crypto.js';
import { failed, type AuthCheck } from './outcome.js';

function signatureProblem(failure: SignatureFailure, req: ApiRequest, rt: Runtime, canonicalRequest?: string): IamError {
  switch (failure.reason) {
    case 'signature-mismatch':
      return new IamError('AUTH_SIGNATURE_MISMATCH', { canonicalRequest: huaweiCanonicalRequestForMessage(canonicalRequest ?? '') }, failure.message);
    case 'sdk-date-skew':
      return new IamError(
        'AUTH_SDK_DATE_SKEW',
        { signatureTime: req.headers['x-sdk-date']?.trim() ?? '', serverTime: formatSdkDate(new Date(rt.wallClock.now())) },
        failure.message,
      );
    case 'missing-sdk-date':
    case 'malformed-sdk-date':
    case 'sdk-date-not-signed':
      return new IamError('AUTH_SDK_DATE_INVALID', { detail: failure.message });
    default:
      return new IamError('AUTH_MALFORMED', { detail: failure.message });
  }
}

/** Checks after a valid signature; the first problem wins. */
async function credentialProblem(rt: Runtime, req: ApiRequest, caller: Caller): Promise<{ problem: IamError; counts: boolean } | null> {
  const sent = req.headers['x-security-token'];
  const temp = caller.temporaryKey;
  if (temp) {
    if (sent === undefined || sent === '') return { problem: new IamError('AUTH_SECURITY_TOKEN_MISSING', {}, `Temporary key ${temp.access} must be used with its X-Security-Token header.`), counts: true };
    if (!constantTimeEqual(sent, temp.security_token)) return { problem: new IamError('AUTH_SECURITY_TOKEN_INVALID', {}, `The X-Security-Token is not the one issued with ${temp.access}.`), counts: true };
    if (rt.clock.now() >= temp.expires_at) return { problem: new IamError('AUTH_TEMP_KEY_EXPIRED', { expiresAt: formatMicros(temp.expires_at) }, 'Get a new temporary key.'), counts: false };
  } else if (sent !== undefined) {
    return { problem: new IamError('AUTH_SECURITY_TOKEN_INVALID', {}, 'A permanent access key takes no X-Security-Token; remove the header.'), counts: true };
  }
  if (caller.permanentKey?.status === 'inactive') {
    return { problem: new IamError('AUTH_AK_INACTIVE', { ak: caller.permanentKey.access }, 'Enable the key (status "active") or use another.'), counts: false };
  }
  return await scopeProblem(rt, req, caller);
}

/** X-Domain-Id / X-Project-Id must belong to the credential's account. ⚠ UNCONFIRMED text. */
export async function scopeProblem(rt: Runtime, req: ApiRequest, caller: Caller): Promise<{ problem: IamError; counts: boolean } | null> {
  const domainId = req.headers['x-domain-id'];
  if (domainId !== undefined && domainId !== caller.domain_id) {
    return { problem: new IamError('AUTH_SCOPE_MISMATCH', { header: 'X-Domain-Id', value: domainId.slice(0, 64) }, `Use the account ID ${caller.domain_id}.`), counts: false };
  }
  const projectId = req.headers['x-project-id'];
  if (projectId !== undefined) {
    const project = await rt.store.read(caller.domain_id, (doc) => ownRecord(doc.projects, projectId));
    if (!project || project.domain_id !== caller.domain_id) {
      return { problem: new IamError('AUTH_SCOPE_MISMATCH', { header: 'X-Project-Id', value: projectId.slice(0, 64) }, 'Use a project of the credential\'s account (GET /v3/auth/projects).'), counts: false };
    }
  }
  return null;
}

type KeyLookup = { caller: Caller | null } | { agency: AgencyRecord | undefined; key: TemporaryKeyRecord };

/**
 * The caller an AK stands for: undefined when no key has it, null when its user (or agency) is
 * gone or disabled. A key of an agency acts for a user of the trusted account: a second tenant.
 */
export async function callerForAk(rt: Runtime, ak: string): Promise<Caller | null | undefined> {
  const tenant = await rt.store.findTenant('access_key', ak);
  if (tenant === undefined) return undefined;
  const found = await rt.store.read(tenant, (doc): KeyLookup | undefined => {
    const permanent = ownRecord(doc.permanent_keys, ak);
    if (permanent) {
      const user = ownRecord(doc.users, permanent.user_id);
      return { caller: user?.enabled ? userCaller(doc, user, { via: 'permanent-key', permanentKey: permanent }) : null };
    }
    const key = ownRecord(doc.temporary_keys, ak);
    if (!key) return undefined;
    if (key.principal.type === 'user') {
      const user = ownRecord(doc.users, key.principal.user_id);
      return { caller: user?.enabled ? userCaller(doc, user, { via: 'temporary-key', temporaryKey: key }) : null };
    }
    return { agency: ownRecord(doc.agencies, key.principal.agency_id), key };
  });
  if (found === undefined || 'caller' in found) return found?.caller;
  const { agency, key } = found;
  if (!agency || key.principal.type !== 'agency') return null;
  const assumedBy = key.principal.assumed_by;
  const user = await rt.store.read(agency.trust_domain_id, (doc) => ownRecord(doc.users, assumedBy));
  return user?.enabled && user.domain_id === agency.trust_domain_id ? agencyCaller(user, agency, key) : null;
}

export async function checkAkSk(rt: Runtime, req: ApiRequest): Promise<AuthCheck> {
  const parsed = parseAuthorization(req.headers.authorization);
  if (!parsed.ok) return failed('aksk', new IamError('AUTH_MALFORMED', { detail: parsed.failure.message }));
  const ak = parsed.access;
  const caller = await callerForAk(rt, ak);
  if (caller === undefined) return failed('aksk', new IamError('AUTH_AK_NOT_FOUND', { ak }, 'Check the AK; keys of this emulator start with EMUP (permanent) or EMUT (temporary).'), ak);
  if (caller === null) return failed('aksk', new IamError('AUTH_USER_DISABLED', {}, 'The key\'s user (or agency) no longer exists or is disabled.'), ak);
  const base = { scheme: 'aksk' as const, access_key: ak, caller };
  if (rt.lockout.lockedUntil(ak) !== null) {
    return { ...base, problem: new IamError('AUTH_AK_LOCKED', {}, 'Wait 5 minutes (emulator clock) after more than 5 consecutive failures.'), countsAsFailure: false };
  }
  const secret = caller.permanentKey?.secret ?? caller.temporaryKey?.secret ?? '';
  const verdict = await verifySignature(
    { method: req.method, path: req.path, rawQuery: req.rawQuery, headers: req.headers, body: req.body },
    secret,
    { now: new Date(rt.wallClock.now()), authorization: parsed, crypto: NODE_SIGNING_CRYPTO },
  );
  if (!verdict.ok) return { ...base, problem: signatureProblem(verdict.failure, req, rt, verdict.canonicalRequest), countsAsFailure: true };
  // Verification is async: the key may have been deleted meanwhile (the index says so at once).
  if ((await rt.store.findTenant('access_key', ak)) === undefined) return failed('aksk', new IamError('AUTH_AK_NOT_FOUND', { ak }), ak);
  const after = await credentialProblem(rt, req, caller);
  return { ...base, problem: after?.problem ?? null, countsAsFailure: after?.counts ?? false };
}
