/**
 * @module messages/parse-request
 * Turns an `unknown` message into a typed request, or throws BAD_MESSAGE naming what was wrong.
 * Each branch rebuilds the request from checked fields only.
 */
import { HEX32_RE } from '@iam-testbed/shared';
import { ACCESS_KEY_RE } from '@iam-testbed/shared';
import type { MintAuth, MintRequest } from '../keys/mint';
import { METHODS, type UserRequest } from '../signing/user-request';
import { parseCapturedKey } from './parse-key';
import { parseScrapeResult } from './parse-scrape';
import type { BackgroundRequest } from './protocol';
import { arr, bool, fail, num, obj, oneOf, optStr, str } from './shape';

const SECRET = { max: 256, re: /^\S+$/ };

function parseAuth(v: unknown): MintAuth {
  const o = obj(v, 'auth');
  if (o.kind === 'token')
    return { kind: 'token', token: str(o.token, 'auth.token', { max: 16384, re: /^\S+$/ }) };
  if (o.kind !== 'aksk') fail('auth.kind must be "aksk" or "token"');
  const domainId = optStr(o.domainId, 'auth.domainId', { re: HEX32_RE });
  return {
    kind: 'aksk',
    ak: str(o.ak, 'auth.ak', SECRET),
    sk: str(o.sk, 'auth.sk', SECRET),
    ...(domainId ? { domainId } : {}),
  };
}

function parseMint(v: unknown): MintRequest {
  const o = obj(v, 'request');
  return {
    endpoint: str(o.endpoint, 'request.endpoint', { max: 2048 }),
    durationSeconds: num(o.durationSeconds, 'request.durationSeconds', 0, 1e7),
    auth: parseAuth(o.auth),
  };
}

function parseUserRequest(v: unknown): UserRequest {
  const o = obj(v, 'request');
  const headers = arr(o.headers, 'request.headers', 100).map((h, i): [string, string] => {
    const pair = arr(h, `request.headers[${i}]`, 2);
    return [
      str(pair[0], 'header name', { max: 256 }),
      str(pair[1], 'header value', { max: 16384 }),
    ];
  });
  return {
    method: oneOf(o.method, 'request.method', METHODS),
    url: str(o.url, 'request.url', { max: 8192 }),
    headers,
    body: str(o.body, 'request.body', { max: 1024 * 1024 }),
  };
}

export function parseBackgroundRequest(v: unknown): BackgroundRequest {
  const o = obj(v, 'message');
  switch (o.type) {
    case 'credentials/read':
      return { type: 'credentials/read', result: parseScrapeResult(o.result) };
    case 'lastRead/list':
    case 'keys/list':
      return { type: o.type };
    case 'keys/store':
      return { type: 'keys/store', key: parseCapturedKey(o.key) };
    case 'keys/mint':
      return { type: 'keys/mint', request: parseMint(o.request) };
    case 'keys/delete':
      return { type: 'keys/delete', access: str(o.access, 'access', { re: ACCESS_KEY_RE }) };
    case 'sign':
      return {
        type: 'sign',
        access: str(o.access, 'access', { re: ACCESS_KEY_RE }),
        request: parseUserRequest(o.request),
        send: bool(o.send, 'send'),
      };
    case 'clipboard/copied':
      return {
        type: 'clipboard/copied',
        digest: str(o.digest, 'digest', { re: /^[0-9a-f]{64}$/ }),
      };
    default:
      return fail('unknown message type');
  }
}
