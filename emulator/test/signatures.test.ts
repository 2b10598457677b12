/**
 * SDK-HMAC-SHA256 verification over raw HTTP (issue 4 "Signatures"; docs/reference/huawei-iam-api.md §7.4, §8):
 * unknown AK, tampering in transit, X-Sdk-Date missing or skewed, each with its exact APIGW.0301
 * body; the lock after more than 5 consecutive failures; and `--auth lenient`.
 */
import { describe, expect, it } from 'vitest';
import { canonicalRequestForMessage } from './support/canonical';
import { STORE_MODES, useEmulator, type Emulator } from './support/emulator';
import { expectApigwError } from './support/http-expect';
import { APIGW_AUTH, apigwMsg } from './support/huawei-errors';
import { raw, signedHeadersOf, type OutgoingRaw, type RawCall } from './support/raw';
import type { Tenant } from './support/tenant';
import type { KeyPair } from './support/clients';

const CREDENTIALS = '/v3.0/OS-CREDENTIAL/credentials';
const MINUTE = 60_000;

/** A signed `GET /v3.0/OS-CREDENTIAL/credentials` as the tenant's IAM user (or `key`), dated `date`. */
function call(t: Tenant, key: KeyPair = t.iam_user.access_key, date?: Date): RawCall {
  return {
    method: 'GET',
    path: CREDENTIALS,
    sign: { key, domainId: t.domain.id, ...(date ? { date } : {}) },
  };
}

function mismatchMsg(sent: OutgoingRaw): string {
  return apigwMsg.badSignature(
    canonicalRequestForMessage({
      method: sent.method,
      target: sent.path,
      headers: sent.headers,
      signedHeaders: signedHeadersOf(sent),
      body: sent.body,
    }),
  );
}

async function expectMismatch(emu: Emulator, req: RawCall): Promise<void> {
  const res = await raw(emu.url, req);
  expectApigwError(res, 401, APIGW_AUTH, mismatchMsg(res.sent));
}

describe.each(STORE_MODES)('signatures [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('accepts a correctly signed raw request (the harness itself is sound)', async () => {
    const t = await emu().tenant();
    const res = await raw(emu().url, call(t));
    expect(res.status, res.text).toBe(200);
    expect(res.json.credentials[0].access).toBe(t.iam_user.access_key.access);
  });

  it('refuses an unknown AK with the "ak not exist" text', async () => {
    const t = await emu().tenant();
    const ghost = { access: 'HSTGHOSTKEY000000001', secret: 'g'.repeat(40) };
    const res = await raw(emu().url, call(t, ghost));
    expectApigwError(res, 401, APIGW_AUTH, apigwMsg.unknownAk(ghost.access));
  });

  it("refuses a body, path, query or signed header changed after signing, quoting the server's canonical request", async () => {
    const t = await emu().tenant();
    const body = JSON.stringify({ credential: { user_id: t.iam_user.id, description: 'signed' } });
    await expectMismatch(emu(), {
      ...call(t),
      method: 'POST',
      body,
      tamper: (r) => {
        r.body = Buffer.from(body.replace('signed', 'forged'));
      },
    });
    await expectMismatch(emu(), {
      ...call(t),
      path: `${CREDENTIALS}/${t.iam_user.access_key.access}`,
      tamper: (r) => {
        r.path = `${CREDENTIALS}/${t.admin.access_key.access}`;
      },
    });
    await expectMismatch(emu(), {
      ...call(t),
      path: `${CREDENTIALS}?user_id=${t.iam_user.id}`,
      tamper: (r) => {
        r.path = `${CREDENTIALS}?user_id=${t.admin.id}`;
      },
    });
    await expectMismatch(emu(), {
      ...call(t),
      tamper: (r) => {
        r.headers['content-type'] = 'application/json;charset=UTF-8';
      },
    });
    const keys = await raw(emu().url, {
      ...call(t, t.admin.access_key),
      path: `${CREDENTIALS}?user_id=${t.iam_user.id}`,
    });
    expect(keys.json.credentials).toHaveLength(1);
  });

  it('refuses a request without X-Sdk-Date, and one dated more than 15 minutes from the wall clock', async () => {
    const t = await emu().tenant();
    const missing = await raw(emu().url, {
      ...call(t),
      tamper: (r) => {
        delete r.headers['x-sdk-date'];
      },
    });
    expectApigwError(missing, 401, APIGW_AUTH, apigwMsg.missingDate);
    for (const offset of [-16 * MINUTE, 16 * MINUTE]) {
      const res = await raw(emu().url, call(t, undefined, new Date(Date.now() + offset)));
      expectApigwError(res, 401, APIGW_AUTH, apigwMsg.skew(res.sent.headers['x-sdk-date'] ?? ''));
    }
    const near = await raw(emu().url, call(t, undefined, new Date(Date.now() - 14 * MINUTE)));
    expect(near.status, near.text).toBe(200);
  });

  it('does not lock an AK after 5 failures in a row, and a success resets the count', async () => {
    const t = await emu().tenant();
    const wrong = { access: t.iam_user.access_key.access, secret: 'w'.repeat(40) };
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5; i++) await expectMismatch(emu(), call(t, wrong));
      const ok = await raw(emu().url, call(t));
      expect(ok.status, ok.text).toBe(200);
    }
  });

  it('locks an AK for 5 minutes of the injected clock after the 6th consecutive failure, and only that AK', async () => {
    const t = await emu().tenant();
    const wrong = { access: t.iam_user.access_key.access, secret: 'w'.repeat(40) };
    for (let i = 0; i < 5; i++) await expectMismatch(emu(), call(t, wrong));
    await expectMismatch(emu(), call(t, wrong)); // the 6th failure itself still reports the signature
    const locked = await raw(emu().url, call(t));
    expectApigwError(locked, 401, APIGW_AUTH, apigwMsg.locked);
    const other = await raw(emu().url, call(t, t.admin.access_key));
    expect(other.status, other.text).toBe(200);
    emu().clock.advance(299);
    expectApigwError(await raw(emu().url, call(t)), 401, APIGW_AUTH, apigwMsg.locked);
    emu().clock.advance(1);
    const freed = await raw(emu().url, call(t));
    expect(freed.status, freed.text).toBe(200);
  });
});

describe.each(STORE_MODES)('signatures with --auth lenient [%s store]', (mode) => {
  const emu = useEmulator(mode, { auth: 'lenient' });

  it('accepts bad signatures, missing dates and skew from a known AK, as the real caller, journaling why', async () => {
    const t = await emu().tenant();
    const wrong = { access: t.iam_user.access_key.access, secret: 'w'.repeat(40) };
    const requests: Array<[RawCall, string]> = [
      [call(t, wrong), 'AUTH_SIGNATURE_MISMATCH'],
      [
        {
          ...call(t),
          tamper: (r) => {
            delete r.headers['x-sdk-date'];
          },
        },
        'AUTH_SDK_DATE_INVALID',
      ],
      [call(t, undefined, new Date(Date.now() - 60 * MINUTE)), 'AUTH_SDK_DATE_SKEW'],
    ];
    // More than 5 failures in a row would lock the AK in strict mode; lenient never locks.
    for (let i = 0; i < 8; i++) requests.push([call(t, wrong), 'AUTH_SIGNATURE_MISMATCH']);
    for (const [req, reason] of requests) {
      const res = await raw(emu().url, req);
      expect(res.status, res.text).toBe(200);
      expect(res.json.credentials[0].user_id).toBe(t.iam_user.id);
      expect(emu().journal(res.requestId ?? '')?.auth).toMatchObject({
        verdict: 'lenient',
        reason,
        message: expect.stringMatching(/\S/),
      });
      expect(res.headers['x-iam-testbed-auth-warning']).toMatch(new RegExp(`^${reason}: \\S`));
    }
    const clean = await raw(emu().url, call(t));
    expect(emu().journal(clean.requestId ?? '')?.auth).toMatchObject({
      verdict: 'ok',
      reason: null,
    });
    expect(clean.headers['x-iam-testbed-auth-warning']).toBeUndefined();
    const ghost = await raw(
      emu().url,
      call(t, { access: 'EMUPGHOSTKEY00000001', secret: 'g'.repeat(40) }),
    );
    expectApigwError(ghost, 401, APIGW_AUTH, apigwMsg.unknownAk('EMUPGHOSTKEY00000001'));
  });
});
