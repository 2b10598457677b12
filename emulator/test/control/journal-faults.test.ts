/**
 * `/_emulator/requests` (bounded journal with `limit`/`since`, lenient verdicts) and
 * `/_emulator/faults` (validation, first match wins, probability, latency, default body,
 * removal, the control plane never faulted).
 */
import { describe, expect, it } from 'vitest';
import { raw } from '../support/raw';
import { useControlEmulator } from './harness';

const listCall = (
  url: string,
  t: { domain: { id: string }; iam_user: { access_key: { access: string; secret: string } } },
  secret?: string,
) =>
  raw(url, {
    method: 'GET',
    path: '/v3.0/OS-CREDENTIAL/credentials',
    sign: {
      key: { access: t.iam_user.access_key.access, secret: secret ?? t.iam_user.access_key.secret },
      domainId: t.domain.id,
    },
  });

describe('the request journal', () => {
  const emu = useControlEmulator({ journalSize: 5 });

  it('keeps the newest --journal-size entries, pages with limit and since, and clears', async () => {
    const t = await emu().client.createTenant();
    for (let i = 0; i < 7; i++) await raw(emu().url, { method: 'GET', path: `/v3/nowhere/${i}` });
    const page = await emu().client.requestsPage();
    expect(page.capacity).toBe(5);
    expect(page.requests.map((e) => e.path)).toEqual([
      '/v3/nowhere/2',
      '/v3/nowhere/3',
      '/v3/nowhere/4',
      '/v3/nowhere/5',
      '/v3/nowhere/6',
    ]);
    expect(page.requests[4]).toMatchObject({
      status: 404,
      error_code: 'APIGW.0101',
      error_id: 'API_NOT_FOUND',
      operation: null,
    });
    expect((await emu().client.requests({ limit: 2 })).map((e) => e.path)).toEqual([
      '/v3/nowhere/5',
      '/v3/nowhere/6',
    ]);
    const since = page.last_seq;
    await listCall(emu().url, t);
    expect((await emu().client.requests({ since })).map((e) => e.operation)).toEqual([
      'listPermanentAccessKeys',
    ]);
    const bad = await raw(emu().url, { method: 'GET', path: '/_emulator/requests?limit=0' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error_code: 'IAMTB.0002',
      error_msg: expect.stringContaining("'limit'"),
    });
    const cleared = await raw(emu().url, { method: 'DELETE', path: '/_emulator/requests' });
    expect(cleared.status).toBe(204);
    expect(await emu().client.requests()).toEqual([]);
  });

  it('records a refused signature with its reason and error code, never the secret', async () => {
    const t = await emu().client.createTenant();
    const { last_seq: since } = await emu().client.requestsPage();
    await listCall(emu().url, t, 'Emu' + 'z'.repeat(37));
    const [entry] = await emu().client.requests({ since });
    expect(entry).toMatchObject({
      status: 401,
      error_code: 'APIGW.0301',
      access_key: t.iam_user.access_key.access,
      auth: { scheme: 'aksk', verdict: 'failed', reason: 'AUTH_SIGNATURE_MISMATCH' },
    });
    expect(JSON.stringify(entry)).not.toContain(t.iam_user.access_key.secret);
  });
});

describe('the request journal in lenient mode', () => {
  const emu = useControlEmulator({ auth: 'lenient' });

  it('says why an accepted request would fail in strict mode', async () => {
    const t = await emu().client.createTenant();
    const res = await listCall(emu().url, t, 'Emu' + 'z'.repeat(37));
    expect(res.status).toBe(200);
    const [entry] = await emu().client.requests({ limit: 1 });
    expect(entry).toMatchObject({
      status: 200,
      auth: {
        scheme: 'aksk',
        verdict: 'lenient',
        reason: 'AUTH_SIGNATURE_MISMATCH',
        message: expect.stringContaining('verify aksk signature fail'),
      },
    });
  });
});

describe('fault rules', () => {
  const emu = useControlEmulator();

  it('refuses rules that do nothing or target the control plane', async () => {
    const cases: Array<[object, string]> = [
      [{ match: { operation: 'x' } }, 'does nothing'],
      [{ status: 200 }, "'status'"],
      [{ match: { path: '/_emulator/reset' }, status: 500 }, 'never faulted'],
      [{ match: { path: 'v3/x' }, status: 500 }, 'must start with "/"'],
      [{ probability: 2, status: 500 }, "'probability'"],
      [{ error_code: 'X.1' }, 'need a status'],
      [{ status: 500, colour: 'red' }, "'colour'"],
      [[], 'at least one rule'],
    ];
    for (const [body, text] of cases) {
      const res = await raw(emu().url, { method: 'POST', path: '/_emulator/faults', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error_msg, JSON.stringify(body)).toContain(text);
    }
    expect(await emu().client.faults()).toEqual([]);
  });

  it('lets the first matching rule decide, with the default body and the journal naming the rule', async () => {
    const t = await emu().client.createTenant();
    const [first, second] = await emu().client.addFaults(
      { match: { method: 'get', path: '/v3.0/OS-CREDENTIAL/**' }, status: 502, times: 1 },
      {
        match: { operation: 'listPermanentAccessKeys' },
        status: 429,
        error_code: 'APIGW.0308',
        error_msg: 'throttled',
      },
    );
    const one = await listCall(emu().url, t);
    expect(one.status).toBe(502);
    expect(one.json).toEqual({
      error_code: 'IAMTB.0500',
      error_msg: `Fault injected by the emulator (rule ${first?.id}); remove it with DELETE /_emulator/faults/${first?.id}.`,
      request_id: one.requestId,
    });
    const two = await listCall(emu().url, t);
    expect(two.json).toEqual({
      error_code: 'APIGW.0308',
      error_msg: 'throttled',
      request_id: two.requestId,
    });
    const [entry] = await emu().client.requests({ limit: 1 });
    expect(entry).toMatchObject({
      status: 429,
      error_code: 'APIGW.0308',
      fault: second?.id,
      fault_action: 'respond',
      operation: 'listPermanentAccessKeys',
    });
    // A faulted request never reached authentication: the key's lock-out count is untouched.
    expect(emu().runtime.lockout.failures(t.iam_user.access_key.access)).toBe(0);
    const del = await raw(emu().url, { method: 'DELETE', path: `/_emulator/faults/${second?.id}` });
    expect(del.status).toBe(204);
    expect((await listCall(emu().url, t)).status).toBe(200);
    expect(
      (await raw(emu().url, { method: 'DELETE', path: `/_emulator/faults/${second?.id}` })).json
        .error_code,
    ).toBe('IAMTB.0005');
    expect((await emu().client.faults()).map((r) => [r.id, r.fired, r.remaining])).toEqual([
      [first?.id, 1, 0],
    ]);
    await emu().client.clearFaults();
  });

  it('probability 0 never fires, latency-only rules let the request through, and /_emulator is never faulted', async () => {
    const t = await emu().client.createTenant();
    const [never, slow] = await emu().client.addFaults(
      { match: { operation: 'showUser' }, status: 500, probability: 0 },
      { match: { path: '/**' }, latency_ms: 5, times: 2 },
    );
    const show = await raw(emu().url, {
      method: 'GET',
      path: `/v3.0/OS-USER/users/${t.iam_user.id}`,
      sign: { key: t.iam_user.access_key, domainId: t.domain.id },
    });
    expect(show.status, show.text).toBe(200);
    expect((await raw(emu().url, { method: 'GET', path: '/_emulator/health' })).status).toBe(200);
    const rules = await emu().client.faults();
    expect(rules.find((r) => r.id === never?.id)?.fired).toBe(0);
    // showUser matched the probability-0 rule first (it decided: no fault); health was not considered.
    expect(rules.find((r) => r.id === slow?.id)?.fired).toBe(0);
    expect((await listCall(emu().url, t)).status).toBe(200);
    expect((await emu().client.faults()).find((r) => r.id === slow?.id)).toMatchObject({
      fired: 1,
      remaining: 1,
    });
    await emu().client.clearFaults();
  });

  it('accepts {"rules": [...]} and drops the connection for action "drop"', async () => {
    const t = await emu().client.createTenant();
    const res = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/faults',
      body: {
        rules: [{ match: { operation: 'listPermanentAccessKeys' }, action: 'drop', times: 1 }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.rules).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^f\d+$/),
        action: 'drop',
        status: null,
        times: 1,
        fired: 0,
        remaining: 1,
      }),
    ]);
    await expect(listCall(emu().url, t)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await listCall(emu().url, t)).status).toBe(200);
    const entry = (await emu().client.requests()).find((e) => e.fault === res.json.rules[0].id);
    expect(entry).toMatchObject({ status: 0, fault_action: 'drop' });
  });
});

describe('fault probability', () => {
  const emu = useControlEmulator({ seedRandom: 3 });

  it('fires on some requests only, counting exactly the ones it answered (rolls follow --seed-random)', async () => {
    const [rule] = await emu().client.addFaults({
      match: { path: '/v3/flaky' },
      status: 500,
      probability: 0.5,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await raw(emu().url, { method: 'GET', path: '/v3/flaky' })).status);
    const faulted = statuses.filter((s) => s === 500).length;
    expect(faulted).toBeGreaterThan(0);
    expect(faulted).toBeLessThan(40);
    expect(statuses.filter((s) => s !== 500)).toEqual(Array(40 - faulted).fill(404));
    expect((await emu().client.faults()).find((r) => r.id === rule?.id)?.fired).toBe(faulted);
  });
});

describe('fault rule count', () => {
  const emu = useControlEmulator();

  it('holds at most 100 active rules: one more is a 400 that adds nothing', async () => {
    const { client } = emu();
    const rule = { match: { path: '/v3/**/x/**' }, status: 503 };
    await client.addFaults(...Array.from({ length: 60 }, () => rule));
    await client.addFaults(...Array.from({ length: 40 }, () => rule));
    await expect(client.addFaults(rule)).rejects.toMatchObject({
      status: 400,
      errorCode: 'IAMTB.0002',
      errorMsg: expect.stringContaining('at most 100 rules'),
    });
    expect(await client.faults()).toHaveLength(100);
    await client.clearFaults();
  });
});
