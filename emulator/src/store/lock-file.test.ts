import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { acquireLock } from './lock-file.js';

const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the lock appears with the PID already in it, and leaves nothing else behind', () => {
  const db = join(dir, 'a.json');
  const release = acquireLock(db);
  expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
  expect(readdirSync(dir)).toEqual(['a.json.lock']);
  release();
  expect(readdirSync(dir)).toEqual([]);
});

test("a live owner's lock is refused; a dead owner's is taken over", () => {
  const db = join(dir, 'b.json');
  writeFileSync(`${db}.lock`, '1'); // PID 1 is alive in every container and machine
  expect(() => acquireLock(db)).toThrow(expect.objectContaining({ code: 'STORE_LOCKED' }));
  writeFileSync(`${db}.lock`, '2147483646'); // no such process
  const release = acquireLock(db);
  expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
  release();
});
