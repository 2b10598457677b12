import { describe, expect, test } from 'vitest';
import {
  huaweiCanonicalRequestForMessage,
  signRequest,
  verifySignature,
  type SignatureFailureReason,
} from '../src/index.js';
import { asReceived } from './helpers.js';
import { oracleSignature } from '../testing/index.js';

const CRED = { ak: 'EMUP0000000000000001', sk: 'Emu0000000000000000000000000000000000001' };
const DATE = new Date('2024-01-02T03:04:05Z');
const BODY = '{"credential":{"user_id":"u1"}}';

async function signed(extra: { securityToken?: string; signedHeaders?: string[] } = {}) {
  const s = await signRequest(
    {
      method: 'POST',
      url: 'http://127.0.0.1:9999/v3.0/OS-CREDENTIAL/credentials?x=1',
      headers: { 'Content-Type': 'application/json', 'X-Domain-Id': 'd1' },
      body: BODY,
    },
    { ...CRED, securityToken: extra.securityToken },
    { date: DATE, signedHeaders: extra.signedHeaders },
  );
  return asReceived(s, BODY);
}

async function reasonOf(
  req: Parameters<typeof verifySignature>[0],
  secret = CRED.sk,
  now = DATE,
): Promise<SignatureFailureReason | 'ok'> {
  const result = await verifySignature(req, secret, { now });
  return result.ok ? 'ok' : result.failure.reason;
}

describe('verifySignature', () => {
  test('accepts a correctly signed request and reports what it checked', async () => {
    const result = await verifySignature(await signed(), CRED.sk, { now: DATE });
    expect(result).toMatchObject({
      ok: true,
      access: CRED.ak,
      signedHeaders: ['content-type', 'host', 'x-domain-id', 'x-sdk-date'],
    });
    if (result.ok) expect(result.sdkDate.toISOString()).toBe(DATE.toISOString());
  });

  test('tolerates mixed-case header names and array values', async () => {
    const req = await signed();
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toUpperCase(), [v]]),
    );
    expect(await reasonOf({ ...req, headers })).toBe('ok');
  });

  test('follows the received SignedHeaders order, sorted or not', async () => {
    // A client may list signed headers unsorted; the canonical headers must follow its order.
    const req = await signed();
    const order = ['x-sdk-date', 'x-domain-id', 'host', 'content-type'];
    const signature = oracleSignature({ ...req, signedHeaders: order }, CRED.sk);
    req.headers.authorization = `SDK-HMAC-SHA256 Access=${CRED.ak}, SignedHeaders=${order.join(';')}, Signature=${signature}`;
    expect(await reasonOf(req)).toBe('ok');
    // the sorted list with the unsorted signature does not verify
    req.headers.authorization = req.headers.authorization.replace(
      order.join(';'),
      [...order].sort().join(';'),
    );
    expect(await reasonOf(req)).toBe('signature-mismatch');
  });

  test('missing-authorization', async () => {
    const req = await signed();
    delete req.headers.authorization;
    expect(await reasonOf(req)).toBe('missing-authorization');
  });

  test('unsupported-algorithm', async () => {
    const req = await signed();
    req.headers.authorization = req.headers.authorization!.replace(
      'SDK-HMAC-SHA256',
      'AWS4-HMAC-SHA256',
    );
    expect(await reasonOf(req)).toBe('unsupported-algorithm');
  });

  test('malformed-authorization', async () => {
    const req = await signed();
    req.headers.authorization = req.headers.authorization!.replace(', Signature', ',Signature');
    expect(await reasonOf(req)).toBe('malformed-authorization');
  });

  test('invalid-signed-headers', async () => {
    const req = await signed();
    req.headers.authorization = req.headers.authorization!.replace('host;', 'Host;');
    expect(await reasonOf(req)).toBe('invalid-signed-headers');
  });

  test('malformed-signature', async () => {
    const req = await signed();
    req.headers.authorization = req.headers.authorization!.replace(
      /Signature=([0-9a-f]{64})/,
      'Signature=$1ff',
    );
    expect(await reasonOf(req)).toBe('malformed-signature');
  });

  test('missing-sdk-date', async () => {
    const req = await signed();
    delete req.headers['x-sdk-date'];
    expect(await reasonOf(req)).toBe('missing-sdk-date');
  });

  test('malformed-sdk-date', async () => {
    const req = await signed();
    req.headers['x-sdk-date'] = '2024-01-02T03:04:05Z';
    expect(await reasonOf(req)).toBe('malformed-sdk-date');
  });

  test('sdk-date-not-signed', async () => {
    const req = await signed({ signedHeaders: ['host', 'content-type'] });
    expect(await reasonOf(req)).toBe('sdk-date-not-signed');
  });

  test('sdk-date-skew, in both directions, with the default 900 s', async () => {
    const req = await signed();
    expect(await reasonOf(req, CRED.sk, new Date(DATE.getTime() + 901_000))).toBe('sdk-date-skew');
    expect(await reasonOf(req, CRED.sk, new Date(DATE.getTime() - 901_000))).toBe('sdk-date-skew');
    expect(await reasonOf(req, CRED.sk, new Date(DATE.getTime() + 900_000))).toBe('ok');
    const custom = await verifySignature(req, CRED.sk, {
      now: new Date(DATE.getTime() + 61_000),
      maxSkewSeconds: 60,
    });
    expect(custom).toMatchObject({
      ok: false,
      failure: { reason: 'sdk-date-skew' },
      access: CRED.ak,
    });
  });

  test('signed-header-missing names the header', async () => {
    const req = await signed();
    delete req.headers['x-domain-id'];
    const result = await verifySignature(req, CRED.sk, { now: DATE });
    expect(result).toMatchObject({
      ok: false,
      failure: { reason: 'signed-header-missing' },
      access: CRED.ak,
    });
    if (!result.ok) expect(result.failure.message).toContain('x-domain-id');
  });

  test('signature-mismatch with the wrong secret returns the server canonical request', async () => {
    const req = await signed();
    const result = await verifySignature(req, 'EmuWrongSecret00000000000000000000000000', {
      now: DATE,
    });
    expect(result).toMatchObject({
      ok: false,
      failure: { reason: 'signature-mismatch' },
      access: CRED.ak,
    });
    if (!result.ok) {
      expect(result.canonicalRequest?.split('\n').slice(0, 3)).toEqual([
        'POST',
        '/v3.0/OS-CREDENTIAL/credentials/',
        'x=1',
      ]);
      expect(result.stringToSign?.startsWith('SDK-HMAC-SHA256\n20240102T030405Z\n')).toBe(true);
      expect(result.failure.message).not.toContain(CRED.sk);
    }
  });

  test('a Node Buffer body that is a view into a larger pool hashes only its own bytes', async () => {
    const req = await signed();
    const pooled = Buffer.from(BODY); // small Buffers share one pooled ArrayBuffer at an offset
    expect(pooled.byteOffset > 0 || pooled.buffer.byteLength > pooled.length).toBe(true);
    expect(await reasonOf({ ...req, body: pooled })).toBe('ok');
  });

  test('an unsigned header may change freely', async () => {
    const req = await signed();
    req.headers['user-agent'] = 'something else';
    expect(await reasonOf(req)).toBe('ok');
  });

  test('a signed header value is compared after trimming', async () => {
    const req = await signed();
    req.headers['x-domain-id'] = '  d1 ';
    expect(await reasonOf(req)).toBe('ok');
  });
});

describe('huaweiCanonicalRequestForMessage', () => {
  test('renders newlines as | and redacts the security token by default', async () => {
    const req = await signed({ securityToken: 'EMUSTSsecret-token' });
    const result = await verifySignature(req, 'wrong', { now: DATE });
    if (result.ok) throw new Error('expected a mismatch');
    const msg = huaweiCanonicalRequestForMessage(result.canonicalRequest!);
    expect(msg).toMatch(
      /^POST\|\/v3\.0\/OS-CREDENTIAL\/credentials\/\|x=1\|content-type:application\/json\|host:127\.0\.0\.1:9999\|/,
    );
    expect(msg).toContain(
      '|x-security-token:***||content-type;host;x-domain-id;x-sdk-date;x-security-token|',
    );
    expect(msg).not.toContain('EMUSTSsecret-token');
    expect(
      huaweiCanonicalRequestForMessage(result.canonicalRequest!, { redactSecurityToken: false }),
    ).toContain('EMUSTSsecret-token');
  });
});
