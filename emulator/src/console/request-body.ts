/**
 * @module console/request-body
 * The console API's body rules: at most CONSOLE_MAX_BODY_BYTES (the adapters read bodies as raw
 * bytes, never inflated, like the Huawei paths), parsed as JSON, none on a GET. A body the adapter
 * could not take — too large, compressed, cut off — becomes a ConsoleError, so it is answered in
 * the console's JSON shape with `X-Request-Id` and journaled like any other refusal.
 */
import type { ApiRequest } from '../http/api.js';
import type { BodyRefusal } from '../http/body-errors.js';
import { ConsoleError } from './console-error.js';

/** The console only sends small JSON bodies (logins, descriptions, codes). */
export const CONSOLE_MAX_BODY_BYTES = 1024 * 1024;

/** A console body over its limit (the adapters' own limit is the Huawei gateway's, 12 MB). */
export const overLimit = (req: ApiRequest): BodyRefusal | null =>
  req.body.length > CONSOLE_MAX_BODY_BYTES ? { kind: 'too-large' } : null;

/** The ConsoleError for a body the adapter could not take. */
export function consoleBodyError(refusal: BodyRefusal): ConsoleError {
  if (refusal.kind === 'too-large') {
    return new ConsoleError(
      'bodyTooLarge',
      `The body is larger than ${CONSOLE_MAX_BODY_BYTES} bytes; console API bodies are small JSON objects.`,
    );
  }
  if (refusal.kind === 'compressed') {
    return new ConsoleError(
      'bodyEncodingUnsupported',
      'Compressed bodies (Content-Encoding) are not accepted; send plain JSON.',
    );
  }
  return new ConsoleError('badRequest', `The body could not be read: ${refusal.reason}.`);
}

/**
 * The JSON body of a console call (an empty body is `{}`); a GET takes none, and any body there is
 * refused, never silently ignored. `path` names the call in the error (relative to /console-api).
 */
export function consoleBody(req: ApiRequest, path: string): unknown {
  if (req.method === 'GET') {
    if (req.body.length > 0)
      throw new ConsoleError(
        'badRequest',
        `GET ${path} takes no body; send the request without one.`,
      );
    return undefined;
  }
  const text = Buffer.from(req.body.buffer, req.body.byteOffset, req.body.length)
    .toString('utf8')
    .trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConsoleError('badRequest', `The body is not valid JSON: ${(e as Error).message}.`);
  }
}
