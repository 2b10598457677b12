/**
 * @module keys/held-key
 * A temporary access key held by the extension (storage.session only). The AK doubles as its
 * identifier: it is not secret, and a new key always has a new AK.
 */
import { TEMP_KEY_MIN_SECONDS } from '@iam-testbed/shared';
import type { ScrapedTemporaryKey } from '../scraper/temporary-key';

export interface HeldKey {
  access: string;
  secret: string;
  securityToken: string;
  /** ms since epoch, on this machine's clock */
  expiresAt: number;
  obtainedAt: number;
  /** false when the page showed no expiry and the minimum validity was assumed */
  expiryKnown: boolean;
  source: 'page' | 'minted';
  /** the IAM endpoint it was minted at */
  endpoint?: string;
}

/** True from the expiry instant on (`expiresAt <= now`, both on this machine's clock): the store drops such keys on read. */
export function isExpired(key: Pick<HeldKey, 'expiresAt'>, now: number): boolean {
  return key.expiresAt <= now;
}

/**
 * A key captured from the page. Without a readable expiry, assume the minimum validity (15 min)
 * from now: at worst the extension keeps an already-dead key for a while, and the server refuses it.
 */
export function heldFromCapture(key: ScrapedTemporaryKey, now: number): HeldKey {
  return {
    access: key.access,
    secret: key.secret,
    securityToken: key.securityToken,
    expiresAt: key.expiresAt ?? now + TEMP_KEY_MIN_SECONDS * 1000,
    obtainedAt: now,
    expiryKnown: key.expiresAt !== undefined,
    source: 'page',
  };
}
