import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listLastRead, recordRead } from '../lib/last-read/last-read-store';
import type { ScrapeResult } from '../lib/scraper/types';
import { FACTS } from './fixtures/load';

const NOW = Date.UTC(2030, 0, 2, 3, 4, 5);
const ORIGIN = 'http://127.0.0.1:8790';
const ENTRY = { origin: ORIGIN, identity: FACTS.identity, projects: FACTS.projects, readAt: NOW };
const READ: ScrapeResult = {
  status: 'complete',
  identity: FACTS.identity,
  missing: [],
  projects: FACTS.projects,
  projectsListed: true,
};

beforeEach(() => fakeBrowser.reset());

describe('last read store', () => {
  it('reads back a valid entry, rebuilt without extra fields', async () => {
    await fakeBrowser.storage.local.set({
      lastRead: [{ ...ENTRY, identity: { ...FACTS.identity, password: 'hunter2' }, extra: 1 }],
    });
    expect(await listLastRead()).toEqual([ENTRY]);
  });

  it.each([
    ['a user ID that is not 32 hex', { ...FACTS.identity, userId: '<img src=x onerror=alert(1)>' }],
    ['a name over several lines', { ...FACTS.identity, userName: 'dev\nalice' }],
    ['an account name that is not a string', { ...FACTS.identity, accountName: 42 }],
    ['no account ID', { userName: 'dev-alice' }],
  ])('drops a tampered entry: %s (the same identity checks as page data)', async (_, identity) => {
    await fakeBrowser.storage.local.set({
      lastRead: [
        { ...ENTRY, identity },
        { ...ENTRY, origin: 'https://console.huaweicloud.com' },
      ],
    });
    expect((await listLastRead()).map((e) => e.origin)).toEqual([
      'https://console.huaweicloud.com',
    ]);
  });

  it('a read without a projects list keeps the projects read earlier, reading storage once', async () => {
    await recordRead(ORIGIN, READ, NOW);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const entry = await recordRead(
      ORIGIN,
      { ...READ, projects: [], projectsListed: false },
      NOW + 1,
    );
    expect(get).toHaveBeenCalledTimes(1);
    expect(entry).toMatchObject({ readAt: NOW + 1, projects: FACTS.projects });
    expect(await listLastRead()).toEqual([{ ...ENTRY, readAt: NOW + 1 }]);
  });
});
