// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SECURITY_TOKEN_RE } from '@iam-testbed/shared';
import { parseCapturedKey } from '../lib/messages/parse-key';
import { parseExpiry } from '../lib/scraper/expiry';
import { scrapeTemporaryKey } from '../lib/scraper/temporary-key';
import { htmlDocument, loadFixture } from './fixtures/load';

const KEY = {
  access: 'EMUTQWERTYUIOP123456',
  secret: 'EmuSecretSecretSecretSecretSecretSecret1',
  securityToken: 'EMUSTSabcdefghijklmnopqrstuvwxyz0123456789-_ABCDEFGHIJ',
  expiresAt: Date.UTC(2029, 11, 31, 19, 4, 5),
};

describe('scrapeTemporaryKey', () => {
  it.each(['temp-key-en', 'temp-key-zh'])('%s: reads AK, SK, token and expiry', (name) => {
    expect(scrapeTemporaryKey(loadFixture(name))).toEqual({ ok: true, key: KEY });
  });

  it('before Generate: says what is missing and what to do', () => {
    const result = scrapeTemporaryKey(
      htmlDocument(
        '<h2>Temporary Access Key</h2><label>Validity<select></select></label><button>Generate</button>',
      ),
    );
    expect(result).toEqual({
      ok: false,
      missing: ['access', 'secret', 'securityToken'],
      message: expect.stringContaining('Click Generate'),
    });
  });

  it('rejects values of the wrong shape (a permanent-key page listing AKs without secrets)', () => {
    const doc = htmlDocument(
      '<dl><dt>Access Key ID</dt><dd>EMUPABCDEFGHIJ123456</dd><dt>Secret Access Key</dt><dd>******</dd></dl>',
    );
    const result = scrapeTemporaryKey(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.missing).toEqual(['secret', 'securityToken']);
  });

  it('reads a real-looking (base64) token, and the page and the message check apply the same token rule', () => {
    const page = (token: string) =>
      htmlDocument(
        `<dl><dt>Access Key ID</dt><dd>${KEY.access}</dd><dt>Secret Access Key</dt><dd>${KEY.secret}</dd><dt>Security Token</dt><dd>${token}</dd></dl>`,
      );
    const real = 'gQpjbi1ub3J0aC00ibr8sP' + 'x'.repeat(40) + '==';
    expect(scrapeTemporaryKey(page(real))).toEqual({
      ok: true,
      key: { access: KEY.access, secret: KEY.secret, securityToken: real },
    });
    for (const token of [
      real,
      KEY.securityToken,
      'gAAAAABY9GbWUaGtoa9DPj7_dE4qUSnA+/x',
      'ab=cd'.repeat(4),
      'EMUSTS' + 'a'.repeat(9),
      'x'.repeat(16) + '===',
    ]) {
      const scraped = scrapeTemporaryKey(page(token));
      let parsed = true;
      try {
        parseCapturedKey({ access: KEY.access, secret: KEY.secret, securityToken: token });
      } catch {
        parsed = false;
      }
      expect([scraped.ok, parsed], token).toEqual([
        SECURITY_TOKEN_RE.test(token),
        SECURITY_TOKEN_RE.test(token),
      ]);
    }
    // Padding only at the end, as in base64.
    expect(scrapeTemporaryKey(page('ab=cd'.repeat(4))).ok).toBe(false);
  });

  it('keeps the key but no expiry when the page shows none', () => {
    const doc = loadFixture('temp-key-en');
    doc.querySelectorAll('.f')[3]?.remove();
    const result = scrapeTemporaryKey(doc);
    expect(result.ok && result.key.expiresAt).toBe(undefined);
    expect(result.ok && result.key.access).toBe(KEY.access);
  });
});

describe('parseExpiry', () => {
  it('reads the API and console formats with their zone', () => {
    expect(parseExpiry('2022-10-17T18:51:25.231000Z')).toBe(Date.UTC(2022, 9, 17, 18, 51, 25, 231));
    expect(parseExpiry('2024-01-02 03:04:05 GMT+08:00')).toBe(Date.UTC(2024, 0, 1, 19, 4, 5));
    expect(parseExpiry('2024-01-02 03:04:05 UTC-0130')).toBe(Date.UTC(2024, 0, 2, 4, 34, 5));
  });

  it('does not guess a zone or accept other text', () => {
    expect(parseExpiry('2024-01-02 03:04:05')).toBeUndefined();
    expect(parseExpiry('in 15 minutes')).toBeUndefined();
  });
});
