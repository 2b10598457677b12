import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import type { StorePort } from '../../src/store/port.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('lowdb', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'iam-testbed-contract-')), 'db');
  const opened: StorePort[] = [];
  const open = async () => {
    const store = await openLowdbStore(dir, { now: 0 });
    opened.push(store);
    return store;
  };
  return {
    store: await open(),
    reopen: open,
    cleanup: async () => {
      for (const store of opened) await store.close();
      await rm(join(dir, '..'), { recursive: true, force: true });
    },
  };
});
