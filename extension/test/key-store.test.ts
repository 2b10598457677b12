import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HeldKey } from '../lib/keys/held-key';
import {
  deleteKey,
  getKey,
  KEY_EXPIRY_ALARM_PREFIX,
  listKeys,
  MAX_HELD_KEYS,
  onKeyAlarm,
  putKey,
} from '../lib/keys/key-store';

const NOW = Date.UTC(2030, 0, 2, 3, 4, 5);

function key(n: number, expiresInMs = 3_600_000): HeldKey {
  return {
    access: `EMUTKEY${String(n).padStart(13, '0')}`,
    secret: `EmuSecret${String(n).padStart(31, '0')}`,
    securityToken: `EMUSTS${'t'.repeat(40)}${n}`,
    expiresAt: NOW + expiresInMs,
    obtainedAt: NOW + n,
    expiryKnown: true,
    source: 'minted',
  };
}

beforeEach(() => fakeBrowser.reset());

describe('temporary key store', () => {
  it('holds keys in storage.session only, never in local or sync', async () => {
    await putKey(key(1), NOW);
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).toContain(key(1).secret);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('schedules an alarm at the expiry, and the alarm deletes the key', async () => {
    await putKey(key(1, 900_000), NOW);
    const alarm = await fakeBrowser.alarms.get(KEY_EXPIRY_ALARM_PREFIX + key(1).access);
    expect(alarm?.scheduledTime).toBe(NOW + 900_000);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    expect(await onKeyAlarm(alarm!.name)).toBe(true);
    expect(await listKeys(NOW)).toEqual([]);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it('drops expired keys on every read, even if the alarm never fired', async () => {
    await putKey(key(1, 1000), NOW);
    await putKey(key(2, 5000), NOW);
    expect((await listKeys(NOW + 2000)).map((k) => k.access)).toEqual([key(2).access]);
    expect(await getKey(key(1).access, NOW)).toBeUndefined(); // gone for good, not just hidden
    expect(await fakeBrowser.alarms.get(KEY_EXPIRY_ALARM_PREFIX + key(1).access)).toBeUndefined();
  });

  it('deletes on demand, with its alarm', async () => {
    await putKey(key(1), NOW);
    expect(await deleteKey(key(1).access)).toBe(true);
    expect(await deleteKey(key(1).access)).toBe(false);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('lists newest first, replaces a key with the same AK, and caps how many it holds', async () => {
    for (let n = 1; n <= MAX_HELD_KEYS + 2; n++) await putKey(key(n), NOW);
    await putKey({ ...key(3), obtainedAt: NOW + 999 }, NOW);
    const held = await listKeys(NOW);
    expect(held).toHaveLength(MAX_HELD_KEYS);
    expect(held[0]?.access).toBe(key(3).access);
    expect(new Set(held.map((k) => k.access)).size).toBe(MAX_HELD_KEYS);
  });

  it('ignores tampered or malformed entries in session storage', async () => {
    await fakeBrowser.storage.session.set({ temporaryKeys: [{ access: 'nope' }, key(1), 'junk'] });
    expect((await listKeys(NOW)).map((k) => k.access)).toEqual([key(1).access]);
  });

  it('ignores alarms that are not key expiries', async () => {
    expect(await onKeyAlarm('clipboard-clear')).toBe(false);
  });
});
