import { expect, test } from 'vitest';
import { parseAuthorization, signRequest, verifySignature } from '../src/index.js';
import { asReceived } from './helpers.js';

const CRED = { ak: 'EMUP0000000000000001', sk: 'Emu0000000000000000000000000000000000001' };
const DATE = new Date('2024-01-02T03:04:05Z');

test('verifySignature uses an Authorization the caller already parsed instead of parsing it again', async () => {
  const req = asReceived(
    await signRequest({ method: 'GET', url: 'http://127.0.0.1:9999/v3/projects' }, CRED, {
      date: DATE,
    }),
  );
  const parsed = parseAuthorization(req.headers.authorization);
  if (!parsed.ok) throw new Error('the signer wrote an unparsable header');
  const { authorization: _, ...withoutHeader } = req.headers;
  expect(
    await verifySignature({ ...req, headers: withoutHeader }, CRED.sk, {
      now: DATE,
      authorization: parsed,
    }),
  ).toMatchObject({ ok: true, access: CRED.ak });
  expect(
    await verifySignature({ ...req, headers: withoutHeader }, CRED.sk, { now: DATE }),
  ).toMatchObject({ ok: false, failure: { reason: 'missing-authorization' } });
});
