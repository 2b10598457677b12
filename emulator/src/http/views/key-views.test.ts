import { expect, test } from 'vitest';
import { createPermanentKey, markKeyUsed, V3_KEY_ERRORS } from '../../domain/permanent-keys.js';
import { people, world } from '../../testing/fixtures.js';
import {
  accessKeyV5,
  createdAccessKeyV5,
  createdCredential,
  credentialItem,
  shownCredential,
} from './key-views.js';

test('the secret appears in the create views only, and last use starts at creation', () => {
  const w = world();
  const { admin, user } = people(w);
  w.clock.advance(10);
  const key = createPermanentKey(
    w.state,
    { user_id: user.id, description: 'ci' },
    w.as(admin),
    V3_KEY_ERRORS,
  );
  expect(createdCredential(key).credential.secret).toBe(key.secret);
  expect(createdAccessKeyV5(key).access_key.secret_access_key).toBe(key.secret);
  expect(
    JSON.stringify([credentialItem(key), shownCredential(key), accessKeyV5(key)]),
  ).not.toContain(key.secret);
  expect(shownCredential(key).credential.last_use_time).toBe(
    shownCredential(key).credential.create_time,
  );
  expect(shownCredential(key).credential.create_time).toBe('2024-01-02T03:04:15.000000Z');
  w.clock.advance(60);
  markKeyUsed(key, w.ctx);
  expect(shownCredential(key).credential.last_use_time).toBe('2024-01-02T03:05:15.000000Z');
});
