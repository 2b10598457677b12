/**
 * @module console/request-body
 * The console API's request bodies: read as raw bytes (at most CONSOLE_MAX_BODY_BYTES, never
 * inflated, like the Huawei paths), then parsed as JSON. A body Express could not read — too
 * large, compressed, cut off — becomes a ConsoleError, so it is answered in the console's JSON
 * shape with `X-Request-Id` and journaled like any other refusal.
 */
import express, { type Request, type RequestHandler } from 'express';
import { ConsoleError } from './console-error.js';

/** The console only sends small JSON bodies (logins, descriptions, codes). */
export const CONSOLE_MAX_BODY_BYTES = 1024 * 1024;

/** Reads every body as bytes; `inflate: false`, so `Content-Encoding: gzip` is refused (415). */
export const rawBody = (): RequestHandler => express.raw({ type: () => true, limit: CONSOLE_MAX_BODY_BYTES, inflate: false });

/** The ConsoleError for a body-parser failure (`err.status`/`err.type` as body-parser sets them). */
export function unreadableBody(err: unknown): ConsoleError {
  const { status, type } = (err ?? {}) as { status?: number; type?: string };
  if (status === 413 || type === 'entity.too.large') {
    return new ConsoleError('bodyTooLarge', `The body is larger than ${CONSOLE_MAX_BODY_BYTES} bytes; console API bodies are small JSON objects.`);
  }
  if (type === 'encoding.unsupported') {
    return new ConsoleError('bodyEncodingUnsupported', 'Compressed bodies (Content-Encoding) are not accepted; send plain JSON.');
  }
  return new ConsoleError('badRequest', `The body could not be read: ${(err as Error | undefined)?.message ?? 'unknown error'}.`);
}

/** For calls that take no body (GET): any body is refused, never silently ignored. */
export function refuseBody(req: Request, call: string): undefined {
  const raw: unknown = req.body;
  if (Buffer.isBuffer(raw) && raw.length > 0) throw new ConsoleError('badRequest', `${call} takes no body; send the request without one.`);
  return undefined;
}

/** The JSON body; an empty body is `{}`. */
export function readBody(req: Request): unknown {
  const raw: unknown = req.body;
  if (raw === undefined || raw === null) return {};
  if (!Buffer.isBuffer(raw)) return raw;
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConsoleError('badRequest', `The body is not valid JSON: ${(e as Error).message}.`);
  }
}
