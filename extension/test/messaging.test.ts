import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../lib/background/router';
import { classifySender } from '../lib/messages/sender';
import { FACTS } from './fixtures/load';
import {
  CONSOLE_TAB,
  EMULATOR_TAB,
  EXTENSION_ORIGIN,
  POPUP,
  RUNTIME_ID,
  routerDeps,
} from './helpers/senders';

const NOW = Date.UTC(2030, 0, 2, 3, 4, 5);
const deps = routerDeps(NOW);
const READ = {
  type: 'credentials/read',
  result: {
    status: 'complete',
    identity: FACTS.identity,
    missing: [],
    projects: FACTS.projects,
    projectsListed: true,
  },
};
const CAPTURED = {
  access: 'EMUTQWERTYUIOP123456',
  secret: 'EmuSecretSecretSecretSecretSecretSecret1',
  securityToken: 'EMUSTS' + 'x'.repeat(40),
  expiresAt: NOW + 600_000,
};

beforeEach(() => fakeBrowser.reset());

describe('classifySender', () => {
  it.each([
    [POPUP, 'extension-page'],
    [CONSOLE_TAB, 'content-script'],
    [EMULATOR_TAB, 'content-script'],
    [{ ...POPUP, id: 'another-extension' }, 'foreign'],
    [{ id: RUNTIME_ID }, 'foreign'],
    [{ ...CONSOLE_TAB, url: 'https://evil.example/iam/#/mine/apiCredential' }, 'foreign'],
    [{ ...CONSOLE_TAB, url: 'http://console.huaweicloud.com/iam/' }, 'foreign'],
    [{ ...CONSOLE_TAB, url: 'https://console.huaweicloud.com/ecm/' }, 'foreign'],
    [{ ...CONSOLE_TAB, tab: undefined }, 'foreign'],
  ] as const)('%o is %s', (sender, kind) => {
    expect(classifySender(sender, RUNTIME_ID, EXTENSION_ORIGIN)).toBe(kind);
  });
});

describe('background router: senders', () => {
  it('rejects every message from another extension or a web page', async () => {
    for (const sender of [{ ...POPUP, id: 'other' }, { url: 'https://evil.example/' }, {}]) {
      expect(await handleMessage({ type: 'keys/list' }, sender, deps)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }),
      });
    }
  });

  it('lets a content script report page data, and nothing else', async () => {
    expect(await handleMessage(READ, CONSOLE_TAB, deps)).toEqual({ ok: true, recorded: true });
    for (const type of ['keys/list', 'lastRead/list']) {
      expect(await handleMessage({ type }, CONSOLE_TAB, deps)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
    const mint = {
      type: 'keys/mint',
      request: {
        endpoint: 'http://127.0.0.1:1',
        durationSeconds: 900,
        auth: { kind: 'token', token: 't' },
      },
    };
    expect(await handleMessage(mint, CONSOLE_TAB, deps)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('does not take page data from an extension page', async () => {
    expect(await handleMessage(READ, POPUP, deps)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });
});

describe('background router: shapes', () => {
  it.each([
    ['not an object', 'keys/list'],
    ['unknown type', { type: 'keys/exportAll' }],
    [
      'identity ID not hex',
      {
        ...READ,
        result: { ...READ.result, identity: { ...FACTS.identity, accountId: '<img src=x>' } },
      },
    ],
    [
      'project ID not hex',
      { ...READ, result: { ...READ.result, projects: [{ ...FACTS.projects[0], id: 'x' }] } },
    ],
    [
      'project name not a region',
      {
        ...READ,
        result: {
          ...READ.result,
          projects: [{ ...FACTS.projects[0], name: 'javascript:alert(1)' }],
        },
      },
    ],
    [
      'project named for another region (cn-north-41 is not cn-north-4)',
      {
        ...READ,
        result: { ...READ.result, projects: [{ ...FACTS.projects[0], name: 'cn-north-41' }] },
      },
    ],
    [
      'sub-project of another region',
      {
        ...READ,
        result: { ...READ.result, projects: [{ ...FACTS.projects[1], name: 'cn-north-41_dev' }] },
      },
    ],
    [
      'sub-project flag contradicting the name',
      {
        ...READ,
        result: { ...READ.result, projects: [{ ...FACTS.projects[0], subProject: true }] },
      },
    ],
    [
      'project name over 64 characters',
      {
        ...READ,
        result: {
          ...READ.result,
          projects: [{ ...FACTS.projects[1], name: `cn-north-4_${'a'.repeat(54)}` }],
        },
      },
    ],
    ['status missing', { ...READ, result: { ...READ.result, status: undefined } }],
    [
      'more missing fields than there are',
      {
        ...READ,
        result: {
          ...READ.result,
          status: 'not-found',
          missing: ['accountName', 'accountId', 'userName', 'userId', 'userId'],
        },
      },
    ],
    [
      'captured AK of the wrong shape',
      { type: 'keys/store', key: { ...CAPTURED, access: 'short' } },
    ],
    ['delete without an AK', { type: 'keys/delete' }],
    [
      'sign with a bad method',
      {
        type: 'sign',
        access: CAPTURED.access,
        send: false,
        request: { method: 'TRACE', url: 'https://x/', headers: [], body: '' },
      },
    ],
    ['clipboard digest not sha256', { type: 'clipboard/copied', digest: 'the secret itself' }],
  ])('rejects %s', async (_, message) => {
    const sender = (message as { type?: string }).type === 'credentials/read' ? CONSOLE_TAB : POPUP;
    expect(await handleMessage(message, sender, deps)).toMatchObject({
      ok: false,
      error: { code: 'BAD_MESSAGE' },
    });
  });

  it('keeps only IDs and names from page data: extra fields never reach storage.local', async () => {
    const withExtras = {
      ...READ,
      result: {
        ...READ.result,
        secret: 'EmuLeak',
        identity: { ...FACTS.identity, password: 'hunter2' },
      },
    };
    expect(await handleMessage(withExtras, EMULATOR_TAB, deps)).toEqual({
      ok: true,
      recorded: true,
    });
    const local = JSON.stringify(await fakeBrowser.storage.local.get());
    expect(local).toContain(FACTS.identity.accountId);
    expect(local).not.toMatch(/EmuLeak|hunter2/);
    const listed = await handleMessage({ type: 'lastRead/list' }, POPUP, deps);
    expect(listed).toMatchObject({
      ok: true,
      entries: [{ origin: 'http://127.0.0.1:4566', readAt: NOW, identity: FACTS.identity }],
    });
  });

  it('stores a captured key in session storage and lists it for the popup', async () => {
    expect(await handleMessage({ type: 'keys/store', key: CAPTURED }, POPUP, deps)).toMatchObject({
      ok: true,
      key: { access: CAPTURED.access, source: 'page', expiryKnown: true },
    });
    expect(await handleMessage({ type: 'keys/list' }, POPUP, deps)).toMatchObject({
      ok: true,
      keys: [{ access: CAPTURED.access }],
    });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('refuses to store a key the page shows as already expired', async () => {
    const stale = { ...CAPTURED, expiresAt: NOW - 1 };
    expect(await handleMessage({ type: 'keys/store', key: stale }, POPUP, deps)).toMatchObject({
      ok: false,
      error: { code: 'KEY_EXPIRED' },
    });
  });

  it('schedules a clipboard clear with the configured delay', async () => {
    const digest = 'a'.repeat(64);
    expect(await handleMessage({ type: 'clipboard/copied', digest }, POPUP, deps)).toEqual({
      ok: true,
      scheduled: true,
    });
    expect(await fakeBrowser.alarms.get('clipboard-clear')).toMatchObject({
      name: 'clipboard-clear',
    });
  });
});
