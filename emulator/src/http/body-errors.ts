/**
 * @module http/body-errors
 * The refusals of a request body before anything else runs, found by either adapter (node:http,
 * msw) and handed to the dispatcher as a `BodyRefusal`, which each surface words in its own shape:
 * over 12 MB (413 APIGW.0201), a compressed body (415 IAMTB.0415), a body that could not be read
 * (400). The signature covers the exact bytes the client sent, so the emulator never inflates a
 * body before hashing it; a `Content-Encoding` other than `identity` is refused instead
 * (⚠ deviation: whether APIG inflates is undocumented; the Huawei SDKs send bodies uncompressed).
 */
import { MAX_BODY_BYTES } from '@iam-testbed/shared';
import { IamError } from '../domain/errors.js';

/** Why an adapter could not take a request's body. */
export type BodyRefusal =
  | { kind: 'too-large' }
  | { kind: 'compressed'; encoding: string }
  | { kind: 'unreadable'; reason: string };

export const bodyTooLarge = (): IamError =>
  new IamError(
    'BODY_TOO_LARGE',
    {},
    `Bodies are limited to ${MAX_BODY_BYTES} bytes (12 MB), as on Huawei's API gateway.`,
  );

export const encodingUnsupported = (encoding: string): IamError =>
  new IamError(
    'BODY_ENCODING_UNSUPPORTED',
    { encoding: encoding.slice(0, 40) },
    'The signature covers the exact bytes sent, so the emulator never decompresses a body: drop the Content-Encoding header and send (and sign) the plain body.',
  );

/** A body refusal on the Huawei API and the control plane. */
export function huaweiBodyError(refusal: BodyRefusal): IamError {
  if (refusal.kind === 'too-large') return bodyTooLarge();
  if (refusal.kind === 'compressed') return encodingUnsupported(refusal.encoding);
  return new IamError('KEYSTONE_BODY_INVALID', {
    hint: `The body could not be read: ${refusal.reason}.`,
  });
}

/** The refusal a body-parser error (`err.status`, `err.type`, `err.encoding`) stands for. */
export function bodyRefusalOf(err: unknown): BodyRefusal {
  const { status, type, encoding, message } = (err ?? {}) as {
    status?: number;
    type?: string;
    encoding?: string;
    message?: string;
  };
  if (type === 'encoding.unsupported')
    return { kind: 'compressed', encoding: encoding ?? 'unknown' };
  if (status === 413 || type === 'entity.too.large') return { kind: 'too-large' };
  return { kind: 'unreadable', reason: message ?? 'unknown error' };
}

/** The request's `Content-Encoding` when it is not `identity` (absent or empty counts as identity). */
export function compressedEncoding(
  headers: Readonly<Record<string, string | undefined>>,
): string | null {
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  return encoding === '' || encoding === 'identity' ? null : encoding;
}
