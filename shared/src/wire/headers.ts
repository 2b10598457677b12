/**
 * @module wire/headers
 * Header names as the SDKs write them on the wire. Node lower-cases received names; compare with
 * `.toLowerCase()` or use the `*_LC` forms.
 */

export const HEADER_SDK_DATE = 'X-Sdk-Date';
export const HEADER_SECURITY_TOKEN = 'X-Security-Token';
export const HEADER_DOMAIN_ID = 'X-Domain-Id';
export const HEADER_PROJECT_ID = 'X-Project-Id';
export const HEADER_AUTH_TOKEN = 'X-Auth-Token';
export const HEADER_SUBJECT_TOKEN = 'X-Subject-Token';
export const HEADER_REQUEST_ID = 'X-Request-Id';
export const HEADER_CONTENT_SHA256 = 'X-Sdk-Content-Sha256';
export const HEADER_AUTHORIZATION = 'Authorization';

/** Lower-case forms, as `IncomingMessage.headers` keys them. */
export const HEADERS_LC = {
  sdkDate: 'x-sdk-date',
  securityToken: 'x-security-token',
  domainId: 'x-domain-id',
  projectId: 'x-project-id',
  authToken: 'x-auth-token',
  subjectToken: 'x-subject-token',
  requestId: 'x-request-id',
  contentSha256: 'x-sdk-content-sha256',
  authorization: 'authorization',
  host: 'host',
} as const;
