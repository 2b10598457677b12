/**
 * `--seed-random N` (issue 4 "Store, process and CLI"): the same seed and clock give the same
 * IDs, keys, passwords and tokens, so tests and snapshots can rely on them; another seed does not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './support/emulator';
import { raw } from './support/raw';

const START = Date.parse('2024-01-02T03:04:05Z');

describe('deterministic ids with seedRandom', () => {
  const started: Emulator[] = [];
  afterEach(async () => {
    for (const e of started.splice(0)) await e.close();
  });
  const start = async (seedRandom: number, mode: 'memory' | 'file' = 'memory') => {
    const e = await startEmulator(mode, { seedRandom, clockStart: START });
    started.push(e);
    return e;
  };

  it('answers the same tenants and keys for the same seed, on either store, and different ones for another seed', async () => {
    const [a, b, c] = [await start(7), await start(7, 'file'), await start(8)];
    const tenantsOf = async (e: Emulator) => [
      await e.tenant(),
      await e.tenant({ regions: ['eu-west-101'] }),
    ];
    const [ta, tb, tc] = [await tenantsOf(a), await tenantsOf(b), await tenantsOf(c)];
    expect(tb).toEqual(ta);
    expect(tc[0]?.domain.id).not.toBe(ta[0]?.domain.id);
    expect(tc[0]?.admin.access_key).not.toEqual(ta[0]?.admin.access_key);

    const create = async (e: Emulator, t = ta[0]) => {
      if (!t) throw new Error('no tenant');
      const res = await raw(e.url, {
        method: 'POST',
        path: '/v3.0/OS-CREDENTIAL/credentials',
        body: { credential: { user_id: t.iam_user.id } },
        sign: { key: t.admin.access_key, domainId: t.domain.id },
      });
      expect(res.status, res.text).toBe(201);
      return res.json.credential;
    };
    expect(await create(b)).toEqual(await create(a));
  });
});
