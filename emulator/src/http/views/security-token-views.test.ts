import { expect, test } from 'vitest';
import { mintForCaller } from '../../domain/temporary-keys.js';
import { people, world } from '../../testing/fixtures.js';
import { securityTokenView } from './security-token-views.js';

test('a temporary key shows its secret and security token, and expires_at in microseconds', () => {
  const w = world();
  const { user } = people(w);
  const key = mintForCaller(w.state, { duration: 3600, policy: undefined }, 'aksk', w.as(user));
  expect(securityTokenView(key)).toEqual({
    credential: {
      access: key.access,
      secret: key.secret,
      securitytoken: key.security_token,
      expires_at: '2024-01-02T04:04:05.000000Z',
    },
  });
});
