import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { acquireLock, currentOwner, ownerAlive } from './lock-file.js';

const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Field 22 of /proc/<pid>/stat, read here independently of lock-file.ts. */
function startOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}
const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const refused = expect.objectContaining({ code: 'STORE_LOCKED' });

/** A PID that certainly belonged to a process and is now dead (exited and reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

test('the lock appears with its owner (pid, start, boot) already in it, and leaves nothing else behind', () => {
  const lock = join(dir, 'a-lock');
  const release = acquireLock(lock, 'store A');
  expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual({
    pid: process.pid,
    start: startOf(process.pid),
    boot: bootId(),
  });
  expect(readdirSync(dir)).toEqual(['a-lock']);
  expect(() => acquireLock(lock, 'store A')).toThrow(
    expect.objectContaining({
      code: 'STORE_LOCKED',
      message: expect.stringContaining('already open in this process'),
    }),
  );
  release();
  expect(readdirSync(dir)).toEqual([]);
  acquireLock(lock, 'store A')(); // free again after release
});

test('a lock with our own live PID but another start time is stale: a previous process had the PID', () => {
  const lock = join(dir, 'b-lock');
  const owner = {
    pid: process.pid,
    start: String(Number(startOf(process.pid)) - 1),
    boot: bootId(),
  };
  expect(ownerAlive(owner)).toBe(false);
  expect(ownerAlive(currentOwner())).toBe(true);
  writeFileSync(lock, JSON.stringify(owner));
  const release = acquireLock(lock, 'store B');
  expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual(currentOwner());
  release();
});

test('a lock held by a live process (PID 1 with its real start time, same boot) is refused and kept', () => {
  const lock = join(dir, 'c-lock');
  const text = JSON.stringify({ pid: 1, start: startOf(1), boot: bootId() });
  writeFileSync(lock, text);
  expect(() => acquireLock(lock, 'store C')).toThrow(
    expect.objectContaining({ code: 'STORE_LOCKED', message: expect.stringContaining('pid 1') }),
  );
  expect(readFileSync(lock, 'utf8')).toBe(text);
  writeFileSync(lock, '1'); // the 0.1 format: a live PID alone is still refused
  expect(() => acquireLock(lock, 'store C')).toThrow(refused);
  rmSync(lock);
});

test('PID 1 with another start time, or from another boot, is stale (a restarted container)', () => {
  const lock = join(dir, 'd-lock');
  for (const owner of [
    { pid: 1, start: String(Number(startOf(1)) + 12345), boot: bootId() },
    { pid: 1, start: startOf(1), boot: '00000000-1111-2222-3333-444444444444' },
  ]) {
    expect(ownerAlive(owner)).toBe(false);
    writeFileSync(lock, JSON.stringify(owner));
    const release = acquireLock(lock, 'store D');
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual(currentOwner());
    release();
  }
});

test('an old-format lock (a plain PID, written by 0.1) of a dead process is taken over; unreadable content too', () => {
  const lock = join(dir, 'e-lock');
  for (const text of [String(deadPid()), '2147483646', '{"pid":', '']) {
    writeFileSync(lock, text);
    const release = acquireLock(lock, 'store E');
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual(currentOwner());
    release();
    expect(readdirSync(dir)).not.toContain('e-lock');
  }
});

test('release leaves a lock alone that is no longer ours', () => {
  const lock = join(dir, 'f-lock');
  const release = acquireLock(lock, 'store F');
  writeFileSync(lock, JSON.stringify({ pid: 1, start: startOf(1), boot: bootId() })); // taken over meanwhile
  release();
  expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: 1 });
  rmSync(lock);
});
