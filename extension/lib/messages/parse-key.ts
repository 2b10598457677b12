/**
 * @module messages/parse-key
 * Temporary keys by shape: as captured from the page, and as held in storage.session.
 */
import { ACCESS_KEY_RE, SECRET_KEY_RE, SECURITY_TOKEN_RE } from '@iam-testbed/shared';
import type { HeldKey } from '../keys/held-key';
import type { ScrapedTemporaryKey } from '../scraper/temporary-key';
import { bool, num, obj, oneOf, optStr, str } from './shape';

const MAX_TIME = 8.64e15;

export function parseCapturedKey(v: unknown): ScrapedTemporaryKey {
  const o = obj(v, 'key');
  return {
    access: str(o.access, 'key.access', { re: ACCESS_KEY_RE }),
    secret: str(o.secret, 'key.secret', { re: SECRET_KEY_RE }),
    securityToken: str(o.securityToken, 'key.securityToken', { max: 16384, re: SECURITY_TOKEN_RE }),
    ...(o.expiresAt !== undefined
      ? { expiresAt: num(o.expiresAt, 'key.expiresAt', 0, MAX_TIME) }
      : {}),
  };
}

export function parseHeldKey(v: unknown): HeldKey {
  const o = obj(v, 'held key');
  const key = parseCapturedKey(o);
  const endpoint = optStr(o.endpoint, 'endpoint', { max: 2048 });
  return {
    access: key.access,
    secret: key.secret,
    securityToken: key.securityToken,
    expiresAt: num(o.expiresAt, 'expiresAt', 0, MAX_TIME),
    obtainedAt: num(o.obtainedAt, 'obtainedAt', 0, MAX_TIME),
    expiryKnown: bool(o.expiryKnown, 'expiryKnown'),
    source: oneOf(o.source, 'source', ['page', 'minted'] as const),
    ...(endpoint !== undefined ? { endpoint } : {}),
  };
}
