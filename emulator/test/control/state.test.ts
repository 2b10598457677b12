/**
 * `/_emulator/state` export and import (validated, atomic: a bad document changes nothing, in
 * memory and on disk), and the `importFile` / `exportOnExit` options behind `--import` and
 * `--export-on-exit`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/client/index';
import { SCHEMA_VERSION } from '../../src/domain/state';
import { readStoreFolder } from '../../src/store/lowdb/inspect';
import { raw } from '../support/raw';
import { useControlEmulator } from './harness';

describe('state export and import on the file store', () => {
  const emu = useControlEmulator({ file: true });

  it('exports the store document as it is on disk, never cached', async () => {
    await emu().client.createTenant({ name: 'exported' });
    const res = await raw(emu().url, { method: 'GET', path: '/_emulator/state' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json.schemaVersion).toBe(SCHEMA_VERSION);
    expect(res.json).toEqual(readStoreFolder(emu().runtime.store.location ?? ''));
  });

  it('refuses bad documents with the reason, leaving memory and disk unchanged', async () => {
    const good = await emu().client.exportState();
    const disk = readStoreFolder(emu().runtime.store.location ?? '');
    const someUser = Object.keys(good.users)[0] ?? '';
    const someKey = Object.values(good.permanent_keys)[0];
    const bad: Array<[string | object, string, string]> = [
      ['{not json', 'IAMTB.0003', 'not valid JSON'],
      [{ hello: 'world' }, 'IAMTB.0009', 'schemaVersion'],
      [{ ...good, schemaVersion: SCHEMA_VERSION + 1 }, 'IAMTB.0009', 'newer than this emulator'],
      [
        { ...good, users: { ...good.users, [someUser]: { id: someUser } } },
        'IAMTB.0009',
        `users.${someUser}`,
      ],
      [{ ...good, accounts: {} }, 'IAMTB.0009', 'is not an account'],
      [
        { ...good, temporary_keys: someKey ? { [someKey.access]: { ...someKey } } : {} },
        'IAMTB.0009',
        `temporary_keys.${someKey?.access}`,
      ],
    ];
    for (const [body, code, text] of bad) {
      const res = await raw(emu().url, { method: 'PUT', path: '/_emulator/state', body });
      expect(res.status, text).toBe(400);
      expect(res.json, text).toEqual({
        error_code: code,
        error_msg: expect.stringContaining(text),
      });
    }
    expect(await emu().client.exportState()).toEqual(good);
    expect(readStoreFolder(emu().runtime.store.location ?? '')).toEqual(disk);
  });

  it('imports atomically: the store, the disk and the baselines follow the document', async () => {
    const before = await emu().client.exportState();
    const t = await emu().client.createTenant();
    const result = await emu().client.importState(before);
    expect(result).toEqual({
      imported: {
        accounts: Object.keys(before.accounts).length,
        users: Object.keys(before.users).length,
        permanent_keys: Object.keys(before.permanent_keys).length,
        temporary_keys: Object.keys(before.temporary_keys).length,
        tokens: Object.keys(before.tokens).length,
      },
    });
    expect(readStoreFolder(emu().runtime.store.location ?? '')).toEqual(before);
    expect(
      readStoreFolder(emu().runtime.store.location ?? '').accounts[t.domain.id],
    ).toBeUndefined();
    const exported = (await emu().client.listTenants()).find((x) => x.domain.name === 'exported');
    expect(exported?.origin).toBe('import');
    expect(
      (await emu().client.listTenants()).find((x) => x.domain.name === 'iam-testbed')?.origin,
    ).toBe('seed');
  });
});

describe('importFile and exportOnExit', () => {
  const emu = useControlEmulator();

  it('starts from an export, resets back to it, and writes an export when stopped', async () => {
    const t = await emu().client.createTenant({ name: 'carried' });
    const exportPath = join(emu().dir, 'first.json');
    writeFileSync(exportPath, JSON.stringify(await emu().client.exportState()));
    const outPath = join(emu().dir, 'nested', 'on-exit.json');
    const second = await startEmulator({ importFile: exportPath, exportOnExit: outPath });
    try {
      const tenants = await second.client.listTenants();
      expect(tenants.find((x) => x.domain.id === t.domain.id)?.origin).toBe('seed');
      const extra = await second.client.createTenant();
      await second.client.reset();
      const names = (await second.client.listTenants()).map((x) => x.domain.name).sort();
      expect(names).toEqual(['carried', 'iam-testbed']);
      await second.client.createTenant({ name: 'after-reset' });
      expect(extra.domain.id).not.toBe(t.domain.id);
    } finally {
      await second.stop();
    }
    expect(existsSync(outPath)).toBe(true);
    const written = JSON.parse(readFileSync(outPath, 'utf8'));
    expect(
      Object.values(written.accounts)
        .map((a) => (a as { name: string }).name)
        .sort(),
    ).toEqual(['after-reset', 'carried', 'iam-testbed']);
    const third = await startEmulator({ importFile: outPath });
    await third.stop();
  });

  it('refuses to start from a bad import file, naming it and the problem', async () => {
    const badPath = join(emu().dir, 'bad.json');
    writeFileSync(badPath, JSON.stringify({ schemaVersion: SCHEMA_VERSION, meta: {} }));
    await expect(startEmulator({ importFile: badPath })).rejects.toThrow(
      new RegExp(`The import file ${badPath} was refused: .*meta`),
    );
    await expect(startEmulator({ importFile: join(emu().dir, 'missing.json') })).rejects.toThrow(
      /Cannot read the import file/,
    );
  });
});
