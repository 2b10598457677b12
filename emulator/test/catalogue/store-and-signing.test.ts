/**
 * The error catalogue in docs/errors.md for the two families defined outside `ERRORS`: the
 * store's codes (`STORE_ERRORS`, emulator/src/store/store-errors.ts) and the shared signer's
 * failure reasons (`SignatureFailureReason`). A code or reason missing from the doc fails here;
 * so does a documented mapping (reason → API error, lock-out or not) that the emulator does not
 * actually follow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { SIGNATURE_FAILURE_REASONS, type SignatureFailureReason } from '@iam-testbed/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../src/client/index';
import { ERRORS } from '../../src/domain/errors';
import { STORE_ERRORS } from '../../src/store/store-errors';
import { raw, type OutgoingRaw, type RawCall } from '../support/raw';

const DOC = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

/** The text of one `## title` section of docs/errors.md. */
function section(title: string): string {
  const start = DOC.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** Table rows of a section, as cells, keyed by the first cell's code. */
function rows(title: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of section(title).split('\n')) {
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    const code = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (code) out.set(code, cells);
  }
  return out;
}

describe('the Store section of docs/errors.md', () => {
  it('lists every store code', () => {
    const documented = rows('Store');
    expect(Object.keys(STORE_ERRORS).filter((code) => !documented.has(code))).toEqual([]);
    expect([...documented.keys()].filter((code) => !(code in STORE_ERRORS))).toEqual([]);
  });

  it('lists only codes the store actually raises', () => {
    const dir = new URL('../../src/store/', import.meta.url);
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'store-errors.ts')
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    expect(Object.keys(STORE_ERRORS).filter((code) => !source.includes(`'${code}'`))).toEqual([]);
  });
});

/** How to make the verifier fail with each reason, starting from a correctly signed request. */
const BREAK: Record<SignatureFailureReason, { tamper?: (out: OutgoingRaw) => void; date?: Date }> =
  {
    'missing-authorization': { tamper: (o) => void (o.headers.authorization = '') },
    'unsupported-algorithm': {
      tamper: (o) =>
        void (o.headers.authorization = auth(o).replace('SDK-HMAC-SHA256', 'SDK-HMAC-SHA1')),
    },
    'malformed-authorization': {
      tamper: (o) =>
        void (o.headers.authorization = auth(o).replace(', SignedHeaders=', ',SignedHeaders=')),
    },
    'invalid-signed-headers': {
      tamper: (o) =>
        void (o.headers.authorization = auth(o).replace('SignedHeaders=', 'SignedHeaders=Host;')),
    },
    'malformed-signature': {
      tamper: (o) =>
        void (o.headers.authorization = auth(o).replace(/Signature=\w+/, 'Signature=ZZ')),
    },
    'missing-sdk-date': { tamper: (o) => void delete o.headers['x-sdk-date'] },
    'malformed-sdk-date': { tamper: (o) => void (o.headers['x-sdk-date'] = '2030-01-02') },
    'sdk-date-not-signed': {
      tamper: (o) => void (o.headers.authorization = auth(o).replace(/;?x-sdk-date/, '')),
    },
    'sdk-date-skew': { date: new Date(Date.now() - 2 * 3600_000) },
    'signed-header-missing': {
      tamper: (o) =>
        void (o.headers.authorization = auth(o).replace(
          /SignedHeaders=([^,]+)/,
          'SignedHeaders=$1;x-absent',
        )),
    },
    'signature-mismatch': {
      tamper: (o) =>
        void (o.headers.authorization = auth(o).replace(
          /Signature=\w+/,
          `Signature=${'0'.repeat(64)}`,
        )),
    },
  };
const auth = (o: OutgoingRaw) => o.headers.authorization ?? '';

describe('the Signing section of docs/errors.md', () => {
  const documented = rows('Signing');
  let emu: StartedEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('lists every failure reason with an API error of the catalogue and its lock-out', () => {
    expect(SIGNATURE_FAILURE_REASONS.filter((r) => !documented.has(r))).toEqual([]);
    for (const [reason, cells] of documented) {
      expect(SIGNATURE_FAILURE_REASONS, `documented reason ${reason}`).toContain(reason);
      const id = /^`(\w+)`$/.exec(cells[2] ?? '')?.[1] ?? '';
      expect(Object.keys(ERRORS), `${reason}: API error ${cells[2]}`).toContain(id);
      expect(['yes', 'no'], `${reason}: lock-out ${cells[3]}`).toContain(cells[3]);
    }
  });

  it.each(SIGNATURE_FAILURE_REASONS.map((r) => [r]))(
    '%s is answered with the documented error and lock-out',
    async (reason) => {
      const [, , errorCell = '', lockCell = ''] = documented.get(reason) ?? [];
      const expectedId = errorCell.replaceAll('`', '');
      // A tenant per reason: its admin key's lock-out state is this reason's alone.
      const t = await emu.client.createTenant();
      const key = t.admin.access_key;
      const call = (extra: Partial<RawCall>) =>
        raw(emu.url, {
          method: 'GET',
          path: '/v3/auth/domains',
          sign: { key, domainId: t.domain.id, ...(extra.sign ?? {}) },
          ...(extra.tamper ? { tamper: extra.tamper } : {}),
        });
      const { tamper, date } = BREAK[reason];
      const broken = () =>
        call({ ...(tamper ? { tamper } : {}), ...(date ? { sign: { key, date } } : {}) });
      const res = await broken();
      const entry = emu.runtime.journal.list().find((e) => e.request_id === res.requestId);
      expect({ status: res.status, error_id: entry?.error_id }, res.text).toEqual({
        status: 401,
        error_id: expectedId,
      });
      // More than 5 consecutive failures lock an AK; the doc says which reasons count.
      for (let i = 0; i < 5; i++) await broken();
      const after = await call({});
      const locked =
        emu.runtime.journal.list().find((e) => e.request_id === after.requestId)?.error_id ===
        'AUTH_AK_LOCKED';
      expect(locked ? 'yes' : 'no', `lock-out after 6 × ${reason}`).toBe(lockCell);
    },
  );
});
