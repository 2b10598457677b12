/**
 * Durability of the file store (issue 4 acceptance): SIGKILL during a burst of writes loses no
 * acknowledged write and leaves a readable store folder (index, tenant files, write-ahead log);
 * a restart on that folder (taking over the dead process's lock) serves every acknowledged
 * tenant and key. Writers run in parallel loops rather than one wave, because the
 * store coalesces concurrent commits: a single wave is acknowledged all at once. The CLI runs as a real child process (tsx), killed as a process group so
 * tsx's own child dies too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readStoreFolder } from '../src/store/lowdb/inspect.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { raw } from './support/raw';
import type { Tenant } from './support/tenant';

const EMULATOR_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(EMULATOR_DIR, 'node_modules', '.bin', 'tsx');
/** Writers running at once; each keeps a request in flight until the kill. */
const WRITERS = 4;
/** Acknowledged writes after which the CLI is killed. */
const KILL_AFTER_ACKS = 40;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startCli(dbPath: string): Promise<Running> {
  const child = spawn(TSX, ['src/cli.ts', '--port', '0', '--db', dbPath, '--seed-random', '1'], {
    cwd: EMULATOR_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1], output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code, signal) =>
      reject(new Error(`CLI exited (${code ?? signal}) before listening:\n${out}`)),
    );
  });
}

/** Kills the CLI's whole process group and waits for it to be gone. */
function kill(run: Running, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (run.child.exitCode !== null || run.child.signalCode !== null) return resolve();
    run.child.once('exit', () => resolve());
    process.kill(-(run.child.pid ?? 0), signal);
  });
}

interface Ack {
  tenant: Tenant;
  /** A key created after the tenant, if that write was acknowledged too. */
  access?: string;
}

/**
 * One writer: creates a tenant, then a key for its IAM user, again and again, until a request
 * fails because the process is gone. Every 201 is recorded as acknowledged.
 */
async function writer(url: string, acks: Ack[], onAck: () => void): Promise<void> {
  for (;;) {
    const created = await raw(url, { method: 'POST', path: '/_emulator/tenants', body: {} }).catch(
      () => undefined,
    );
    if (created?.status !== 201) return;
    const ack: Ack = { tenant: created.json as Tenant };
    acks.push(ack);
    onAck();
    const key = await raw(url, {
      method: 'POST',
      path: '/v3.0/OS-CREDENTIAL/credentials',
      body: { credential: { user_id: ack.tenant.iam_user.id, description: 'burst' } },
      sign: { key: ack.tenant.admin.access_key, domainId: ack.tenant.domain.id },
    }).catch(() => undefined);
    if (key?.status !== 201) return;
    ack.access = key.json.credential.access as string;
    onAck();
  }
}

/**
 * The index and every tenant file are complete JSON documents (only the log may end torn). Until
 * a compaction (at the latest, a clean stop) folds the log into them, commits are only in the log.
 */
function expectValidFiles(dbPath: string, compacted: boolean): void {
  expect(
    () => JSON.parse(readFileSync(join(dbPath, 'index.json'), 'utf8')),
    'index.json must stay valid JSON',
  ).not.toThrow();
  const tenants = readdirSync(join(dbPath, 'tenants')).filter((name) => name.endsWith('.json'));
  if (compacted) expect(tenants.length).toBeGreaterThan(KILL_AFTER_ACKS / 2);
  else expect(readFileSync(join(dbPath, 'wal.jsonl'), 'utf8')).not.toBe('');
  for (const name of tenants) {
    expect(
      () => JSON.parse(readFileSync(join(dbPath, 'tenants', name), 'utf8')),
      `tenants/${name} must stay valid JSON`,
    ).not.toThrow();
  }
}

describe('durability of the file store under SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-durability-'));
  const dbPath = join(dir, 'db');
  const running: Running[] = [];
  afterAll(async () => {
    for (const run of running) await kill(run, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'keeps every acknowledged write through a SIGKILL mid-burst and serves it after a restart',
    { timeout: 120_000 },
    async () => {
      const first = await startCli(dbPath);
      running.push(first);
      const acks: Ack[] = [];
      let count = 0;
      let killed: Promise<void> | undefined;
      const onAck = () => {
        count += 1;
        if (count === KILL_AFTER_ACKS) killed = kill(first, 'SIGKILL');
      };
      // Writers stop only when a request fails, i.e. each had a request in flight at the kill.
      await Promise.all(Array.from({ length: WRITERS }, () => writer(first.url, acks, onAck)));
      await killed;
      expect(count).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

      expectValidFiles(dbPath, false);
      expect(existsSync(join(dbPath, 'lock')), 'a SIGKILL leaves the lock behind').toBe(true);
      // Acknowledged writes are in the tenant files or the write-ahead log (store/lowdb/).
      const text = JSON.stringify(readStoreFolder(dbPath));
      for (const { tenant, access } of acks) {
        expect(text).toContain(tenant.domain.id);
        expect(text).toContain(tenant.admin.access_key.access);
        if (access) expect(text).toContain(access);
      }

      const second = await startCli(dbPath);
      running.push(second);
      for (const { tenant, access } of acks) {
        const sign = { key: tenant.admin.access_key, domainId: tenant.domain.id };
        const keys = await raw(second.url, {
          method: 'GET',
          path: `/v3.0/OS-CREDENTIAL/credentials?user_id=${tenant.iam_user.id}`,
          sign,
        });
        expect(keys.status, keys.text).toBe(200);
        const held = keys.json.credentials.map((c: { access: string }) => c.access);
        expect(held).toContain(tenant.iam_user.access_key.access);
        if (access) expect(held).toContain(access);
      }
      await kill(second, 'SIGTERM');
      expect(second.child.exitCode, second.output()).toBe(0);
      expectValidFiles(dbPath, true);
      expect(existsSync(join(dbPath, 'lock')), 'a clean stop releases the lock').toBe(false);
      const after = JSON.stringify(readStoreFolder(dbPath));
      for (const { tenant, access } of acks) {
        expect(after).toContain(tenant.domain.id);
        if (access) expect(after).toContain(access);
      }
    },
  );
});
