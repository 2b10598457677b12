/**
 * IAM v5 access keys (`/v5/users/{user_id}/access-keys`) through the v5 SDK client: shapes,
 * pagination, last-used, and one store and rule set shared with v3 (docs/reference/huawei-iam-api.md §1, docs/reference/sdk-wire.md §4).
 */
import { describe, expect, it } from 'vitest';
import { globalCred, v3As, v5, v5As } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { APIGW_AUTH, QUOTA_EXCEEDED, V5_QUOTA, apigwMsg, sdkView } from './support/huawei-errors';
import {
  createKey,
  listKeys,
  showKey,
  v5Create,
  v5Delete,
  v5LastUsed,
  v5List,
  v5Update,
} from './support/requests';
import { wire } from './support/sdk';
import { expectSdkError, sdkError } from './support/sdk-error';
import { ACCESS_KEY_SHAPE, SECRET_KEY_SHAPE } from './support/shapes';

/** v5 timestamps: any ISO-8601 UTC time; compared to the injected clock to the second. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const sameSecond = (iso: string, msSinceEpoch: number) =>
  Math.floor(Date.parse(iso) / 1000) === Math.floor(msSinceEpoch / 1000);

describe.each(STORE_MODES)('access keys v5 [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('create, list, update and delete answer 201/200/200/204 in the v5 shapes', async () => {
    const t = await emu().tenant();
    const admin = v5As(emu().url, t, t.admin);
    const created = wire(await admin.createAccessKeyV5(v5Create(t.iam_user.id)));
    expect(created).toEqual({
      httpStatusCode: 201,
      access_key: {
        user_id: t.iam_user.id,
        access_key_id: expect.stringMatching(ACCESS_KEY_SHAPE),
        secret_access_key: expect.stringMatching(SECRET_KEY_SHAPE),
        status: 'active',
        created_at: expect.stringMatching(ISO_UTC),
      },
    });
    const { access_key_id: ak, created_at, secret_access_key: sk } = created.access_key;
    expect(sameSecond(created_at, emu().clock.now())).toBe(true);

    const listed = wire(await admin.listAccessKeysV5(v5List(t.iam_user.id)));
    expect(listed.httpStatusCode).toBe(200);
    expect(listed.access_keys).toHaveLength(2);
    expect(listed.access_keys).toContainEqual({
      user_id: t.iam_user.id,
      access_key_id: ak,
      status: 'active',
      created_at,
    });
    expect(listed.page_info).toMatchObject({ current_count: 2 });
    expect(JSON.stringify(listed)).not.toContain(sk);

    const updated = wire(await admin.updateAccessKeyV5(v5Update(t.iam_user.id, ak, 'inactive')));
    expect(updated).toEqual({
      httpStatusCode: 200,
      access_key: { user_id: t.iam_user.id, access_key_id: ak, status: 'inactive', created_at },
    });

    expect(wire(await admin.deleteAccessKeyV5(v5Delete(t.iam_user.id, ak))).httpStatusCode).toBe(
      204,
    );
    const after = wire(await admin.listAccessKeysV5(v5List(t.iam_user.id)));
    expect(after.access_keys.map((k: { access_key_id: string }) => k.access_key_id)).toEqual([
      t.iam_user.access_key.access,
    ]);
  });

  it('pages with limit and next_marker', async () => {
    const t = await emu().tenant();
    const admin = v5As(emu().url, t, t.admin);
    await admin.createAccessKeyV5(v5Create(t.iam_user.id));
    const first = wire(await admin.listAccessKeysV5(v5List(t.iam_user.id, { limit: 1 })));
    expect(first.access_keys).toHaveLength(1);
    expect(first.page_info).toEqual({ current_count: 1, next_marker: expect.stringMatching(/\S/) });
    const second = wire(
      await admin.listAccessKeysV5(
        v5List(t.iam_user.id, { limit: 1, marker: first.page_info.next_marker }),
      ),
    );
    expect(second.access_keys).toHaveLength(1);
    expect(second.access_keys[0].access_key_id).not.toBe(first.access_keys[0].access_key_id);
    expect(second.page_info.next_marker).toBeUndefined();
  });

  it('reports last use: the creation time first, then the first signed request of each 15-minute span', async () => {
    const t = await emu().tenant();
    const admin = v5As(emu().url, t, t.admin);
    const { access_key: key } = wire(await admin.createAccessKeyV5(v5Create(t.iam_user.id)));
    const fresh = wire(
      await admin.showAccessKeyLastUsedV5(v5LastUsed(t.iam_user.id, key.access_key_id)),
    );
    expect(fresh.httpStatusCode).toBe(200);
    expect(sameSecond(fresh.access_key_last_used.last_used_at, Date.parse(key.created_at))).toBe(
      true,
    );

    emu().clock.advance(120);
    const usedAt = emu().clock.now();
    await v5(
      emu().url,
      globalCred({ access: key.access_key_id, secret: key.secret_access_key }, t.domain.id),
    ).listAccessKeysV5(v5List(t.iam_user.id));
    const used = wire(
      await admin.showAccessKeyLastUsedV5(v5LastUsed(t.iam_user.id, key.access_key_id)),
    );
    expect(used).toEqual({
      httpStatusCode: 200,
      access_key_last_used: { last_used_at: expect.stringMatching(ISO_UTC) },
    });
    expect(sameSecond(used.access_key_last_used.last_used_at, usedAt)).toBe(true);

    // Within 15 minutes of the last shown use, a use does not move it; 15 minutes on, it does.
    const signer = v5(
      emu().url,
      globalCred({ access: key.access_key_id, secret: key.secret_access_key }, t.domain.id),
    );
    const lastUsed = async () =>
      wire(await admin.showAccessKeyLastUsedV5(v5LastUsed(t.iam_user.id, key.access_key_id)))
        .access_key_last_used.last_used_at as string;
    emu().clock.advance(14 * 60);
    await signer.listAccessKeysV5(v5List(t.iam_user.id));
    expect(sameSecond(await lastUsed(), usedAt)).toBe(true);
    emu().clock.advance(60);
    const laterUse = emu().clock.now();
    await signer.listAccessKeysV5(v5List(t.iam_user.id));
    expect(sameSecond(await lastUsed(), laterUse)).toBe(true);
  });

  it('shares one store with v3: a v5 key is a v3 key and the 2-key quota spans both', async () => {
    const t = await emu().tenant();
    const admin5 = v5As(emu().url, t, t.admin);
    const admin3 = v3As(emu().url, t, t.admin);
    const { access_key: key } = wire(await admin5.createAccessKeyV5(v5Create(t.iam_user.id)));
    const shown = wire(await admin3.showPermanentAccessKey(showKey(key.access_key_id)));
    expect(shown.credential).toMatchObject({
      access: key.access_key_id,
      user_id: t.iam_user.id,
      status: 'active',
    });

    await expectSdkError(admin5.createAccessKeyV5(v5Create(t.iam_user.id)), V5_QUOTA);
    const v3Quota = await sdkError(admin3.createPermanentAccessKey(createKey(t.iam_user.id)));
    const quota = sdkView(QUOTA_EXCEEDED);
    expect(v3Quota).toMatchObject({
      httpStatusCode: quota.status,
      errorCode: quota.code,
      errorMsg: quota.msg,
    });
    const v3List = wire(await admin3.listPermanentAccessKeys(listKeys(t.iam_user.id)));
    expect(v3List.credentials).toHaveLength(2);
  });

  it('an inactive key set through v5 is refused for signing', async () => {
    const t = await emu().tenant();
    const admin = v5As(emu().url, t, t.admin);
    const { access_key: key } = wire(await admin.createAccessKeyV5(v5Create(t.iam_user.id)));
    await admin.updateAccessKeyV5(v5Update(t.iam_user.id, key.access_key_id, 'inactive'));
    const asKey = v5(
      emu().url,
      globalCred({ access: key.access_key_id, secret: key.secret_access_key }, t.domain.id),
    );
    await expectSdkError(asKey.listAccessKeysV5(v5List(t.iam_user.id)), {
      status: 401,
      code: APIGW_AUTH,
      msg: apigwMsg.inactive(key.access_key_id),
    });
  });
});
