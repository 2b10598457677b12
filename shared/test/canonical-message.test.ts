import { describe, expect, test } from 'vitest';
import {
  huaweiCanonicalRequestForMessage,
  REDACTED_HEADERS,
  signRequest,
  verifySignature,
} from '../src/index.js';
import { asReceived } from './helpers.js';

const DATE = new Date('2024-01-02T03:04:05Z');
const SECRETS = {
  'X-Auth-Token': 'MIIemu-auth-secret',
  'X-Subject-Token': 'MIIemu-subject-secret',
};

describe('huaweiCanonicalRequestForMessage redaction', () => {
  test('hides every bearer secret a signer may have signed: security, auth and subject tokens', async () => {
    const s = await signRequest(
      { method: 'GET', url: 'http://127.0.0.1:9999/v3/auth/tokens', headers: SECRETS },
      {
        ak: 'EMUT0000000000000001',
        sk: 'Emu0000000000000000000000000000000000001',
        securityToken: 'EMUSTS-security-secret',
      },
      { date: DATE },
    );
    const result = await verifySignature(asReceived(s), 'wrong', { now: DATE });
    if (result.ok || result.canonicalRequest === undefined)
      throw new Error('expected a mismatch with a canonical request');
    const msg = huaweiCanonicalRequestForMessage(result.canonicalRequest);
    expect(REDACTED_HEADERS).toEqual(['x-security-token', 'x-auth-token', 'x-subject-token']);
    for (const name of REDACTED_HEADERS) expect(msg).toContain(`|${name}:***|`);
    for (const secret of ['EMUSTS-security-secret', ...Object.values(SECRETS)])
      expect(msg).not.toContain(secret);
    expect(msg).toContain('|host;x-auth-token;x-sdk-date;x-security-token;x-subject-token|');
    const raw = huaweiCanonicalRequestForMessage(result.canonicalRequest, { redactTokens: false });
    for (const secret of ['EMUSTS-security-secret', ...Object.values(SECRETS)])
      expect(raw).toContain(secret);
  });

  test('matches header names at line starts only, so a value that mentions one stays', () => {
    const creq =
      'GET\n/\n\nx-note:x-auth-token:kept\nx-auth-token:hidden\n\nx-auth-token;x-note\nabc';
    expect(huaweiCanonicalRequestForMessage(creq)).toBe(
      'GET|/||x-note:x-auth-token:kept|x-auth-token:***||x-auth-token;x-note|abc',
    );
  });
});
