/**
 * @module wire/errors
 * The three error body shapes that coexist in Huawei IAM (docs/reference/huawei-iam-api.md §7.1). The Node SDK
 * reads `error.code ?? error_code` and `error.message ?? error_msg`, so all three surface as
 * `errorCode`/`errorMsg`; the request ID comes only from the `X-Request-Id` header.
 */

/** Keystone style, used by `/v3/...` and the AK quota error (`akSkNumExceed`). */
export interface KeystoneErrorBody {
  error: {
    /** the HTTP status as a number (or, in some IAM answers, an `IAM.xxxx` string) */
    code: number | string;
    message: string;
    title: string;
    /** Huawei's CN quota example adds these as null */
    error_msg?: string | null;
    error_code?: string | null;
  };
}

/** IAM "OS-*" style, used by `/v3.0/OS-*` extensions (protect policy, login protect). */
export interface IamErrorBody {
  error_code: string;
  error_msg: string;
  encoded_authorization_message?: string;
}

/** API Gateway style: authentication and signature failures before IAM is reached. */
export interface ApigErrorBody {
  error_code: string;
  error_msg: string;
  /** 32 hex; the SDK ignores it and reads the X-Request-Id header instead */
  request_id: string;
}

export type IamWireErrorBody = KeystoneErrorBody | IamErrorBody | ApigErrorBody;

/** HTTP reason phrases Keystone puts in `error.title`. */
export const HTTP_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function keystoneError(status: number, message: string): KeystoneErrorBody {
  return { error: { code: status, message, title: HTTP_TITLES[status] ?? 'Error' } };
}

export function iamError(errorCode: string, errorMsg: string): IamErrorBody {
  return { error_code: errorCode, error_msg: errorMsg };
}

export function apigError(errorCode: string, errorMsg: string, requestId: string): ApigErrorBody {
  return { error_code: errorCode, error_msg: errorMsg, request_id: requestId };
}

/** Distinguishes the shapes, e.g. for the extension showing an error. */
export function errorBodyKind(body: unknown): 'keystone' | 'apig' | 'iam' | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.error === 'object' && b.error !== null) return 'keystone';
  if (typeof b.error_code === 'string' && typeof b.error_msg === 'string')
    return 'request_id' in b ? 'apig' : 'iam';
  return null;
}

/** APIG error codes for authentication (§7.4). */
export const APIG_CODES = {
  IAM_AUTH_FAILED: 'APIGW.0301',
  NOT_AUTHORIZED: 'APIGW.0302',
  AUTH_FAILED: 'APIGW.0305',
  TOKEN_MUST_BE_UPDATED: 'APIGW.0307',
  THROTTLED: 'APIGW.0308',
  API_NOT_FOUND: 'APIGW.0101',
  ENTITY_TOO_LARGE: 'APIGW.0201',
} as const;

/** APIG's `error_msg` prefix for IAM-auth failures. */
export const APIG_IAM_AUTH_PREFIX = 'Incorrect IAM authentication information: ';
