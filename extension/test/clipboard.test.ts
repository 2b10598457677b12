import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CLIPBOARD_ALARM,
  clipboardDigest,
  runClear,
  scheduleClear,
  type ClipboardPort,
} from '../lib/clipboard/auto-clear';

const SECRET = 'export HUAWEICLOUD_SDK_SK=EmuTemporarySecretKey0000000000000000001';

function fakeClipboard(
  initial: string | undefined,
): ClipboardPort & { text: string | undefined; writes: string[] } {
  const port = {
    text: initial,
    writes: [] as string[],
    read: async () => port.text,
    write: async (t: string) => {
      port.writes.push(t);
      port.text = t;
    },
  };
  return port;
}

beforeEach(() => fakeBrowser.reset());

describe('clipboard auto-clear', () => {
  it('schedules an alarm after the delay and keeps only a digest of the secret', async () => {
    await scheduleClear(await clipboardDigest(SECRET), 60);
    const alarm = await fakeBrowser.alarms.get(CLIPBOARD_ALARM);
    expect(alarm).toBeDefined();
    const stored = JSON.stringify(await fakeBrowser.storage.session.get());
    expect(stored).not.toContain('EmuTemporarySecretKey');
    expect(stored).toContain(await clipboardDigest(SECRET));
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('clears the clipboard when it still holds what was copied', async () => {
    await scheduleClear(await clipboardDigest(SECRET), 60);
    const clipboard = fakeClipboard(SECRET);
    expect(await runClear(clipboard)).toBe('cleared');
    expect(clipboard.writes).toEqual(['']);
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    await scheduleClear(await clipboardDigest(SECRET), 60);
    const clipboard = fakeClipboard('something the user copied later');
    expect(await runClear(clipboard)).toBe('changed');
    expect(clipboard.writes).toEqual([]);
  });

  it('does not clear blindly when the clipboard cannot be read (no clipboardRead permission)', async () => {
    await scheduleClear(await clipboardDigest(SECRET), 60);
    const clipboard = fakeClipboard(undefined);
    expect(await runClear(clipboard)).toBe('unreadable');
    expect(clipboard.writes).toEqual([]);
  });

  it('runs once: a second alarm finds nothing pending', async () => {
    await scheduleClear(await clipboardDigest(SECRET), 60);
    await runClear(fakeClipboard(SECRET));
    const clipboard = fakeClipboard(SECRET);
    expect(await runClear(clipboard)).toBe('nothing-pending');
    expect(clipboard.writes).toEqual([]);
  });

  it('a new copy replaces the pending clear; a delay of 0 turns clearing off', async () => {
    await scheduleClear(await clipboardDigest(SECRET), 60);
    await scheduleClear(await clipboardDigest('second secret'), 120);
    expect(await runClear(fakeClipboard(SECRET))).toBe('changed');

    await scheduleClear(await clipboardDigest(SECRET), 0);
    expect(await fakeBrowser.alarms.get(CLIPBOARD_ALARM)).toBeUndefined();
    expect(await runClear(fakeClipboard(SECRET))).toBe('nothing-pending');
  });
});
