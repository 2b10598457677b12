/**
 * @module scraper/temporary-key
 * Reads the temporary access key that the console's temporary-key page shows after the user
 * clicks Generate (federated users, docs/reference/console-and-extension.md §2.6). Only ever called on an
 * explicit click in the popup. ⚠ UNCONFIRMED labels: Huawei's step-by-step page is cut off, so
 * the labels below follow the API's field names and the console's usual wording.
 */
import { ACCESS_KEY_RE, SECRET_KEY_RE, SECURITY_TOKEN_RE } from '@iam-testbed/shared';
import { type Accept, findLabelledValue } from './locate';
import type { LabelSet } from './labels';
import { parseExpiry } from './expiry';

export interface ScrapedTemporaryKey {
  access: string;
  secret: string;
  securityToken: string;
  /** ms since epoch; absent when the page shows no readable expiry */
  expiresAt?: number;
}

export type TemporaryKeyScrape =
  | { ok: true; key: ScrapedTemporaryKey }
  | { ok: false; missing: TemporaryKeyField[]; message: string };

export type TemporaryKeyField = 'access' | 'secret' | 'securityToken';

const LABELS: Record<TemporaryKeyField | 'expiresAt', LabelSet> = {
  access: {
    'en-us': ['Access Key ID', 'Access Key', 'AK', 'Temporary AK'],
    'zh-cn': ['访问密钥ID', '访问密钥', '临时AK'],
  },
  secret: {
    'en-us': ['Secret Access Key', 'Secret Key', 'SK', 'Temporary SK'],
    'zh-cn': ['秘密访问密钥', '临时SK'],
  },
  securityToken: {
    'en-us': ['Security Token', 'SecurityToken'],
    'zh-cn': ['安全令牌', '临时安全令牌'],
  },
  expiresAt: {
    'en-us': ['Expires At', 'Expires', 'Expiration Time', 'Expiration', 'Valid Until'],
    'zh-cn': ['过期时间', '到期时间', '有效期至', '失效时间'],
  },
};

const token =
  (re: RegExp): Accept =>
  (piece) =>
    re.test(piece) ? piece : undefined;

const ACCEPT: Record<TemporaryKeyField, Accept> = {
  access: token(ACCESS_KEY_RE),
  secret: token(SECRET_KEY_RE),
  // The same rule as the background's check (parse-key.ts): real base64 tokens and `EMUSTS…`.
  securityToken: token(SECURITY_TOKEN_RE),
};

const NAMES: Record<TemporaryKeyField, string> = {
  access: 'the access key (AK, 20 characters)',
  secret: 'the secret key (SK, 40 characters)',
  securityToken: 'the security token',
};

export function scrapeTemporaryKey(doc: Document): TemporaryKeyScrape {
  const found: Partial<Record<TemporaryKeyField, string>> = {};
  const missing: TemporaryKeyField[] = [];
  for (const field of ['access', 'secret', 'securityToken'] as const) {
    const value = findLabelledValue(doc, LABELS[field], ACCEPT[field])?.value;
    if (value === undefined) missing.push(field);
    else found[field] = value;
  }
  if (missing.length > 0 || !found.access || !found.secret || !found.securityToken) {
    return {
      ok: false,
      missing,
      message: `Could not find ${missing.map((f) => NAMES[f]).join(', ')} on this page. Click Generate on the temporary access key page first, then capture while the key is shown.`,
    };
  }
  const expiresAt = findLabelledValue(doc, LABELS.expiresAt, (piece) =>
    parseExpiry(piece) !== undefined ? piece : undefined,
  );
  const at = expiresAt ? parseExpiry(expiresAt.value) : undefined;
  return {
    ok: true,
    key: {
      access: found.access,
      secret: found.secret,
      securityToken: found.securityToken,
      ...(at !== undefined ? { expiresAt: at } : {}),
    },
  };
}
