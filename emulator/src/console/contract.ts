/**
 * @module The console API contract: JSON bodies of the same-origin `/console-api/*` calls the
 * emulated console (emulator/web) makes. Pure types and constants, shared by the server and
 * the Preact client, so neither side can drift.
 *
 * This is the emulator's own API, not Huawei's: the real console's internal calls are not public
 * (docs/reference/console-and-extension.md §2.7). Every handler behind it calls the domain functions the Huawei
 * paths use, so the rules are the same.
 */
import type { SecurityTokenResponse } from '@iam-testbed/shared';

export type ConsoleLocale = 'en-us' | 'zh-cn';
export const CONSOLE_LOCALES: readonly ConsoleLocale[] = ['en-us', 'zh-cn'];

/** Base path of the console API. */
export const CONSOLE_API_BASE = '/console-api';
/** Header carrying the per-session CSRF token on every state-changing call. */
export const CSRF_HEADER = 'x-console-csrf';

/** `admin`: the domain owner or a member of the `admin` group (docs/reference/huawei-iam-api.md §5.4). */
export type ConsoleUserKind = 'admin' | 'iam_user' | 'federated';

export interface ConsoleUser {
  id: string;
  name: string;
  kind: ConsoleUserKind;
  domain: { id: string; name: string };
}

/** `GET /console-api/session` (always 200). */
export interface SessionInfo {
  authenticated: boolean;
  /** Send back in the CSRF header; bound to the browser's session cookie. */
  csrf_token: string;
  user?: ConsoleUser;
  /** ISO time on the emulator clock. */
  expires_at?: string;
  /** Regions where the account has projects (the console's region switch). */
  regions?: RegionRef[];
}

/** `POST /console-api/login`. */
export interface PasswordLoginRequest {
  account_name: string;
  user_name: string;
  password: string;
}

/**
 * `POST /console-api/login/federated`. The emulator stands in for the enterprise IdP: it signs in
 * the named federated user of the account without a password (documented deviation, like the
 * Firebase Auth emulator's fake IdP screen).
 */
export interface FederatedLoginRequest {
  account_name: string;
  user_name: string;
}

export interface RegionRef {
  id: string;
  /** From the shared REGIONS catalogue; the ID itself when the region is not catalogued. */
  name: Record<ConsoleLocale, string>;
}

export interface ProjectRow {
  id: string;
  name: string;
  region: RegionRef;
  /** The region's default project is named after the region ID; sub-projects have a parent. */
  parent_id: string | null;
}

/** `GET /console-api/api-credential`: what the API Credentials tab shows. */
export interface ApiCredentialInfo {
  user: { id: string; name: string };
  domain: { id: string; name: string };
  projects: ProjectRow[];
}

export type AccessKeyStatus = 'active' | 'inactive';

export interface AccessKeyRow {
  access: string;
  description: string;
  status: AccessKeyStatus;
  create_time: string;
  last_use_time: string;
}

/** Why the page may not offer key management. */
export type ManageDeniedReason = 'admin_only' | 'federated';

export type VerificationChannel = 'sms' | 'email' | 'vmfa' | 'password';

export interface VerificationOption {
  channel: VerificationChannel;
  /** Masked phone number or e-mail address the code goes to; absent for vmfa and password. */
  destination?: string;
}

/** What a protected operation needs before it runs. */
export interface ProtectionInfo {
  /** Operation protection is on and applies to this user. */
  required: boolean;
  options: VerificationOption[];
}

/** `GET /console-api/access-keys`. */
export interface AccessKeyList {
  access_keys: AccessKeyRow[];
  /** Permanent keys per user (2). */
  quota: number;
  manage: { allowed: boolean; reason?: ManageDeniedReason };
  protection: ProtectionInfo;
}

export type ProtectedOperation = 'create_access_key' | 'update_access_key' | 'delete_access_key';

/** Proof for a protected operation: a code "sent" by the channel, or the user's password. */
export type Verification =
  { channel: 'sms' | 'email' | 'vmfa'; code: string } | { channel: 'password'; password: string };

/** `POST /console-api/verification-codes`: "send" a code; it is listed by the control plane. */
export interface SendCodeRequest {
  channel: 'sms' | 'email' | 'vmfa';
  operation: ProtectedOperation;
}

export interface SendCodeResponse {
  channel: 'sms' | 'email' | 'vmfa';
  destination?: string;
  expires_at: string;
}

/** `POST /console-api/access-keys`. */
export interface CreateAccessKeyRequest {
  description: string;
  verification?: Verification;
}

/**
 * 201 from `POST /console-api/access-keys`: the only time the secret is shown. The ticket allows
 * exactly one download of `credentials.csv`.
 */
export interface CreatedAccessKey {
  access_key: AccessKeyRow;
  secret: string;
  user_name: string;
  download_ticket: string;
}

/** `PUT /console-api/access-keys/{ak}`. */
export interface UpdateAccessKeyRequest {
  status?: AccessKeyStatus;
  description?: string;
  verification?: Verification;
}

/** `DELETE /console-api/access-keys/{ak}` carries this body (verification, when required). @public */
export interface DeleteAccessKeyRequest {
  verification?: Verification;
}

/** `POST /console-api/access-keys/download`: answers `text/csv` once, then 410. @public */
export interface DownloadRequest {
  ticket: string;
}

/** Validity limits of a temporary key and the key quota, defined once in the shared package. */
export {
  PERMANENT_KEYS_PER_USER,
  TEMP_KEY_MAX_SECONDS,
  TEMP_KEY_MIN_SECONDS,
} from '@iam-testbed/shared';

/** `POST /console-api/temporary-access-keys`. @public */
export interface TemporaryKeyRequest {
  duration_seconds: number;
}

/** 201 from `POST /console-api/temporary-access-keys`: the same credential the Huawei API returns. */
export type TemporaryKey = SecurityTokenResponse['credential'];

/** `GET|PUT /console-api/security-settings` (administrators). */
export interface SecuritySettings {
  operation_protection: boolean;
  /** `self`: the operator verifies (admin_check off); `designated`: a named person verifies. */
  verifier: 'self' | 'designated';
  /** Where the designated person's code goes. */
  scene: 'mobile' | 'email' | '';
  mobile: string;
  email: string;
  /** `allow_user.manage_accesskey`: IAM users may manage their own access keys. */
  allow_user_manage_accesskey: boolean;
}

/**
 * Every console API error body. `error_code` is Huawei's where the domain raised a Huawei error
 * (`akSkNumExceed`, `IAM.0002`, …) and `CONSOLE.*` for console-only conditions.
 */
export interface ConsoleErrorBody {
  error_code: string;
  error_msg: string;
}

/**
 * Every `CONSOLE.*` code, by key. The one catalogue: each has one HTTP status
 * (`CONSOLE_ERROR_STATUS`, console-error.ts) and a row in docs/errors.md ("Console"), which
 * console-error.test.ts checks.
 */
export const CONSOLE_ERRORS = {
  notSignedIn: 'CONSOLE.NOT_SIGNED_IN',
  sessionExpired: 'CONSOLE.SESSION_EXPIRED',
  csrf: 'CONSOLE.CSRF',
  badLogin: 'CONSOLE.BAD_LOGIN',
  badRequest: 'CONSOLE.BAD_REQUEST',
  bodyTooLarge: 'CONSOLE.BODY_TOO_LARGE',
  bodyEncodingUnsupported: 'CONSOLE.BODY_ENCODING_UNSUPPORTED',
  verificationRequired: 'CONSOLE.VERIFICATION_REQUIRED',
  verificationFailed: 'CONSOLE.VERIFICATION_FAILED',
  tooManyAttempts: 'CONSOLE.TOO_MANY_ATTEMPTS',
  downloadUsed: 'CONSOLE.DOWNLOAD_USED',
  downloadExpired: 'CONSOLE.DOWNLOAD_EXPIRED',
  federatedOnly: 'CONSOLE.FEDERATED_ONLY',
  notFound: 'CONSOLE.NOT_FOUND',
  methodNotAllowed: 'CONSOLE.METHOD_NOT_ALLOWED',
} as const;

/**
 * Huawei's `credentials.csv` header. ⚠ UNCONFIRMED: the real file's exact header text; this is the
 * layout commonly reported for Huawei's download (user name, AK, SK, one row), kept in one place.
 */
export const CREDENTIALS_CSV_HEADER = ['User Name', 'Access Key Id', 'Secret Access Key'] as const;
