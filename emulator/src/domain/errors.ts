/**
 * @module domain/errors
 * Every error the emulator can return, defined once: HTTP status, body shape, Huawei error code,
 * message template and where it comes from. `docs/errors.md` lists the same catalogue (a unit test
 * keeps them in step). Messages use Huawei's texts where a source gives them (docs/reference/huawei-iam-api.md
 * §7); `source: 'emulator'` marks our own choices (see docs/deviations.md).
 *
 * Body shapes (docs/reference/huawei-iam-api.md §7.1):
 * - `keystone`: `{"error":{"code":<status>,"message","title"}}` (/v3 Keystone, OS-CREDENTIAL)
 * - `iam`:      `{"error_code","error_msg"}` (/v3.0 OS-* extensions)
 * - `apig`:     `{"error_code","error_msg","request_id"}` (gateway: authentication, routing, size)
 * - `v5`:       `{"error_code","error_msg","request_id"}` (IAM v5 APIs)
 * - `control`:  `{"error_code","error_msg"}` with `IAMTB.*` codes (the emulator's own /_emulator)
 */

export type ErrorShape = 'keystone' | 'iam' | 'apig' | 'v5' | 'control';

export interface ErrorDef {
  status: number;
  shape: ErrorShape;
  /** Huawei `error_code` (unused by the keystone shape, whose `code` is the HTTP status). */
  code: string;
  /** Template; `{name}` is replaced by the parameter of that name. */
  message: string;
  /** Where the status/code/text comes from. */
  source: string;
}

const HW_AUTH = 'Incorrect IAM authentication information: ';
const SRC_74 = 'docs/reference/huawei-iam-api.md §7.4';

export const ERRORS = {
  // ── Gateway: authentication (401 APIGW.0301 unless noted) ──────────────────────────────────
  AUTH_MISSING: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}x-auth-token not found`,
    source: SRC_74,
  },
  AUTH_AK_NOT_FOUND: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}Get secretKey failed,ak:{ak},err:ak not exist`,
    source: SRC_74,
  },
  AUTH_SIGNATURE_MISMATCH: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}verify aksk signature fail, canonicalRequest:{canonicalRequest}`,
    source: SRC_74,
  },
  AUTH_MALFORMED: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}verify aksk signature fail, {detail}`,
    source: 'emulator (prefix from §7.4)',
  },
  AUTH_SDK_DATE_INVALID: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}{detail}`,
    source: 'emulator (UNCONFIRMED text, §10)',
  },
  AUTH_SDK_DATE_SKEW: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}signature expired, signature time:{signatureTime},server time:{serverTime}`,
    source: 'emulator (text modelled on APIGW.0303, §7.4; UNCONFIRMED for 0301)',
  },
  AUTH_AK_LOCKED: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}AK access failed to reach the limit,forbidden.`,
    source: SRC_74,
  },
  AUTH_AK_INACTIVE: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}The access key {ak} is inactive.`,
    source: 'emulator (text of IAM.1107, §7.3; UNCONFIRMED, §10)',
  },
  AUTH_TEMP_KEY_EXPIRED: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}token expires, expires_at: {expiresAt}`,
    source: SRC_74,
  },
  AUTH_SECURITY_TOKEN_INVALID: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}decrypt token fail`,
    source: SRC_74,
  },
  AUTH_SECURITY_TOKEN_MISSING: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}x-security-token not found`,
    source: 'emulator (modelled on "x-auth-token not found", §7.4)',
  },
  AUTH_TOKEN_INVALID: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}decrypt token fail`,
    source: SRC_74,
  },
  AUTH_TOKEN_EXPIRED: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0307',
    message: 'The token must be updated.',
    source: 'docs/reference/huawei-iam-api.md §7.4, §3.1',
  },
  AUTH_SCOPE_MISMATCH: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}{header} {value} does not belong to the account of this credential`,
    source: 'emulator',
  },
  AUTH_USER_DISABLED: {
    status: 401,
    shape: 'apig',
    code: 'APIGW.0301',
    message: `${HW_AUTH}Unauthorized`,
    source: 'docs/reference/huawei-iam-api.md §7.4 (observed text)',
  },

  // ── Gateway: routing and size ──────────────────────────────────────────────────────────────
  API_NOT_FOUND: {
    status: 404,
    shape: 'apig',
    code: 'APIGW.0101',
    message: 'The API does not exist or has not been published in the environment.',
    source: SRC_74,
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    shape: 'apig',
    code: 'APIGW.0101',
    message:
      'The API does not exist or has not been published in the environment. {method} is not supported on {path}; allowed: {allowed}.',
    source: 'emulator (real APIG answers 404 APIGW.0101)',
  },
  BODY_TOO_LARGE: {
    status: 413,
    shape: 'apig',
    code: 'APIGW.0201',
    message: 'Request entity too large.',
    source: 'docs/reference/huawei-iam-api.md §7.4, §8.4 (12 MB)',
  },
  BODY_ENCODING_UNSUPPORTED: {
    status: 415,
    shape: 'apig',
    code: 'IAMTB.0415',
    message: 'Content-Encoding {encoding} is not supported: send the body uncompressed.',
    source: 'emulator (UNCONFIRMED: how APIG treats a compressed request body is undocumented)',
  },

  // ── Keystone-shaped (/v3 and /v3.0/OS-CREDENTIAL) ──────────────────────────────────────────
  AK_QUOTA_EXCEEDED: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message: 'akSkNumExceed',
    source: 'docs/reference/huawei-iam-api.md §1.1 ([OTC] form, without the null fields)',
  },
  KEYSTONE_REQUIRED: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message: "'{key}' is a required property. {hint}",
    source: 'Keystone text (§7.1 agency example); hint: emulator',
  },
  KEYSTONE_INVALID: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message: "Invalid input for field '{key}'. The value is '{value}'. {hint}",
    source: 'IAM.0073 text (§7.3); hint: emulator',
  },
  KEYSTONE_UNKNOWN_FIELD: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message: "Additional properties are not allowed ('{key}' was unexpected). {hint}",
    source: 'Keystone jsonschema text; emulator',
  },
  KEYSTONE_BODY_INVALID: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message: 'Request body is invalid. {hint}',
    source: 'IAM.0011 text (§7.3); hint: emulator',
  },
  KEYSTONE_QUERY_UNKNOWN: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message: 'Request parameter {key} is invalid. {hint}',
    source: 'IAM.0007 text (§7.3); refusing unknown query parameters: emulator (UNCONFIRMED)',
  },
  TEMP_KEY_DURATION_INVALID: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message:
      "Invalid input for field 'duration_seconds'. The value is '{value}'. It must be an integer from 900 to 86400 (15 minutes to 24 hours).",
    source: 'emulator (UNCONFIRMED, §10); range from §2',
  },
  TEMP_KEY_POLICY_TOO_LONG: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message:
      "Invalid input for field 'policy'. The policy has {length} characters; at most 2048 are allowed.",
    source: 'limit from docs/reference/huawei-iam-api.md §2.1; text: emulator',
  },
  SUBJECT_TOKEN_MISSING: {
    status: 400,
    shape: 'keystone',
    code: '400',
    message: 'X-Subject-Token is invalid in the request.',
    source: 'IAM.0009 text (§7.3)',
  },
  KEYSTONE_UNAUTHORIZED: {
    status: 401,
    shape: 'keystone',
    code: '401',
    message: 'The request you have made requires authentication.',
    source: 'IAM.0001 text (§7.2)',
  },
  KEYSTONE_FORBIDDEN: {
    status: 403,
    shape: 'keystone',
    code: '403',
    message: 'You are not authorized to perform the requested action.',
    source: 'IAM.0002 text (§7.2)',
  },
  KEYSTONE_NOT_FOUND: {
    status: 404,
    shape: 'keystone',
    code: '404',
    message: 'Could not find {target}: {id}.',
    source: 'IAM.0004 text (§7.2); UNCONFIRMED for unknown AK (§10)',
  },

  // ── IAM-shaped (/v3.0/OS-USER, OS-SECURITYPOLICY, and forbidden key management) ────────────
  IAM_FORBIDDEN: {
    status: 403,
    shape: 'iam',
    code: 'IAM.0002',
    message: 'You are not authorized to perform the requested action.',
    source: 'docs/reference/huawei-iam-api.md §1.6 (UNCONFIRMED for key management), §7.3',
  },
  IAM_REQUIRED: {
    status: 400,
    shape: 'iam',
    code: 'IAM.0072',
    message: "'{key}' is a required property. {hint}",
    source: 'docs/reference/huawei-iam-api.md §6.1, §7.3; hint: emulator',
  },
  IAM_INVALID: {
    status: 400,
    shape: 'iam',
    code: 'IAM.0073',
    message: "Invalid input for field '{key}'. The value is '{value}'. {hint}",
    source: 'docs/reference/huawei-iam-api.md §6.1, §7.3; hint: emulator',
  },
  IAM_UNKNOWN_FIELD: {
    status: 400,
    shape: 'iam',
    code: 'IAM.0011',
    message: "Request body is invalid. Field '{key}' is not allowed. {hint}",
    source: 'IAM.0011 (§7.3); detail: emulator',
  },
  IAM_BODY_INVALID: {
    status: 400,
    shape: 'iam',
    code: 'IAM.0011',
    message: 'Request body is invalid. {hint}',
    source: 'IAM.0011 (§7.3); hint: emulator',
  },
  IAM_QUERY_UNKNOWN: {
    status: 400,
    shape: 'iam',
    code: 'IAM.0007',
    message: 'Request parameter {key} is invalid. {hint}',
    source: 'IAM.0007 (§7.3); refusing unknown query parameters: emulator (UNCONFIRMED)',
  },
  IAM_NOT_FOUND: {
    status: 404,
    shape: 'iam',
    code: 'IAM.0004',
    message: 'Could not find {target}: {id}.',
    source: 'IAM.0004 (§7.3)',
  },
  INTERNAL: {
    status: 500,
    shape: 'iam',
    code: 'IAM.0006',
    message: 'An unexpected error prevented the server from fulfilling your request.',
    source: 'IAM.0006 (§7.3)',
  },

  // ── IAM v5 (/v5/users/{id}/access-keys) ────────────────────────────────────────────────────
  V5_ACCESS_DENIED: {
    status: 403,
    shape: 'v5',
    code: 'PAP5.0001',
    message: 'access denied: {detail}',
    source: 'IAM v5 error-code page (api-iam5/ErrorCode)',
  },
  V5_QUOTA_EXCEEDED: {
    status: 400,
    shape: 'v5',
    code: 'IAM.0007',
    message:
      'Request parameter access_key is invalid. A user can have at most 2 access keys (inactive ones count); delete one first.',
    source: 'emulator (UNCONFIRMED: no documented v5 quota code)',
  },
  V5_NOT_FOUND: {
    status: 404,
    shape: 'v5',
    code: 'IAM.0004',
    message: 'Could not find {target}: {id}.',
    source: 'IAM.0004 (classic codes apply to v5, api-iam5/ErrorCode)',
  },
  V5_REQUIRED: {
    status: 400,
    shape: 'v5',
    code: 'IAM.0072',
    message: "'{key}' is a required property. {hint}",
    source: 'IAM.0072; hint: emulator',
  },
  V5_INVALID: {
    status: 400,
    shape: 'v5',
    code: 'IAM.0073',
    message: "Invalid input for field '{key}'. The value is '{value}'. {hint}",
    source: 'IAM.0073; hint: emulator',
  },
  V5_UNKNOWN_FIELD: {
    status: 400,
    shape: 'v5',
    code: 'IAM.0011',
    message: "Request body is invalid. Field '{key}' is not allowed. {hint}",
    source: 'IAM.0011; detail: emulator',
  },
  V5_BODY_INVALID: {
    status: 400,
    shape: 'v5',
    code: 'IAM.0011',
    message: 'Request body is invalid. {hint}',
    source: 'IAM.0011; hint: emulator',
  },
  V5_QUERY_UNKNOWN: {
    status: 400,
    shape: 'v5',
    code: 'IAM.0007',
    message: 'Request parameter {key} is invalid. {hint}',
    source:
      'IAM.0007 (classic codes apply to v5); refusing unknown query parameters: emulator (UNCONFIRMED)',
  },
  V5_INVALID_MARKER: {
    status: 400,
    shape: 'v5',
    code: 'PAP5.0010',
    message: 'invalid marker',
    source: 'IAM v5 error-code page (api-iam5/ErrorCode)',
  },

  // ── The emulator's control plane (/_emulator) ──────────────────────────────────────────────
  CONTROL_ORIGIN_REFUSED: {
    status: 403,
    shape: 'control',
    code: 'IAMTB.0001',
    message:
      'Control-plane requests from a web page are refused: Origin {origin} is not this emulator ({own}). Call /_emulator from a test or script, not from a browser page.',
    source: 'emulator (docs/reference/emulator-anchors.md §7.1)',
  },
  CONTROL_INVALID: {
    status: 400,
    shape: 'control',
    code: 'IAMTB.0002',
    message: "Invalid input for field '{key}': {hint}",
    source: 'emulator',
  },
  CONTROL_BODY_INVALID: {
    status: 400,
    shape: 'control',
    code: 'IAMTB.0003',
    message: 'Request body is invalid: {hint}',
    source: 'emulator',
  },
  CONTROL_CONFLICT: {
    status: 409,
    shape: 'control',
    code: 'IAMTB.0004',
    message: '{detail}',
    source: 'emulator',
  },
  CONTROL_NOT_FOUND: {
    status: 404,
    shape: 'control',
    code: 'IAMTB.0005',
    message: '{detail}',
    source: 'emulator',
  },
  CONTROL_TOKEN_REQUIRED: {
    status: 401,
    shape: 'control',
    code: 'IAMTB.0006',
    message:
      'This emulator was started with --control-token: send that token in the X-Iam-Testbed-Control-Token header.',
    source: 'emulator',
  },
  CONTROL_HOST_REFUSED: {
    status: 403,
    shape: 'control',
    code: 'IAMTB.0007',
    message:
      'Control-plane requests must name the emulator by a loopback or IP address (or its --host); Host {host} is refused to stop DNS-rebinding pages. Use http://127.0.0.1:<port>, or start with --control-token.',
    source: 'emulator',
  },
  CONTROL_CLOCK_FIXED: {
    status: 409,
    shape: 'control',
    code: 'IAMTB.0008',
    message:
      'The emulator clock cannot be moved: this emulator was given a clock without set/advance/freeze. Start it without a custom clock, or pass a ManualClock.',
    source: 'emulator',
  },
  CONTROL_STATE_INVALID: {
    status: 400,
    shape: 'control',
    code: 'IAMTB.0009',
    message: 'The state document was refused and nothing was changed: {detail}',
    source: 'emulator',
  },
  CONTROL_STARTING: {
    status: 503,
    shape: 'control',
    code: 'IAMTB.0010',
    message:
      'The emulator is still starting (opening, importing or seeding the store); retry shortly, or poll GET /_emulator/ready until it answers 200.',
    source: 'emulator',
  },
  CONTROL_METHOD_NOT_ALLOWED: {
    status: 405,
    shape: 'control',
    code: 'IAMTB.0011',
    message: '{method} is not supported on {path}; allowed: {allowed}.',
    source: 'emulator',
  },
  CONTROL_UNKNOWN_PATH: {
    status: 404,
    shape: 'control',
    code: 'IAMTB.0012',
    message: 'No control-plane endpoint at {path}; see GET /_emulator/openapi.json for the list.',
    source: 'emulator',
  },

  // ── Injected faults (/_emulator/faults); the rule may set its own status, error_code and error_msg ──
  FAULT_INJECTED: {
    status: 503,
    shape: 'apig',
    code: 'IAMTB.0500',
    message:
      'Fault injected by the emulator (rule {rule}); remove it with DELETE /_emulator/faults/{rule}.',
    source: 'emulator',
  },
} as const satisfies Record<string, ErrorDef>;

export type ErrorId = keyof typeof ERRORS;
export type ErrorParams = Readonly<Record<string, string | number>>;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Fills `{name}` placeholders; a missing parameter becomes '' and surplus spaces are trimmed. */
export function fillTemplate(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? '')).trimEnd();
}

/**
 * A Huawei-shaped API error. `id` is the stable internal code (logs, journal, docs); `hint` is
 * extra advice the emulator adds outside the Huawei body (response header and journal), so bodies
 * keep Huawei's exact texts.
 */
export class IamError extends Error {
  override readonly name = 'IamError';
  readonly def: ErrorDef;

  constructor(
    readonly id: ErrorId,
    readonly params: ErrorParams = {},
    readonly hint?: string,
  ) {
    super(fillTemplate(ERRORS[id].message, params));
    this.def = ERRORS[id];
  }

  get status(): number {
    return this.def.status;
  }

  get errorCode(): string {
    return this.def.shape === 'keystone' ? String(this.def.status) : this.def.code;
  }

  /** The response body in this error's Huawei shape. */
  toBody(requestId: string): unknown {
    const { shape, status, code } = this.def;
    if (shape === 'keystone')
      return { error: { code: status, message: this.message, title: TITLES[status] ?? 'Error' } };
    if (shape === 'apig' || shape === 'v5')
      return { error_code: code, error_msg: this.message, request_id: requestId };
    return { error_code: code, error_msg: this.message };
  }
}
