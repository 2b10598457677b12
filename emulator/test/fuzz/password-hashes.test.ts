/**
 * Stored password hashes that arrive from outside (issue "Every bad input gets a clear error and
 * changes nothing"): a state import (`PUT /_emulator/state`, `--import FILE`) whose hash has an
 * unknown algorithm, a bad cost, salt, length or encoding is refused naming the record and field,
 * and changes nothing. And if such a hash is in the store anyway (defence in depth), a login
 * is a plain 401, journaled with the reason — never a 500, and never a login with any password
 * (a hash that decodes to zero bytes used to compare equal to every password).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator, type TenantView } from '../../src/client/index';
import { ConsoleHttpClient } from '../../src/console/console-http-client';
import { ManualClock } from '../../src/domain/clock';
import type { StateDoc } from '../../src/domain/state';
import { raw, type RawResult } from '../support/raw';
import { fuzzSeed } from './seed';

const { runs } = fuzzSeed('test/fuzz/password-hashes.test.ts');

const SALT = '0123456789abcdef'.repeat(2);
const HASH = 'a'.repeat(64);
/** The test's own statement of a usable hash (not the emulator's checker, which is under test). */
const USABLE = /^scrypt\$(1024|2048|4096|8192|16384)\$[0-9a-f]{32}\$[0-9a-f]{64}$/;

const MALFORMED: ReadonlyArray<readonly [string, string]> = [
  ['unknown algorithm', `bcrypt$4096$${SALT}$${HASH}`],
  ['no algorithm', `$4096$${SALT}$${HASH}`],
  ['cost not a power of two (scrypt throws)', `scrypt$4095$${SALT}$${HASH}`],
  ['cost over scrypt memory limit (scrypt throws)', `scrypt$1048576$${SALT}$${HASH}`],
  ['cost too low', `scrypt$2$${SALT}$${HASH}`],
  ['cost in hex', `scrypt$0x1000$${SALT}$${HASH}`],
  ['fractional cost (scrypt throws)', `scrypt$4096.5$${SALT}$${HASH}`],
  ['negative cost (scrypt throws)', `scrypt$-4096$${SALT}$${HASH}`],
  ['short salt', `scrypt$4096$00$${HASH}`],
  ['salt not hex', `scrypt$4096$${'g'.repeat(32)}$${HASH}`],
  ['hash not hex: decodes to 0 bytes, matched any password', `scrypt$4096$${SALT}$zz`],
  ['empty hash', `scrypt$4096$${SALT}$`],
  ['short hash', `scrypt$4096$${SALT}$${'a'.repeat(62)}`],
  ['odd-length hash', `scrypt$4096$${SALT}$${'a'.repeat(63)}`],
  ['upper-case hash', `scrypt$4096$${SALT}$${'A'.repeat(64)}`],
  ['base64 hash', `scrypt$4096$${SALT}$${Buffer.alloc(32, 7).toString('base64')}`],
  ['extra part', `scrypt$4096$${SALT}$${HASH}$x`],
  ['missing part', `scrypt$4096$${SALT}`],
  ['empty string', ''],
];

/** One "$"-part of a usable hash replaced by an arbitrary string; kept only if no longer usable. */
const mutatedHash = fc
  .tuple(
    fc.nat({ max: 3 }),
    fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.stringMatching(/^[0-9a-fA-F]{0,70}$/),
      fc.integer().map(String),
    ),
  )
  .map(([part, value]) => {
    const parts = ['scrypt', '4096', SALT, HASH];
    parts[part] = value;
    return parts.join('$');
  })
  .filter((h) => !USABLE.test(h));

const CASES: ReadonlyArray<readonly [string, string]> = [
  ...MALFORMED,
  ...fc.sample(mutatedHash, { numRuns: runs(30) }).map((h) => ['generated', h] as const),
];

const PASSWORD_LOGIN = (t: TenantView, password: string) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: t.admin.name, password, domain: { name: t.domain.name } } },
    },
  },
});

function withHash(doc: StateDoc, userId: string, hash: string): StateDoc {
  const copy = structuredClone(doc);
  const user = copy.users[userId];
  if (!user) throw new Error(`no user ${userId} in the export`);
  user.password_hash = hash;
  return copy;
}

const shown = (res: RawResult) => `${res.status} ${res.text.slice(0, 400)}`;

describe('password hashes from outside', () => {
  let emu: StartedEmulator;
  let t: TenantView;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'iam-testbed-hashes-'));
    emu = await startEmulator({ clock: new ManualClock(Date.parse('2030-01-02T03:04:05Z')) });
    t = await emu.client.createTenant({ name: 'hashes' });
  });
  afterAll(async () => {
    await emu?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an import with a malformed hash, naming the record and field, and changes nothing', async () => {
    const before = await emu.client.exportState();
    const accepted: string[] = [];
    for (const [why, hash] of CASES) {
      const res = await raw(emu.url, {
        method: 'PUT',
        path: '/_emulator/state',
        body: withHash(before, t.admin.id, hash),
      });
      const named =
        res.status === 400 &&
        res.json?.error_code === 'IAMTB.0009' &&
        String(res.json?.error_msg).includes(`users.${t.admin.id}.password_hash`);
      if (!named) accepted.push(`${why} ${JSON.stringify(hash)} → ${shown(res)}`);
      if (res.status < 300) await emu.client.importState(before); // keep the next case independent
    }
    expect(
      accepted,
      'imports that were not refused with IAMTB.0009 naming users.<id>.password_hash',
    ).toEqual([]);
    expect(await emu.client.exportState()).toEqual(before);
    // The untouched user still signs in; a wrong password is still a 401.
    expect(
      (
        await raw(emu.url, {
          method: 'POST',
          path: '/v3/auth/tokens',
          body: PASSWORD_LOGIN(t, t.admin.password),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await raw(emu.url, {
          method: 'POST',
          path: '/v3/auth/tokens',
          body: PASSWORD_LOGIN(t, 'Wrong-pass-1'),
        })
      ).status,
    ).toBe(401);
  });

  it('refuses to start from an --import file with a malformed hash, naming the record and field', async () => {
    const file = join(dir, 'bad-hash.json');
    writeFileSync(
      file,
      JSON.stringify(
        withHash(await emu.client.exportState(), t.admin.id, `scrypt$4096$${SALT}$zz`),
      ),
    );
    await expect(startEmulator({ importFile: file })).rejects.toThrow(
      new RegExp(`was refused: .*users\\.${t.admin.id}\\.password_hash`),
    );
  });

  it('answers a login whose stored hash cannot be used with a journaled 401, never a 500 or a match', async () => {
    const store = emu.runtime.store;
    // Straight into the live store, as a store written by another tool could hold it.
    const setHash = (hash: string | null) =>
      store.transact(t.domain.id, (doc) => {
        const user = doc.users[t.admin.id];
        if (!user) throw new Error('tenant admin missing');
        user.password_hash = hash;
      });
    const good =
      (await store.read(t.domain.id, (doc) => doc.users[t.admin.id]?.password_hash)) ?? null;
    expect(good).toMatch(/^scrypt\$/);
    const problems: string[] = [];
    try {
      for (const [why, hash] of MALFORMED) {
        await setHash(hash);
        for (const password of [t.admin.password, 'anything-else-1']) {
          const res = await raw(emu.url, {
            method: 'POST',
            path: '/v3/auth/tokens',
            body: PASSWORD_LOGIN(t, password),
          });
          const entry = emu.runtime.journal.list().find((e) => e.request_id === res.requestId);
          if (res.status !== 401 || res.json?.error?.code !== 401)
            problems.push(`${why}: API login → ${shown(res)}`);
          else if (
            entry?.error_id !== 'KEYSTONE_UNAUTHORIZED' ||
            !/password hash/.test(entry.hint ?? '')
          ) {
            problems.push(
              `${why}: journal says ${JSON.stringify({ error_id: entry?.error_id, hint: entry?.hint })}`,
            );
          }
        }
        const console = new ConsoleHttpClient(emu.url);
        const login = await console.login(t.domain.name, t.admin.name, t.admin.password);
        if (login.status !== 401 || login.json?.error_code !== 'CONSOLE.BAD_LOGIN')
          problems.push(`${why}: console login → ${login.status} ${login.text.slice(0, 300)}`);
      }
    } finally {
      await setHash(good);
    }
    expect(problems).toEqual([]);
    expect(
      (
        await raw(emu.url, {
          method: 'POST',
          path: '/v3/auth/tokens',
          body: PASSWORD_LOGIN(t, t.admin.password),
        })
      ).status,
    ).toBe(201);
  });
});
