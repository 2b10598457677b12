/**
 * @module signing/check-sdk-date
 * Presence, shape and clock skew of `X-Sdk-Date`. Exported on its own so a server can reject a
 * stale request before it looks up the access key.
 */
import { MAX_SDK_DATE_SKEW_SECONDS } from '../wire/limits.js';
import { signatureFailure, type SignatureFailure } from './failures.js';
import { formatSdkDate, parseSdkDate } from './sdk-date.js';

export type SdkDateCheck = { ok: true; date: Date } | { ok: false; failure: SignatureFailure };

/** Checks that the header is present and a valid `YYYYMMDDTHHMMSSZ` time. */
export function parseSdkDateHeader(value: string | undefined): SdkDateCheck {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    return {
      ok: false,
      failure: signatureFailure(
        'missing-sdk-date',
        'The request has no X-Sdk-Date header. Add "X-Sdk-Date: YYYYMMDDTHHMMSSZ" (UTC, e.g. 20240102T030405Z) and sign it.',
      ),
    };
  }
  const date = parseSdkDate(trimmed);
  if (!date) {
    return {
      ok: false,
      failure: signatureFailure(
        'malformed-sdk-date',
        `X-Sdk-Date "${trimmed.slice(0, 40)}" is not a valid UTC time in the form YYYYMMDDTHHMMSSZ (e.g. 20240102T030405Z).`,
      ),
    };
  }
  return { ok: true, date };
}

/**
 * Rejects a date more than `maxSkewSeconds` before or after `now` (exactly the limit is allowed).
 * Both sides are compared in whole seconds: the header has no milliseconds, so the server's are
 * dropped too. Rounding the difference instead moved the window by a second whenever the server
 * was past the half second. The window itself: shared/README.md, "Clock skew".
 */
export function checkSkew(
  date: Date,
  now: Date,
  maxSkewSeconds: number = MAX_SDK_DATE_SKEW_SECONDS,
): SdkDateCheck {
  const skewSeconds = Math.floor(date.getTime() / 1000) - Math.floor(now.getTime() / 1000);
  if (Math.abs(skewSeconds) <= maxSkewSeconds) return { ok: true, date };
  const direction = skewSeconds > 0 ? 'ahead of' : 'behind';
  return {
    ok: false,
    failure: signatureFailure(
      'sdk-date-skew',
      `X-Sdk-Date ${formatSdkDate(date)} is ${Math.abs(skewSeconds)} s ${direction} the server time ${formatSdkDate(now)}; ` +
        `at most ${maxSkewSeconds} s is allowed. Sync the client clock (or the emulator clock) and sign the request again.`,
    ),
  };
}

/**
 * Presence, shape and skew in one call.
 * @example checkSdkDate(req.headers['x-sdk-date'], new Date(clock.now()), 900)
 */
export function checkSdkDate(
  value: string | undefined,
  now: Date,
  maxSkewSeconds: number = MAX_SDK_DATE_SKEW_SECONDS,
): SdkDateCheck {
  const parsed = parseSdkDateHeader(value);
  return parsed.ok ? checkSkew(parsed.date, now, maxSkewSeconds) : parsed;
}
