import { expect, test } from 'vitest';
import { CoalescingWriter } from './coalescing-writer.js';

/** A write whose completion the test controls, recording the value it snapshotted. */
function controlledWrites(read: () => number) {
  const started: Array<{ snapshot: number; finish: (error?: Error) => void }> = [];
  const writer = new CoalescingWriter(
    () =>
      new Promise<void>((resolve, reject) => {
        started.push({ snapshot: read(), finish: (error) => (error ? reject(error) : resolve()) });
      }),
  );
  return { writer, started };
}

const tick = () => new Promise((r) => setImmediate(r));

test('a burst of commits while one write is in flight costs one more write, which covers them all', async () => {
  let value = 0;
  const { writer, started } = controlledWrites(() => value);
  value = 1;
  const first = writer.request();
  const done: number[] = [];
  const burst = [2, 3, 4, 5].map((v) => {
    value = v;
    return writer.request().then(() => done.push(v));
  });
  expect(started).toHaveLength(1);
  started[0]?.finish();
  await first;
  expect(done).toEqual([]); // the burst was not in the first write's snapshot
  await tick();
  expect(started).toHaveLength(2);
  expect(started[1]?.snapshot).toBe(5);
  started[1]?.finish();
  await Promise.all(burst);
  expect(done.sort()).toEqual([2, 3, 4, 5]);
  expect(writer.writes).toBe(2);
});

test('a failed write rejects its callers, and the next write still happens', async () => {
  const { writer, started } = controlledWrites(() => 0);
  const failing = writer.request();
  started[0]?.finish(new Error('disk full'));
  await expect(failing).rejects.toThrow('disk full');
  const next = writer.request();
  await tick();
  started[1]?.finish();
  await expect(next).resolves.toBeUndefined();
  await writer.idle();
});
