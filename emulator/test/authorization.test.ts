/**
 * Who may manage which permanent keys (issue 4; docs/reference/huawei-iam-api.md §1.6, §6.1): IAM users their own,
 * only while `allow_user.manage_accesskey` allows; admins anyone's in their account; nobody
 * another account's; federated users no permanent keys at all.
 */
import { describe, expect, it } from 'vitest';
import { basicCred, globalCred, oidcCred, v3, v3As, v5As } from './support/clients';
import { STORE_MODES, useEmulator, type Emulator } from './support/emulator';
import {
  APIGW_AUTH,
  FORBIDDEN,
  V5_FORBIDDEN,
  keystoneNotFound,
  sdkView,
} from './support/huawei-errors';
import {
  createKey,
  deleteKey,
  listKeys,
  showKey,
  updateKey,
  updateProtectPolicy,
  v5Create,
  v5List,
} from './support/requests';
import { wire } from './support/sdk';
import { expectSdkError } from './support/sdk-error';
import { regionProject, type Tenant } from './support/tenant';

async function allowUsersKeys(emu: Emulator, t: Tenant, allow: boolean): Promise<void> {
  await v3As(emu.url, t, t.admin).updateDomainProtectPolicy(
    updateProtectPolicy(t.domain.id, false, { manage_accesskey: allow }),
  );
}

const accessesOf = (body: { credentials: Array<{ access: string }> }) =>
  body.credentials.map((c) => c.access).sort();

describe.each(STORE_MODES)('authorization of key management [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('lets an IAM user create, disable and delete their own keys while manage_accesskey is on', async () => {
    const t = await emu().tenant();
    await allowUsersKeys(emu(), t, true);
    const user = v3As(emu().url, t, t.iam_user);
    const created = wire(await user.createPermanentAccessKey(createKey(t.iam_user.id)));
    expect(created).toMatchObject({
      httpStatusCode: 201,
      credential: { user_id: t.iam_user.id, status: 'active' },
    });
    const ak = created.credential.access;
    expect(
      wire(await user.updatePermanentAccessKey(updateKey(ak, { status: 'inactive' }))).credential
        .status,
    ).toBe('inactive');
    expect(wire(await user.deletePermanentAccessKey(deleteKey(ak))).httpStatusCode).toBe(204);
  });

  it('refuses an IAM user create, update and delete of their own keys once manage_accesskey is off, changing nothing', async () => {
    const t = await emu().tenant();
    await allowUsersKeys(emu(), t, true);
    const user = v3As(emu().url, t, t.iam_user);
    const second = wire(await user.createPermanentAccessKey(createKey(t.iam_user.id))).credential
      .access;
    await allowUsersKeys(emu(), t, false);
    const before = accessesOf(wire(await user.listPermanentAccessKeys(listKeys())));

    await expectSdkError(user.deletePermanentAccessKey(deleteKey(second)), sdkView(FORBIDDEN));
    await expectSdkError(
      user.updatePermanentAccessKey(updateKey(second, { status: 'inactive' })),
      sdkView(FORBIDDEN),
    );
    const admin = v3As(emu().url, t, t.admin);
    await admin.deletePermanentAccessKey(deleteKey(second));
    await expectSdkError(
      user.createPermanentAccessKey(createKey(t.iam_user.id)),
      sdkView(FORBIDDEN),
    );

    const after = wire(await admin.listPermanentAccessKeys(listKeys(t.iam_user.id)));
    expect(accessesOf(after)).toEqual(before.filter((ak) => ak !== second));
    expect(after.credentials.every((c: { status: string }) => c.status === 'active')).toBe(true);
  });

  it("never lets an IAM user touch another user's keys, even with manage_accesskey on", async () => {
    const t = await emu().tenant();
    await allowUsersKeys(emu(), t, true);
    const user = v3As(emu().url, t, t.iam_user);
    const adminAk = t.admin.access_key.access;
    await expectSdkError(user.createPermanentAccessKey(createKey(t.admin.id)), sdkView(FORBIDDEN));
    await expectSdkError(user.listPermanentAccessKeys(listKeys(t.admin.id)), sdkView(FORBIDDEN));
    await expectSdkError(user.showPermanentAccessKey(showKey(adminAk)), sdkView(FORBIDDEN));
    await expectSdkError(
      user.updatePermanentAccessKey(updateKey(adminAk, { status: 'inactive' })),
      sdkView(FORBIDDEN),
    );
    await expectSdkError(user.deletePermanentAccessKey(deleteKey(adminAk)), sdkView(FORBIDDEN));
    await expectSdkError(
      v5As(emu().url, t, t.iam_user).listAccessKeysV5(v5List(t.admin.id)),
      V5_FORBIDDEN,
    );
    const adminKeys = wire(
      await v3As(emu().url, t, t.admin).showPermanentAccessKey(showKey(adminAk)),
    );
    expect(adminKeys.credential.status).toBe('active');
  });

  it("lets an admin manage any user's keys in the account, whatever manage_accesskey says", async () => {
    const t = await emu().tenant();
    await allowUsersKeys(emu(), t, false);
    const admin = v3As(emu().url, t, t.admin);
    const key = wire(await admin.createPermanentAccessKey(createKey(t.iam_user.id))).credential;
    expect(
      wire(await admin.updatePermanentAccessKey(updateKey(key.access, { status: 'inactive' })))
        .httpStatusCode,
    ).toBe(200);
    expect(
      wire(
        await admin.updatePermanentAccessKey(
          updateKey(t.iam_user.access_key.access, { description: 'by admin' }),
        ),
      ).credential.description,
    ).toBe('by admin');
    expect(wire(await admin.deletePermanentAccessKey(deleteKey(key.access))).httpStatusCode).toBe(
      204,
    );
    const v5Created = wire(
      await v5As(emu().url, t, t.admin).createAccessKeyV5(v5Create(t.iam_user.id)),
    );
    expect(v5Created.httpStatusCode).toBe(201);
  });

  it("keeps another account's keys and users out of reach, and its keys keep working", async () => {
    const a = await emu().tenant();
    const b = await emu().tenant();
    const intruder = v3As(emu().url, b, b.admin);
    const victimAk = a.iam_user.access_key.access;
    const noKey = sdkView(keystoneNotFound('credential', victimAk));
    const noUser = sdkView(keystoneNotFound('user', a.iam_user.id));
    await expectSdkError(intruder.showPermanentAccessKey(showKey(victimAk)), noKey);
    await expectSdkError(
      intruder.updatePermanentAccessKey(updateKey(victimAk, { status: 'inactive' })),
      noKey,
    );
    await expectSdkError(intruder.deletePermanentAccessKey(deleteKey(victimAk)), noKey);
    await expectSdkError(intruder.createPermanentAccessKey(createKey(a.iam_user.id)), noUser);
    await expectSdkError(intruder.listPermanentAccessKeys(listKeys(a.iam_user.id)), noUser);
    await expectSdkError(v5As(emu().url, b, b.admin).createAccessKeyV5(v5Create(a.iam_user.id)), {
      status: 404,
      code: 'IAM.0004',
      msg: `Could not find user: ${a.iam_user.id}.`,
    });

    const victim = wire(await v3As(emu().url, a, a.iam_user).listPermanentAccessKeys(listKeys()));
    expect(victim.credentials).toEqual([
      expect.objectContaining({ access: victimAk, status: 'active' }),
    ]);
  });

  it('refuses an X-Domain-Id or X-Project-Id of another account (documented emulator choice)', async () => {
    const a = await emu().tenant();
    const b = await emu().tenant();
    const scope = (header: string, value: string) => ({
      status: 401,
      code: APIGW_AUTH,
      msg: `Incorrect IAM authentication information: ${header} ${value} does not belong to the account of this credential`,
    });
    await expectSdkError(
      v3(emu().url, globalCred(a.iam_user.access_key, b.domain.id)).listPermanentAccessKeys(
        listKeys(),
      ),
      scope('X-Domain-Id', b.domain.id),
    );
    const foreign = regionProject(b).id;
    await expectSdkError(
      v3(emu().url, basicCred(a.iam_user.access_key, foreign)).listPermanentAccessKeys(listKeys()),
      scope('X-Project-Id', foreign),
    );
  });

  it('refuses permanent keys to a federated (OIDC) user, who can still read', async () => {
    const t = await emu().tenant();
    await allowUsersKeys(emu(), t, true);
    const federated = v3(emu().url, oidcCred(emu().url, t));
    const own = wire(await federated.listPermanentAccessKeys(listKeys()));
    expect(own).toEqual({ httpStatusCode: 200, credentials: [] });
    await expectSdkError(
      federated.createPermanentAccessKey(createKey(t.federated_user.id)),
      sdkView(FORBIDDEN),
    );
    const admin = v3As(emu().url, t, t.admin);
    await expectSdkError(
      admin.createPermanentAccessKey(createKey(t.federated_user.id)),
      sdkView(FORBIDDEN),
    );
  });
});
