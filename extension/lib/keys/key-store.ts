/**
 * @module keys/key-store
 * Temporary keys live in `storage.session` only: in memory, gone when the browser stops, never
 * exposed to content scripts (we never raise its access level), never in `local` or `sync`.
 * An alarm per key deletes it at expiry; every read also drops expired keys, because Chrome
 * fires alarms at most every 30 s and not at all while the browser sleeps.
 */
import { browser } from 'wxt/browser';
import { parseHeldKey } from '../messages/parse-key';
import { isExpired, type HeldKey } from './held-key';

const STORAGE_KEY = 'temporaryKeys';
export const KEY_EXPIRY_ALARM_PREFIX = 'key-expiry:';
/** A user rarely needs more; the cap bounds what a bug could pile up in memory. */
export const MAX_HELD_KEYS = 20;

async function readAll(): Promise<HeldKey[]> {
  const raw = (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY];
  if (!Array.isArray(raw)) return [];
  const keys: HeldKey[] = [];
  for (const entry of raw) {
    try {
      keys.push(parseHeldKey(entry));
    } catch {
      // A malformed entry (older version, tampering) is dropped, not trusted.
    }
  }
  return keys;
}

async function writeAll(keys: HeldKey[]): Promise<void> {
  if (keys.length === 0) await browser.storage.session.remove(STORAGE_KEY);
  else await browser.storage.session.set({ [STORAGE_KEY]: keys });
}

function alarmName(access: string): string {
  return KEY_EXPIRY_ALARM_PREFIX + access;
}

/** Live keys, newest first; expired ones are deleted on the way. */
export async function listKeys(now: number): Promise<HeldKey[]> {
  const all = await readAll();
  const live = all.filter((k) => !isExpired(k, now));
  if (live.length !== all.length) {
    await writeAll(live);
    for (const k of all) if (isExpired(k, now)) await browser.alarms.clear(alarmName(k.access));
  }
  return live.sort((a, b) => b.obtainedAt - a.obtainedAt);
}

export async function getKey(access: string, now: number): Promise<HeldKey | undefined> {
  return (await listKeys(now)).find((k) => k.access === access);
}

/** Holds a key (replacing one with the same AK) and schedules its deletion. */
export async function putKey(key: HeldKey, now: number): Promise<void> {
  const others = (await listKeys(now)).filter((k) => k.access !== key.access);
  const kept = [key, ...others].slice(0, MAX_HELD_KEYS);
  await writeAll(kept);
  for (const dropped of others.slice(MAX_HELD_KEYS - 1))
    await browser.alarms.clear(alarmName(dropped.access));
  await browser.alarms.create(alarmName(key.access), { when: key.expiresAt });
}

export async function deleteKey(access: string): Promise<boolean> {
  const all = await readAll();
  const kept = all.filter((k) => k.access !== access);
  await writeAll(kept);
  await browser.alarms.clear(alarmName(access));
  return kept.length !== all.length;
}

/** The alarms listener's part: true when the alarm was a key's expiry. */
export async function onKeyAlarm(name: string): Promise<boolean> {
  if (!name.startsWith(KEY_EXPIRY_ALARM_PREFIX)) return false;
  await deleteKey(name.slice(KEY_EXPIRY_ALARM_PREFIX.length));
  return true;
}
