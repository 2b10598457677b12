/**
 * @module The Huawei error bodies the suite expects, in one place.
 *
 * Sources: docs/reference/huawei-iam-api.md §1.1 (quota), §7.2–7.4 (IAM and APIG codes and texts), and the
 * emulator's `docs/errors.md` / `docs/deviations.md` for every ⚠ UNCONFIRMED choice.
 */

export interface ExpectedError {
  status: number;
  body: Record<string, unknown>;
}

const AUTH = 'Incorrect IAM authentication information: ';

/** The quota error exactly as [OTC] and the intl page document it (§1.1). */
export const QUOTA_EXCEEDED: ExpectedError = {
  status: 400,
  body: { error: { message: 'akSkNumExceed', code: 400, title: 'Bad Request' } },
};

/** Generic IAM 403 (§7.3); ⚠ UNCONFIRMED as the body for a refused key operation. */
export const FORBIDDEN: ExpectedError = {
  status: 403,
  body: {
    error_msg: 'You are not authorized to perform the requested action.',
    error_code: 'IAM.0002',
  },
};

export const APIGW_AUTH = 'APIGW.0301';

/** An expired user token on any API (APIGW.0307, §7.4 and §3.1). */
export const TOKEN_MUST_BE_UPDATED: ExpectedError = {
  status: 401,
  body: { error_code: 'APIGW.0307', error_msg: 'The token must be updated.' },
};

/** Keystone 401 (IAM.0001 text, §7.2): wrong password, refused id token. */
export const KEYSTONE_UNAUTHORIZED: ExpectedError = {
  status: 401,
  body: {
    error: {
      code: 401,
      message: 'The request you have made requires authentication.',
      title: 'Unauthorized',
    },
  },
};

/** Keystone 403 (IAM.0002 text, §7.2). */
export const KEYSTONE_FORBIDDEN: ExpectedError = {
  status: 403,
  body: {
    error: {
      code: 403,
      message: 'You are not authorized to perform the requested action.',
      title: 'Forbidden',
    },
  },
};

/** IAM-shaped 404 (IAM.0004, §7.3), used by the /v3.0/OS-USER paths. */
export const iamNotFound = (target: string, id: string): ExpectedError => ({
  status: 404,
  body: { error_code: 'IAM.0004', error_msg: `Could not find ${target}: ${id}.` },
});

/** Keystone 404 (IAM.0004 text, §7.2): `Could not find credential: <AK>.` and the like. */
export const keystoneNotFound = (target: string, id: string): ExpectedError => ({
  status: 404,
  body: { error: { code: 404, message: `Could not find ${target}: ${id}.`, title: 'Not Found' } },
});

/**
 * `duration_seconds` outside 900–86400: one Keystone 400 for every bad value (issue 4). The
 * text is the emulator's (⚠ UNCONFIRMED on Huawei, §10), in IAM.0073's words.
 */
export const durationInvalid = (value: string | number) => ({
  status: 400,
  code: 400,
  msg: `Invalid input for field 'duration_seconds'. The value is '${value}'. It must be an integer from 900 to 86400 (15 minutes to 24 hours).`,
});

/** v5 refusals (IAM v5 error-code page): `PAP5.0001 access denied: <why>`. */
export const V5_FORBIDDEN = { status: 403, code: 'PAP5.0001', msg: /^access denied: \S/ };

/** ⚠ UNCONFIRMED v5 quota error: the emulator's documented choice. */
export const V5_QUOTA = {
  status: 400,
  code: 'IAM.0007',
  msg: 'Request parameter access_key is invalid. A user can have at most 2 access keys (inactive ones count); delete one first.',
};

/** APIGW.0301 texts (§7.4). The unconfirmed ones are matched by their documented prefix. */
export const apigwMsg = {
  unknownAk: (ak: string) => `${AUTH}Get secretKey failed,ak:${ak},err:ak not exist`,
  badSignature: (canonical: string) =>
    `${AUTH}verify aksk signature fail, canonicalRequest:${canonical}`,
  locked: `${AUTH}AK access failed to reach the limit,forbidden.`,
  /** §7.4 `token expires, expires_at: xxx`, used for an expired temporary key */
  tokenExpired: (expiresAt: string) => `${AUTH}token expires, expires_at: ${expiresAt}`,
  /** ⚠ UNCONFIRMED (§10): the text of IAM.1107, the emulator's documented choice */
  inactive: (ak: string) => `${AUTH}The access key ${ak} is inactive.`,
  /** §7.4 "decrypt token fail": a security token (or X-Auth-Token) that is not the right one */
  badToken: `${AUTH}decrypt token fail`,
  /** modelled on "x-auth-token not found" (§7.4): a temporary AK sent without its security token */
  securityTokenMissing: `${AUTH}x-security-token not found`,
  anyAuthFailure: new RegExp(`^${AUTH}`),
  /** ⚠ UNCONFIRMED text (§10): the emulator's documented choice */
  missingDate: new RegExp(`^${AUTH}.*X-Sdk-Date`),
  /** ⚠ UNCONFIRMED for 0301: modelled on APIGW.0303's text (§7.4) */
  skew: (sdkDate: string) =>
    new RegExp(`^${AUTH}signature expired, signature time:${sdkDate},server time:\\d{8}T\\d{6}Z$`),
};

/** What the Node SDK turns a body into (docs/reference/sdk-wire.md §6): `error.code ?? error_code`, `error.message ?? error_msg`. */
export function sdkView(e: ExpectedError): { status: number; code: string | number; msg: string } {
  const nested = e.body['error'] as { code?: string | number; message?: string } | undefined;
  return {
    status: e.status,
    code: (nested?.code ?? e.body['error_code']) as string | number,
    msg: (nested?.message ?? e.body['error_msg']) as string,
  };
}

/**
 * A resource of another account (or none at all): 404, so an account cannot probe for
 * another's keys. ⚠ UNCONFIRMED on Huawei; see docs/deviations.md.
 */
export const NOT_FOUND_STATUS = 404;
