import { expect, test } from 'vitest';
import { inProcess } from '../../testing/in-process.js';
import { AUTH_WARNING_HEADER } from '../dispatch.js';

const LIST = '/v3.0/OS-CREDENTIAL/credentials';

function keysOf(p: ReturnType<typeof inProcess>) {
  const key = p.seeded.users[0]?.keys[0];
  const admin = p.seeded.admin.keys[0];
  if (!key || !admin) throw new Error('seed has no keys');
  return {
    user: { ak: key.access, sk: key.secret },
    admin: { ak: admin.access, sk: admin.secret },
    domainId: p.seeded.account.id,
  };
}

test("strict: a wrong secret is refused with the server's canonical request, and journaled as failed", async () => {
  const p = inProcess();
  const { user } = keysOf(p);
  const res = await p.signed({ method: 'GET', url: LIST }, { ...user, sk: 'w'.repeat(40) });
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({
    error_code: 'APIGW.0301',
    error_msg: expect.stringMatching(
      /^Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET\|\/v3\.0\/OS-CREDENTIAL\/credentials\/\|\|content-type:application\/json\|host:127\.0\.0\.1:8790\|x-sdk-date:\d{8}T\d{6}Z\|\|content-type;host;x-sdk-date\|e3b0c442/,
    ),
    request_id: res.headers?.['X-Request-Id'],
  });
  const [entry] = p.rt.journal.list({ limit: 1 });
  expect(entry).toMatchObject({
    status: 401,
    access_key: user.ak,
    auth: { scheme: 'aksk', verdict: 'failed', reason: 'AUTH_SIGNATURE_MISMATCH' },
  });
  expect(JSON.stringify(p.rt.journal.list())).not.toContain(user.sk);
});

test('lenient: known keys pass whatever is wrong, and the journal says why strict would refuse', async () => {
  const p = inProcess('lenient');
  const { user } = keysOf(p);
  const res = await p.signed({ method: 'GET', url: LIST }, { ...user, sk: 'w'.repeat(40) });
  expect(res.status).toBe(200);
  expect(res.headers?.[AUTH_WARNING_HEADER]).toMatch(/^AUTH_SIGNATURE_MISMATCH: /);
  const stale = await p.signed({ method: 'GET', url: LIST }, user, new Date(Date.now() - 3600_000));
  expect(stale.status).toBe(200);
  expect(p.rt.journal.list({ limit: 2 }).map((e) => [e.auth.verdict, e.auth.reason])).toEqual([
    ['lenient', 'AUTH_SIGNATURE_MISMATCH'],
    ['lenient', 'AUTH_SDK_DATE_SKEW'],
  ]);
  for (let i = 0; i < 7; i++)
    await p.signed({ method: 'GET', url: LIST }, { ...user, sk: 'w'.repeat(40) });
  expect(p.rt.lockout.lockedUntil(user.ak)).toBeNull();
  const unknown = await p.signed(
    { method: 'GET', url: LIST },
    { ak: 'EMUPNOSUCHKEY0000000', sk: 'x'.repeat(40) },
  );
  expect(unknown.status).toBe(401);
});

test('a successful signature moves last use; a lock-out counts only failures of the same AK', async () => {
  const p = inProcess();
  const { user, admin } = keysOf(p);
  p.clock.advance(30);
  expect((await p.signed({ method: 'GET', url: LIST }, user)).status).toBe(200);
  const lastUse = () =>
    p.rt.store.read(p.seeded.account.id, (d) => d.permanent_keys[user.ak]?.last_used_at);
  expect(await lastUse()).toBe(p.clock.now());
  const firstUse = p.clock.now();
  // Huawei's 15-minute rule: a use within 15 minutes of the last shown one does not move it.
  p.clock.advance(14 * 60);
  expect((await p.signed({ method: 'GET', url: LIST }, user)).status).toBe(200);
  expect(await lastUse()).toBe(firstUse);
  p.clock.advance(60);
  expect((await p.signed({ method: 'GET', url: LIST }, user)).status).toBe(200);
  expect(await lastUse()).toBe(p.clock.now());
  for (let i = 0; i < 6; i++)
    await p.signed({ method: 'GET', url: LIST }, { ...user, sk: 'w'.repeat(40) });
  const locked = await p.signed({ method: 'GET', url: LIST }, user);
  expect(locked.body).toMatchObject({
    error_msg:
      'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.',
  });
  expect((await p.signed({ method: 'GET', url: LIST }, admin)).status).toBe(200);
});

test('X-Domain-Id of another account and a security token on a permanent key are refused', async () => {
  const p = inProcess();
  const { user, domainId } = keysOf(p);
  const foreign = await p.signed(
    { method: 'GET', url: LIST, headers: { 'X-Domain-Id': 'f'.repeat(32) } },
    user,
  );
  expect(foreign.body).toMatchObject({
    error_msg: expect.stringContaining(`X-Domain-Id ${'f'.repeat(32)} does not belong`),
  });
  expect(
    (await p.signed({ method: 'GET', url: LIST, headers: { 'X-Domain-Id': domainId } }, user))
      .status,
  ).toBe(200);
  const withToken = await p.signed(
    { method: 'GET', url: LIST },
    { ...user, securityToken: 'EMUSTSxyz' },
  );
  expect(withToken.body).toMatchObject({
    error_msg: 'Incorrect IAM authentication information: decrypt token fail',
  });
});

test('no credential at all is "x-auth-token not found"; an unknown token is "decrypt token fail"', async () => {
  const p = inProcess();
  expect((await p.send({ method: 'GET', url: '/v3/projects' })).body).toMatchObject({
    error_msg: 'Incorrect IAM authentication information: x-auth-token not found',
  });
  const bogus = await p.send({
    method: 'GET',
    url: '/v3/projects',
    headers: { 'X-Auth-Token': 'MIIbogus' },
  });
  expect(bogus).toMatchObject({
    status: 401,
    body: { error_msg: 'Incorrect IAM authentication information: decrypt token fail' },
  });
});

test('an access key named like an Object member is "ak not exist", not another failure', async () => {
  const p = inProcess();
  for (const ak of ['constructor', '__proto__', 'toString']) {
    const res = await p.signed({ method: 'GET', url: LIST }, { ak, sk: 'x'.repeat(40) });
    expect(res.body, ak).toMatchObject({
      error_msg: `Incorrect IAM authentication information: Get secretKey failed,ak:${ak},err:ak not exist`,
    });
  }
  const token = await p.send({
    method: 'GET',
    url: '/v3/projects',
    headers: { 'X-Auth-Token': 'constructor' },
  });
  expect(token).toMatchObject({
    status: 401,
    body: { error_msg: 'Incorrect IAM authentication information: decrypt token fail' },
  });
});

test('a signature mismatch never shows a signed bearer token, in the body or the journal', async () => {
  const p = inProcess();
  const { user } = keysOf(p);
  const headers = {
    'X-Auth-Token': 'MIIemu-signed-auth-token',
    'X-Subject-Token': 'MIIemu-signed-subject-token',
  };
  const res = await p.signed(
    { method: 'GET', url: LIST, headers },
    { ...user, sk: 'w'.repeat(40) },
  );
  expect(res.body).toMatchObject({
    error_msg: expect.stringContaining('|x-auth-token:***|x-sdk-date:'),
  });
  expect(res.body).toMatchObject({ error_msg: expect.stringContaining('|x-subject-token:***|') });
  const seen = JSON.stringify([res.body, p.rt.journal.list()]);
  for (const token of Object.values(headers)) expect(seen).not.toContain(token);
});
