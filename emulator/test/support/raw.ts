/**
 * @module Raw HTTP for what the SDK cannot send: tampered, skewed, unsigned or malformed requests.
 * Signing uses `signRequest` from `@iam-testbed/shared`; sending uses `node:http`, so exactly the
 * given bytes, path and headers go on the wire (fetch would add and normalise headers).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { signRequest } from '@iam-testbed/shared';
import type { KeyPair } from './clients';
import type { Wire } from './sdk';

export interface OutgoingRaw {
  method: string;
  /** request-target: path plus optional `?query`, sent verbatim */
  path: string;
  /** every header sent (besides Content-Length and Connection), lower-case names */
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawCall {
  method: string;
  path: string;
  body?: string | Buffer | object;
  headers?: Record<string, string>;
  /** sign with this key (add `domainId` for `X-Domain-Id`, `date` to sign at another time) */
  sign?: { key: KeyPair; domainId?: string; date?: Date; signedHeaders?: string[] };
  /** changes the request after signing: tampering in transit */
  tamper?: (req: OutgoingRaw) => void;
}

export interface RawResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** parsed body, or undefined when it is not JSON */
  json: Wire;
  requestId: string | undefined;
  /** what went on the wire (for predicting the server's canonical request) */
  sent: OutgoingRaw;
}

function bodyBytes(body: RawCall['body']): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

async function prepare(base: string, call: RawCall): Promise<OutgoingRaw> {
  const body = bodyBytes(call.body);
  const given: Record<string, string> = { 'content-type': 'application/json', ...call.headers };
  if (!call.sign) {
    return {
      method: call.method,
      path: call.path,
      headers: lowerCase({ host: new URL(base).host, ...given }),
      body,
    };
  }
  if (call.sign.domainId) given['X-Domain-Id'] = call.sign.domainId;
  const { key } = call.sign;
  const signed = await signRequest(
    { method: call.method, url: `${base}${call.path}`, headers: given, body },
    {
      ak: key.access,
      sk: key.secret,
      ...(key.securitytoken ? { securityToken: key.securitytoken } : {}),
    },
    {
      ...(call.sign.date ? { date: call.sign.date } : {}),
      ...(call.sign.signedHeaders ? { signedHeaders: call.sign.signedHeaders } : {}),
    },
  );
  return { method: call.method, path: call.path, headers: lowerCase(signed.headers), body };
}

function send(
  base: string,
  out: OutgoingRaw,
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      {
        hostname,
        port,
        method: out.method,
        path: out.path,
        headers: { ...out.headers, 'content-length': String(out.body.length) },
        agent: false,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    // A server may answer (413) and close before reading a huge body: a write error after the
    // response has started is expected then, not a failure.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.end(out.body);
  });
}

/** Sends one request to the emulator at `base` (e.g. `http://127.0.0.1:4567`). */
export async function raw(base: string, call: RawCall): Promise<RawResult> {
  const out = await prepare(base, call);
  call.tamper?.(out);
  const res = await send(base, out);
  let json: Wire;
  try {
    json = res.text === '' ? undefined : JSON.parse(res.text);
  } catch {
    json = undefined;
  }
  const rid = res.headers['x-request-id'];
  return { ...res, json, requestId: Array.isArray(rid) ? rid[0] : rid, sent: out };
}

/** The signed-header list the request carried in its Authorization header. */
export function signedHeadersOf(out: OutgoingRaw): string[] {
  const m = /SignedHeaders=([^,\s]+)/.exec(out.headers['authorization'] ?? '');
  return m?.[1]?.split(';') ?? [];
}
