/**
 * @module @iam-testbed/shared
 *
 * Code shared by the emulator and the extension; isomorphic (WebCrypto, no `node:` imports).
 * **Signing** (SDK-HMAC-SHA256): `signRequest(req, {ak, sk, securityToken?}, {date?, signedHeaders?})`
 * → `SignedRequest {method, url, headers (incl. Authorization, X-Sdk-Date, host, X-Security-Token),
 * canonicalRequest, stringToSign, signature, authorization}`; `verifySignature({method, path,
 * rawQuery, headers (lower-case), body: Uint8Array}, secret, {now?, maxSkewSeconds? = 900, uriRule?})` →
 * `VerifyResult` (`{ok: true, access, signedHeaders, sdkDate, …}` or `{ok: false, failure:
 * {reason, message}, access?, canonicalRequest?, stringToSign?}`); `parseAuthorization(header)`
 * to get the AK before looking up its secret; `checkSdkDate(value, now, maxSkewSeconds)` to reject
 * stale requests first; `huaweiCanonicalRequestForMessage(creq)` for APIG-style `error_msg`
 * (`\n` → `|`, security, auth and subject tokens redacted). Failure reasons are the stable `SignatureFailureReason`
 * codes (`missing-authorization`, `unsupported-algorithm`, `malformed-authorization`,
 * `invalid-signed-headers`, `malformed-signature`, `missing-sdk-date`, `malformed-sdk-date`,
 * `sdk-date-not-signed`, `sdk-date-skew`, `signed-header-missing`, `signature-mismatch`). The pieces
 * (`canonicalUri`, `canonicalQuery`, `canonicalHeaders`, `buildCanonicalRequest`,
 * `buildStringToSign`, `hexSha256`, `hmacSha256Hex`, `payloadHash`, `rfc3986Encode`,
 * `formatSdkDate`, `parseSdkDate`, `constantTimeEqual`) are exported for debugging 401s.
 * `uriRule: 'node-sdk'` (sign and verify) reproduces the Node SDK on exotic path characters.
 * `signRequest` throws `SigningError {code}` for unusable input. Decisions: shared/README.md. **Regions**: `REGIONS`,
 * `regionById`, `isRegionId`, `iamEndpointFor`, `consoleHostFor`. **IDs**: `HEX32_RE`,
 * `ACCESS_KEY_RE`, `SECRET_KEY_RE`, `SDK_DATE_RE`, generators taking a `RandomBytes` source
 * (`newPermanentAccessKey`, `newTemporaryAccessKey`, `newSecretKey`, `newSecurityToken`,
 * `newHex32Id`) and `isEmulatorAccessKey`. **Wire**: IAM request/response body types, the three
 * error shapes, `HEADER_*` names and limits (`TEMP_KEY_*_SECONDS`, `PERMANENT_KEYS_PER_USER`, …).
 */
export * from './ids.js';
export * from './regions.js';
export * from './signing/index.js';
export * from './wire/index.js';
