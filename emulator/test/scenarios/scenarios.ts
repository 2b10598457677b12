/**
 * @module The scenario suite, written once and run three ways (file store, memory, msw
 * in-process; see targets.ts): what a QA team does with the control plane, through the official
 * Huawei SDK and the typed EmulatorClient.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../support/sdk';
import { checkProof, sendCode } from '../../src/console/protection';
import type { TenantView } from '../../src/client/index';
import { globalCred, v3, v3As } from '../support/clients';
import { createKey, listKeys, showKey, tempKeyByToken } from '../support/requests';
import { wire } from '../support/sdk';
import { expectSdkError, sdkError } from '../support/sdk-error';
import { useTarget, type TargetMode } from './targets';

const accessKeysOf = async (url: string, t: TenantView, userId: string): Promise<string[]> =>
  wire(await v3As(url, t, t.admin).listPermanentAccessKeys(listKeys(userId)))
    .credentials.map((c: { access: string }) => c.access)
    .sort();

export function defineScenarios(mode: TargetMode): void {
  describe(`control-plane scenarios [${mode}]`, () => {
    const target = useTarget(mode);
    afterEach(async () => {
      await target().client.clearFaults();
      await target().client.resetClock();
    });

    it('reports health and readiness, and serves its OpenAPI document', async () => {
      const { client } = target();
      expect(await client.health()).toEqual({
        status: 'ok',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        uptime_s: expect.any(Number),
      });
      expect(await client.ready()).toEqual({ ready: true, status: 'ready' });
      const doc = await client.openApi();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths as object)).toContain('/_emulator/reset');
    });

    it('two workers with their own tenants reset in parallel without seeing each other', async () => {
      const { url, client } = target();
      const [a, b] = await Promise.all([client.createTenant(), client.createTenant()]);
      if (!a || !b) throw new Error('tenants not created');
      const worker = async (t: TenantView) => {
        const created = wire(
          await v3As(url, t, t.admin).createPermanentAccessKey(createKey(t.iam_user.id, 'extra')),
        );
        expect(await accessKeysOf(url, t, t.iam_user.id)).toHaveLength(2);
        return created.credential.access as string;
      };
      const [extraA, extraB] = await Promise.all([worker(a), worker(b)]);
      // Worker A resets its tenant while B's change must survive, and the other way round.
      await client.reset(a.domain.id);
      expect(await accessKeysOf(url, a, a.iam_user.id)).toEqual([a.iam_user.access_key.access]);
      expect(await accessKeysOf(url, b, b.iam_user.id)).toEqual(
        [b.iam_user.access_key.access, extraB].sort(),
      );
      await client.reset(b.domain.id);
      expect(await accessKeysOf(url, b, b.iam_user.id)).toEqual([b.iam_user.access_key.access]);
      expect(extraA).not.toBe(extraB);
      const tenants = await client.listTenants();
      expect(
        tenants
          .filter((t) => [a.domain.id, b.domain.id].includes(t.domain.id))
          .map((t) => t.origin),
      ).toEqual(['tenant', 'tenant']);
    });

    it('a temporary key obtained with the SDK expires when the clock is advanced, and works again when it is reset', async () => {
      const { url, client } = target();
      const t = await client.createTenant();
      const temp = wire(
        await v3As(url, t, t.admin).createTemporaryAccessKeyByToken(
          tempKeyByToken({ duration: 900 }),
        ),
      ).credential;
      const asTemp = v3(
        url,
        globalCred(
          { access: temp.access, secret: temp.secret, securitytoken: temp.securitytoken },
          t.domain.id,
        ),
      );
      expect(wire(await asTemp.listPermanentAccessKeys(listKeys())).credentials).toEqual(
        expect.any(Array),
      );
      const moved = await client.advanceClock(901);
      expect(moved.offset_seconds).toBeGreaterThanOrEqual(900);
      await expectSdkError(asTemp.listPermanentAccessKeys(listKeys()), {
        status: 401,
        code: 'APIGW.0301',
        msg: /^Incorrect IAM authentication information: token expires, expires_at: /,
      });
      await client.resetClock();
      expect(wire(await asTemp.listPermanentAccessKeys(listKeys())).credentials).toEqual(
        expect.any(Array),
      );
    });

    it('a fault fires for its operation only, stops after `times`, and a drop rule cuts the connection', async () => {
      const { url, client } = target();
      const t = await client.createTenant();
      const sdk = v3As(url, t, t.admin);
      const [rule] = await client.addFaults({
        match: { operation: 'listPermanentAccessKeys' },
        status: 503,
        error_code: 'APIGW.0502',
        error_msg: 'backend busy',
        times: 2,
      });
      for (let i = 0; i < 2; i++) {
        const err = await sdkError(sdk.listPermanentAccessKeys(listKeys()));
        expect(err).toMatchObject({
          name: 'ServerResponseException',
          httpStatusCode: 503,
          errorCode: 'APIGW.0502',
          errorMsg: 'backend busy',
        });
      }
      expect(wire(await sdk.listPermanentAccessKeys(listKeys())).credentials).toHaveLength(1);
      expect(await client.faults()).toEqual([
        expect.objectContaining({ id: rule?.id, fired: 2, remaining: 0 }),
      ]);
      await client.addFaults({
        match: { method: 'GET', path: '/v3.0/OS-CREDENTIAL/credentials/*' },
        action: 'drop',
        times: 1,
      });
      const dropped = await sdkError(
        sdk.showPermanentAccessKey(showKey(t.admin.access_key.access)),
      );
      expect(dropped.httpStatusCode).toBeUndefined();
      expect(
        wire(await sdk.showPermanentAccessKey(showKey(t.admin.access_key.access))).credential
          .access,
      ).toBe(t.admin.access_key.access);
    });

    it('the journal shows each SDK call with its access key and verdict, and never a secret', async () => {
      const { url, client } = target();
      const t = await client.createTenant();
      const { last_seq: since } = await client.requestsPage({ limit: 1 });
      await v3As(url, t, t.iam_user).listPermanentAccessKeys(listKeys());
      const entries = await client.requests({ since });
      expect(entries).toEqual([
        expect.objectContaining({
          method: 'GET',
          path: '/v3.0/OS-CREDENTIAL/credentials',
          operation: 'listPermanentAccessKeys',
          status: 200,
          error_code: null,
          access_key: t.iam_user.access_key.access,
          auth: { scheme: 'aksk', verdict: 'ok', reason: null, message: null },
        }),
      ]);
      const all = JSON.stringify(await client.requests({ control: true }));
      for (const secret of [
        t.iam_user.access_key.secret,
        t.admin.access_key.secret,
        t.admin.password,
        t.iam_user.password,
      ])
        expect(all).not.toContain(secret);
      await client.clearRequests();
      expect(await client.requests()).toEqual([]);
    });

    it('verification codes that operation protection sends are listed, consumed once, and expire with the clock', async () => {
      const { client, runtime } = target();
      const t = await client.createTenant({ operation_protection: true });
      const records = await runtime.store.read(t.domain.id, (doc) =>
        structuredClone({ user: doc.users[t.iam_user.id], account: doc.accounts[t.domain.id] }),
      );
      const { user, account } = records ?? {};
      if (!user || !account) throw new Error('tenant records missing');
      const codes = runtime.console.codes;
      const sent = sendCode(codes, user, account, 'sms', 'create_access_key');
      const listed = await client.verificationCodes({ user_id: user.id });
      expect(listed).toEqual([
        {
          user_id: user.id,
          channel: 'sms',
          code: sent.code,
          purpose: 'create_access_key',
          destination: expect.stringContaining('****'),
          created_at: expect.any(String),
          expires_at: expect.any(String),
          used: false,
        },
      ]);
      expect(
        Date.parse(listed[0]?.expires_at ?? '') - Date.parse(listed[0]?.created_at ?? ''),
      ).toBe(300_000);
      checkProof(runtime.console, user, account, 'create_access_key', {
        channel: 'sms',
        code: sent.code,
      })();
      expect((await client.verificationCodes({ user_id: user.id }))[0]?.used).toBe(true);
      const late = sendCode(codes, user, account, 'email', 'delete_access_key');
      await client.advanceClock(301);
      expect(() =>
        checkProof(runtime.console, user, account, 'delete_access_key', {
          channel: 'email',
          code: late.code,
        }),
      ).toThrow(/expired/);
    });

    it('state export → import round-trips exactly, and a bad import changes nothing', async () => {
      const { url, client } = target();
      const kept = await client.createTenant();
      const before = await client.exportState();
      const later = await client.createTenant();
      expect(await client.importState(before)).toEqual({
        imported: expect.objectContaining({ accounts: Object.keys(before.accounts).length }),
      });
      expect(await client.exportState()).toEqual(before);
      expect((await client.listTenants()).map((x) => x.domain.id)).not.toContain(later.domain.id);
      expect(await accessKeysOf(url, kept, kept.iam_user.id)).toEqual([
        kept.iam_user.access_key.access,
      ]);
      const current = await client.exportState(); // the SDK call above moved a key's last use
      const broken = structuredClone(current);
      delete broken.users[kept.iam_user.id];
      await expect(client.importState(broken)).rejects.toMatchObject({
        status: 400,
        errorCode: 'IAMTB.0009',
      });
      expect(await client.exportState()).toEqual(current);
    });

    it('a full reset returns to the seed: tenants and their keys are gone', async () => {
      const { url, client } = target();
      const t = await client.createTenant();
      const result = await client.reset();
      expect(result).toMatchObject({ scope: 'all', domain_id: null });
      const tenants = await client.listTenants();
      expect(tenants.map((x) => x.origin)).toEqual(tenants.map(() => 'seed'));
      expect(result.accounts).toBe(tenants.length);
      await expectSdkError(v3As(url, t, t.admin).listPermanentAccessKeys(listKeys()), {
        status: 401,
        code: 'APIGW.0301',
        msg: `Incorrect IAM authentication information: Get secretKey failed,ak:${t.admin.access_key.access},err:ak not exist`,
      });
    });
  });
}
