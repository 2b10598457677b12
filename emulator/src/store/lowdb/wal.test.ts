import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { LogWriter } from '../store-log.js';
import type { StoreEntry } from '../store-entry.js';
import { GroupLog, readLog } from './wal.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function logIn(): Promise<{ dir: string; path: string; log: GroupLog }> {
  const dir = await mkdtemp(join(tmpdir(), 'iam-testbed-wal-'));
  dirs.push(dir);
  const path = join(dir, 'wal.jsonl');
  return { dir, path, log: await GroupLog.open(path, 0) };
}
const meta = (starts: number): StoreEntry => ({ op: 'meta', meta: { created_at: 0, starts } });

test('concurrent appends share writes (group commit) and keep their order and sequence numbers', async () => {
  const { path, log } = await logIn();
  await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(meta(i))));
  expect(log.writes).toBeLessThan(50);
  const { entries, tornTail } = await readLog(path);
  expect(tornTail).toBe(false);
  expect(entries.map((e) => [e.seq, e.op === 'meta' && e.meta.starts])).toEqual(
    Array.from({ length: 50 }, (_, i) => [i + 1, i]),
  );
  await log.close();
});

test('appends made while the log is being swapped (compaction) wait for the new file instead of failing', async () => {
  const { dir, path, log } = await logIn();
  await log.append(meta(0));
  let during: Promise<void>[] = [];
  await log.swap(async () => {
    during = [log.append(meta(1)), log.append(meta(2))]; // commits arriving mid-rotation
    await rename(path, join(dir, 'wal.1.jsonl'));
    return LogWriter.open(path);
  });
  expect((await Promise.allSettled(during)).map((r) => r.status)).toEqual([
    'fulfilled',
    'fulfilled',
  ]);
  await log.append(meta(3));
  await log.close();
  expect((await readLog(join(dir, 'wal.1.jsonl'))).entries.map((e) => e.seq)).toEqual([1]);
  expect((await readLog(path)).entries.map((e) => e.seq)).toEqual([2, 3, 4]);
});

test('a swap does not wait for the log to go idle: under steady appends it happens at once', async () => {
  const { dir, path, log } = await logIn();
  const CAP = 400;
  let appended = 0;
  const appender = async () => {
    while (appended < CAP) await log.append(meta(appended++));
  };
  const appenders = [appender(), appender(), appender()];
  await log.append(meta(-1));
  await log.swap(async () => {
    await rename(path, join(dir, 'wal.1.jsonl'));
    return LogWriter.open(path);
  });
  const at = appended;
  await Promise.all(appenders);
  expect(at, 'appends made before the swap got its turn').toBeLessThan(CAP);
  await log.close();
  const seqs = [
    ...(await readLog(join(dir, 'wal.1.jsonl'))).entries,
    ...(await readLog(path)).entries,
  ].map((e) => e.seq);
  expect(seqs).toEqual(Array.from({ length: CAP + 1 }, (_, i) => i + 1)); // nothing lost, nothing twice, in order
});

test('a failed write fails every entry in it and leaves no partial line; later appends work', async () => {
  const { path, log } = await logIn();
  await log.append(meta(0));
  const handle = (log as unknown as { writer: { handle: { datasync: () => Promise<void> } } })
    .writer.handle;
  handle.datasync = () => {
    delete (handle as Partial<typeof handle>).datasync;
    return Promise.reject(new Error('EIO'));
  };
  await expect(log.append(meta(1))).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED' });
  await log.append(meta(2));
  await log.close();
  expect(
    (await readFile(path, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { seq: number }).seq),
  ).toEqual([1, 3]);
});

test('readLog: a torn last line is ignored, a corrupt earlier line is STORE_LOG_CORRUPT', async () => {
  const { path, log } = await logIn();
  await log.close();
  const line = (seq: number) => `${JSON.stringify({ seq, ...meta(seq) })}\n`;
  await writeFile(path, line(1) + line(2) + '{"seq":3,"op":"me');
  expect(await readLog(path)).toMatchObject({ tornTail: true, entries: [{ seq: 1 }, { seq: 2 }] });
  await writeFile(path, line(1) + '{"seq":2,"op"\n' + line(3));
  await expect(readLog(path)).rejects.toMatchObject({
    code: 'STORE_LOG_CORRUPT',
    message: expect.stringContaining('Line 2'),
  });
  await writeFile(path, line(1) + '{"seq":2,"op":"drop"}\n' + line(3));
  await expect(readLog(path)).rejects.toMatchObject({ code: 'STORE_LOG_CORRUPT' });
  expect(await readLog(join(path, '..', 'absent.jsonl'))).toEqual({ entries: [], tornTail: false });
});
