/**
 * @module http/auth/aksk
 * SDK-HMAC-SHA256 requests, the HTTP half: parse `Authorization`, find the key's tenant through
 * the index, ask the domain who the key stands for (domain/credentials.ts), refuse a locked-out
 * AK, verify the signature with the shared verifier (skew against the wall clock, architecture
 * "Time: two clocks"), then ask the domain which rule refuses what the request presents
 * (security token, key status and expiry, X-Domain-Id / X-Project-Id). Every failure is a 401
 * APIGW body with Huawei's text (docs/reference/huawei-iam-api.md §7.4, docs/errors.md).
 */
import {
  formatSdkDate,
  huaweiCanonicalRequestForMessage,
  parseAuthorization,
  verifySignature,
  type SignatureFailure,
} from '@iam-testbed/shared';
import {
  accessKeyHolder,
  assumedAgencyCaller,
  presentedKeyCheck,
  type Identified,
} from '../../domain/credentials.js';
import { IamError } from '../../domain/errors.js';
import type { Runtime } from '../../runtime.js';
import type { ApiRequest } from '../api.js';
import { claimsOf } from './claims.js';
import { NODE_SIGNING_CRYPTO } from './node-signing-crypto.js';
import { refusedOutright, type AuthCheck } from './outcome.js';
import { readTenant } from './tenant-read.js';

function signatureProblem(
  failure: SignatureFailure,
  req: ApiRequest,
  rt: Runtime,
  canonicalRequest?: string,
): IamError {
  switch (failure.reason) {
    case 'signature-mismatch':
      return new IamError(
        'AUTH_SIGNATURE_MISMATCH',
        { canonicalRequest: huaweiCanonicalRequestForMessage(canonicalRequest ?? '') },
        failure.message,
      );
    case 'sdk-date-skew':
      return new IamError(
        'AUTH_SDK_DATE_SKEW',
        {
          signatureTime: req.headers['x-sdk-date']?.trim() ?? '',
          serverTime: formatSdkDate(new Date(rt.wallClock.now())),
        },
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

/** Who `ak` stands for; an agency's key takes a second read, of the trusting account. */
async function keyHolder(rt: Runtime, ak: string): Promise<Identified> {
  const held = await readTenant(rt, await rt.store.findTenant('access_key', ak), (doc) =>
    accessKeyHolder(doc, ak),
  );
  if (!('assumed' in held)) return held;
  return readTenant(rt, held.assumed.agency.trust_domain_id, (doc) =>
    assumedAgencyCaller(doc, held.assumed),
  );
}

export async function checkAkSk(rt: Runtime, req: ApiRequest): Promise<AuthCheck> {
  const parsed = parseAuthorization(req.headers.authorization);
  if (!parsed.ok)
    return refusedOutright(
      'aksk',
      new IamError('AUTH_MALFORMED', { detail: parsed.failure.message }),
    );
  const ak = parsed.access;
  const base = { scheme: 'aksk' as const, access_key: ak };
  const holder = await keyHolder(rt, ak);
  const caller = holder.caller;
  if (!caller) return { ...base, ...holder };
  // Lock-out and signature are the gateway's work, not state: memory and the wall clock.
  if (rt.lockout.lockedUntil(ak) !== null) {
    const error = new IamError(
      'AUTH_AK_LOCKED',
      {},
      'Wait 5 minutes (emulator clock) after more than 5 consecutive failures.',
    );
    return { ...base, caller, refusal: { error, countsTowardLockout: false } };
  }
  const secret = caller.permanentKey?.secret ?? caller.temporaryKey?.secret ?? '';
  const verdict = await verifySignature(
    {
      method: req.method,
      path: req.path,
      rawQuery: req.rawQuery,
      headers: req.headers,
      body: req.body,
    },
    secret,
    { now: new Date(rt.wallClock.now()), authorization: parsed, crypto: NODE_SIGNING_CRYPTO },
  );
  if (!verdict.ok) {
    return {
      ...base,
      caller,
      refusal: {
        error: signatureProblem(verdict.failure, req, rt, verdict.canonicalRequest),
        countsTowardLockout: true,
      },
    };
  }
  // Verification is async: look the key up again, the domain refuses it if it was deleted meanwhile.
  const claims = claimsOf(req);
  const tenant = await rt.store.findTenant('access_key', ak);
  return {
    ...base,
    ...(await readTenant(rt, tenant, (doc) =>
      presentedKeyCheck(doc, ak, caller, claims, rt.clock),
    )),
  };
}
