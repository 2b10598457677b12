/**
 * @module signing
 * SDK-HMAC-SHA256 (Huawei Cloud AK/SK request signing), isomorphic over WebCrypto.
 */
export * from './authorization.js';
export * from './canonical-headers.js';
export * from './canonical-query.js';
export * from './canonical-request.js';
export * from './canonical-uri.js';
export * from './check-sdk-date.js';
export * from './constant-time.js';
export * from './failures.js';
export * from './hash.js';
export * from './payload-hash.js';
export * from './request-url.js';
export * from './rfc3986.js';
export * from './sdk-date.js';
export * from './sign.js';
export * from './signing-crypto.js';
export * from './signing-error.js';
export * from './verify.js';
