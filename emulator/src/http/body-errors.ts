/**
 * @module http/body-errors
 * The two refusals of a request body before anything else runs, built once for both adapters
 * (node:http, msw): over 12 MB (413 APIGW.0201), and a compressed body (415 IAMTB.0415). The
 * signature covers the exact bytes the client sent, so the emulator never inflates a body before
 * hashing it; a `Content-Encoding` other than `identity` is refused instead (⚠ deviation:
 * whether APIG inflates is undocumented; the Huawei SDKs send bodies uncompressed).
 */
import { MAX_BODY_BYTES } from '@iam-testbed/shared';
import { IamError } from '../domain/errors.js';

export const bodyTooLarge = (): IamError =>
  new IamError('BODY_TOO_LARGE', {}, `Bodies are limited to ${MAX_BODY_BYTES} bytes (12 MB), as on Huawei's API gateway.`);

export const encodingUnsupported = (encoding: string): IamError =>
  new IamError(
    'BODY_ENCODING_UNSUPPORTED',
    { encoding: encoding.slice(0, 40) },
    'The signature covers the exact bytes sent, so the emulator never decompresses a body: drop the Content-Encoding header and send (and sign) the plain body.',
  );

/** The request's `Content-Encoding` when it is not `identity` (absent or empty counts as identity). */
export function compressedEncoding(headers: Readonly<Record<string, string | undefined>>): string | null {
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  return encoding === '' || encoding === 'identity' ? null : encoding;
}
