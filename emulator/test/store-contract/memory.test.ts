import { openMemoryStore } from '../../src/store/memory-store.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('memory', async () => {
  const store = openMemoryStore([], { created_at: 0, starts: 0 });
  return { store, cleanup: () => store.close() };
});
