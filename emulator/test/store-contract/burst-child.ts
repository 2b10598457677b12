/**
 * Child process of lowdb-crash.test.ts: opens the lowdb store at argv[2] (compacting past argv[3]
 * bytes) and commits new access keys from one writer per tenant, all at once, forever, printing
 * `<tenant> <access key>` once each commit is acknowledged (`error <message>` when one fails), and
 * `compacted <n>` when a compaction has finished.
 * The test SIGKILLs it mid-burst.
 */
import { ManualClock } from '../../src/domain/clock.js';
import { insertPermanentKey } from '../../src/domain/permanent-keys.js';
import { cryptoRandom } from '../../src/domain/random.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

const [dir, compactAt] = process.argv.slice(2);
const store = await openLowdbStore(dir!, { now: 0, compactAtBytes: Number(compactAt) });
const ctx = { clock: new ManualClock(Date.UTC(2026, 0, 1)), random: cryptoRandom };
const tenants: Array<{ id: string; owner: string }> = [];
for (const { id } of await store.listTenants()) {
  tenants.push({
    id,
    owner: (await store.read(
      id,
      (doc) => Object.values(doc.users).find((u) => u.is_domain_owner)!.id,
    ))!,
  });
}
process.stdout.write('ready\n');
let next = 0;
let compactions = 0;
await Promise.all(
  tenants.map(async (t) => {
    for (;;) {
      next += 1;
      // Between commits, a turn of the event loop (as between requests): compaction reads each
      // tenant when nobody holds it.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        const ak = await store.transact(t.id, (doc) => {
          const key = insertPermanentKey(doc, doc.users[t.owner]!, ctx, { description: 'burst' });
          if (next % 3 === 0) key.status = 'inactive';
          return key.access;
        });
        process.stdout.write(`${t.id} ${ak}\n`);
        if (store.backend.compactions !== compactions)
          process.stdout.write(`compacted ${(compactions = store.backend.compactions)}\n`);
      } catch (error) {
        process.stdout.write(`error ${(error as Error).message.replaceAll('\n', ' ')}\n`);
      }
    }
  }),
);
