/**
 * @module wire/limits
 * Numeric rules of the real service, each with its source in docs/reference/huawei-iam-api.md.
 */

/** `duration_seconds` of a temporary key: 15 min … 24 h, default 15 min (§2). */
export const TEMP_KEY_MIN_SECONDS = 900;
export const TEMP_KEY_MAX_SECONDS = 86_400;
export const TEMP_KEY_DEFAULT_SECONDS = 900;
/** "Each IAM user can create a maximum of two access keys" (§1.1). ⚠ inactive keys assumed to count. */
export const PERMANENT_KEYS_PER_USER = 2;
/** Session `policy` of a temporary key: at most 2048 characters (§2.1). */
export const SESSION_POLICY_MAX_CHARS = 2048;
/** APIG rejects an `X-Sdk-Date` more than 15 min off (§8.4). */
export const MAX_SDK_DATE_SKEW_SECONDS = 900;
/** AK/SK-signed requests carry at most 12 MB of body (§8.4); larger gets APIGW.0201 / 413. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
/** Keystone token validity: 24 h (§3.1). */
export const TOKEN_VALIDITY_SECONDS = 86_400;
/** More than 5 consecutive AK/SK failures lock the AK for 5 minutes (§7.4). */
export const AKSK_FAILURES_BEFORE_LOCK = 5;
export const AKSK_LOCK_SECONDS = 300;
