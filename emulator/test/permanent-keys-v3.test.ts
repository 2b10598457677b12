/**
 * Permanent access keys through the IAM v3 SDK client: lifecycle, secret exposure, last use,
 * quota and inactive keys (issue 4, "Rules that must hold"; docs/reference/huawei-iam-api.md §1).
 */
import { describe, expect, it } from 'vitest';
import { basicCred, v3, v3As, globalCred } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { expectHuaweiError } from './support/http-expect';
import { APIGW_AUTH, QUOTA_EXCEEDED, apigwMsg, sdkView } from './support/huawei-errors';
import { raw } from './support/raw';
import { createKey, deleteKey, listKeys, showKey, updateKey } from './support/requests';
import { wire } from './support/sdk';
import { regionProject } from './support/tenant';
import { expectSdkError } from './support/sdk-error';
import { ACCESS_KEY_SHAPE, HUAWEI_TIME_RE, SECRET_KEY_SHAPE, ms } from './support/shapes';

describe.each(STORE_MODES)('permanent keys v3 [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('create, list, show, update and delete answer 201/200/200/200/204 in Huawei shapes', async () => {
    const t = await emu().tenant();
    const admin = v3As(emu().url, t, t.admin);
    const created = wire(await admin.createPermanentAccessKey(createKey(t.iam_user.id, 'ci key')));
    expect(created).toEqual({
      httpStatusCode: 201,
      credential: {
        access: expect.stringMatching(ACCESS_KEY_SHAPE),
        secret: expect.stringMatching(SECRET_KEY_SHAPE),
        status: 'active',
        user_id: t.iam_user.id,
        description: 'ci key',
        create_time: expect.stringMatching(HUAWEI_TIME_RE),
      },
    });
    const { access, create_time } = created.credential;
    expect(ms(create_time)).toBe(emu().clock.now());

    const listed = wire(await admin.listPermanentAccessKeys(listKeys(t.iam_user.id)));
    expect(listed.httpStatusCode).toBe(200);
    expect(listed.credentials).toHaveLength(2);
    expect(listed.credentials).toContainEqual({
      access,
      status: 'active',
      user_id: t.iam_user.id,
      description: 'ci key',
      create_time,
    });

    const shown = wire(await admin.showPermanentAccessKey(showKey(access)));
    expect(shown).toEqual({
      httpStatusCode: 200,
      credential: {
        access,
        status: 'active',
        user_id: t.iam_user.id,
        description: 'ci key',
        create_time,
        last_use_time: create_time,
      },
    });

    const updated = wire(
      await admin.updatePermanentAccessKey(
        updateKey(access, { status: 'inactive', description: 'off' }),
      ),
    );
    expect(updated).toEqual({
      httpStatusCode: 200,
      credential: {
        access,
        status: 'inactive',
        user_id: t.iam_user.id,
        description: 'off',
        create_time,
      },
    });

    expect(wire(await admin.deletePermanentAccessKey(deleteKey(access))).httpStatusCode).toBe(204);
    const after = wire(await admin.listPermanentAccessKeys(listKeys(t.iam_user.id)));
    expect(after.credentials.map((c: { access: string }) => c.access)).toEqual([
      t.iam_user.access_key.access,
    ]);
  });

  it('shows the secret only in the create response, never in list, show or update', async () => {
    const t = await emu().tenant();
    const admin = v3As(emu().url, t, t.admin);
    const { credential } = wire(await admin.createPermanentAccessKey(createKey(t.iam_user.id)));
    const later = [
      await admin.listPermanentAccessKeys(listKeys(t.iam_user.id)),
      await admin.showPermanentAccessKey(showKey(credential.access)),
      await admin.updatePermanentAccessKey(updateKey(credential.access, { description: 'x' })),
      await v3As(emu().url, t, t.iam_user).listPermanentAccessKeys(listKeys()),
    ];
    for (const body of later) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(credential.secret);
      expect(text).not.toContain('"secret"');
    }
  });

  it('starts last_use_time at create_time, moves it at the first signed use, then at most once per 15 minutes', async () => {
    const t = await emu().tenant();
    const admin = v3As(emu().url, t, t.admin);
    const { credential } = wire(await admin.createPermanentAccessKey(createKey(t.iam_user.id)));
    const shown = async () =>
      wire(await admin.showPermanentAccessKey(showKey(credential.access))).credential;
    const use = () =>
      v3(emu().url, globalCred(credential, t.domain.id)).listPermanentAccessKeys(listKeys());
    const before = await shown();
    expect(before.last_use_time).toBe(before.create_time);

    emu().clock.advance(90);
    const usedAt = emu().clock.now();
    await use();
    const after = await shown();
    expect(after.last_use_time).toMatch(HUAWEI_TIME_RE);
    expect(ms(after.last_use_time)).toBe(usedAt);
    expect(after.create_time).toBe(before.create_time);

    // Huawei's rule: a use within 15 minutes of the last shown one does not move it.
    emu().clock.advance(15 * 60 - 1);
    await use();
    expect(ms((await shown()).last_use_time)).toBe(usedAt);
    emu().clock.advance(1);
    const laterUse = emu().clock.now();
    await use();
    expect(ms((await shown()).last_use_time)).toBe(laterUse);
  });

  it('refuses a third key with 400 akSkNumExceed, counting inactive keys, and keeps two', async () => {
    const t = await emu().tenant();
    const admin = v3As(emu().url, t, t.admin);
    const second = wire(await admin.createPermanentAccessKey(createKey(t.iam_user.id))).credential;
    await admin.updatePermanentAccessKey(updateKey(second.access, { status: 'inactive' }));
    await expectSdkError(
      admin.createPermanentAccessKey(createKey(t.iam_user.id)),
      sdkView(QUOTA_EXCEEDED),
    );

    const res = await raw(emu().url, {
      method: 'POST',
      path: '/v3.0/OS-CREDENTIAL/credentials',
      body: { credential: { user_id: t.iam_user.id } },
      sign: { key: t.admin.access_key, domainId: t.domain.id },
    });
    expectHuaweiError(res, QUOTA_EXCEEDED.status, QUOTA_EXCEEDED.body);
    const listed = wire(await admin.listPermanentAccessKeys(listKeys(t.iam_user.id)));
    expect(listed.credentials).toHaveLength(2);
  });

  it('refuses an inactive key for signing (401 APIGW.0301) and accepts it again once active', async () => {
    const t = await emu().tenant();
    const admin = v3As(emu().url, t, t.admin);
    const key = wire(await admin.createPermanentAccessKey(createKey(t.iam_user.id))).credential;
    await admin.updatePermanentAccessKey(updateKey(key.access, { status: 'inactive' }));
    const asKey = v3(emu().url, globalCred(key, t.domain.id));
    await expectSdkError(asKey.listPermanentAccessKeys(listKeys()), {
      status: 401,
      code: APIGW_AUTH,
      msg: apigwMsg.inactive(key.access),
    });

    await admin.updatePermanentAccessKey(updateKey(key.access, { status: 'active' }));
    const listed = wire(await asKey.listPermanentAccessKeys(listKeys()));
    expect(listed.httpStatusCode).toBe(200);
  });

  it('serves the same calls to BasicCredentials (X-Project-Id) as to GlobalCredentials', async () => {
    const t = await emu().tenant();
    const project = regionProject(t);
    const admin = v3(emu().url, basicCred(t.admin.access_key, project.id));
    const created = wire(await admin.createPermanentAccessKey(createKey(t.iam_user.id, 'basic')));
    expect(created.httpStatusCode).toBe(201);
    const shown = wire(await admin.showPermanentAccessKey(showKey(created.credential.access)));
    expect(shown.credential).toMatchObject({
      access: created.credential.access,
      description: 'basic',
    });
    const own = wire(
      await v3(emu().url, basicCred(t.iam_user.access_key, project.id)).listPermanentAccessKeys(
        listKeys(),
      ),
    );
    expect(own.credentials.map((c: { access: string }) => c.access).sort()).toEqual(
      [t.iam_user.access_key.access, created.credential.access].sort(),
    );
  });

  it("lists the caller's own keys when user_id is omitted", async () => {
    const t = await emu().tenant();
    const own = wire(await v3As(emu().url, t, t.iam_user).listPermanentAccessKeys(listKeys()));
    expect(own).toEqual({
      httpStatusCode: 200,
      credentials: [
        {
          access: t.iam_user.access_key.access,
          status: 'active',
          user_id: t.iam_user.id,
          description: expect.any(String),
          create_time: expect.stringMatching(HUAWEI_TIME_RE),
        },
      ],
    });
  });
});
