import { expect, test } from 'vitest';
import { people, world } from '../testing/fixtures.js';
import { IamError } from './errors.js';
import {
  authenticatePassword,
  findToken,
  issueToken,
  resolveScope,
  TOKEN_PREFIX,
} from './tokens.js';

const idOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof IamError) return error.id;
    throw error;
  }
  return 'no error';
};

test('a password login finds the user by account name or id and checks the password', () => {
  const w = world();
  const { user } = people(w);
  expect(
    authenticatePassword(
      w.state,
      { name: user.name, password: 'User-pass-1', domain: { name: 'acme' } },
      w.ctx,
    ).id,
  ).toBe(user.id);
  expect(
    authenticatePassword(w.state, { id: user.id, password: 'User-pass-1' }, w.ctx).last_login_at,
  ).toBe(w.clock.now());
  expect(
    idOf(() =>
      authenticatePassword(
        w.state,
        { name: user.name, password: 'wrong', domain: { name: 'acme' } },
        w.ctx,
      ),
    ),
  ).toBe('KEYSTONE_UNAUTHORIZED');
  expect(
    idOf(() => authenticatePassword(w.state, { name: user.name, password: 'User-pass-1' }, w.ctx)),
  ).toBe('KEYSTONE_REQUIRED');
  const fed = people(w).fed;
  expect(idOf(() => authenticatePassword(w.state, { id: fed.id, password: '' }, w.ctx))).toBe(
    'KEYSTONE_UNAUTHORIZED',
  );
});

test('project scope wins over domain scope; a foreign domain or unknown project is refused', () => {
  const w = world();
  const { user } = people(w);
  const project = w.acme.projects.find((p) => p.name === 'eu-west-101');
  expect(
    resolveScope(w.state, user, { project: { name: 'eu-west-101' }, domain: { name: 'acme' } }),
  ).toEqual({ type: 'project', project_id: project?.id });
  expect(resolveScope(w.state, user, { domain: { id: w.acme.account.id } })).toEqual({
    type: 'domain',
  });
  expect(resolveScope(w.state, user, undefined)).toEqual({ type: 'unscoped' });
  expect(idOf(() => resolveScope(w.state, user, { domain: { name: 'other' } }))).toBe(
    'KEYSTONE_UNAUTHORIZED',
  );
  expect(idOf(() => resolveScope(w.state, user, { project: { name: 'xx-nowhere-1' } }))).toBe(
    'KEYSTONE_UNAUTHORIZED',
  );
});

test('tokens last 24 h on the clock', () => {
  const w = world();
  const { admin } = people(w);
  const token = issueToken(
    w.state,
    { user: admin, methods: ['password'], scope: { type: 'domain' } },
    w.ctx,
  );
  expect(token.id.startsWith(TOKEN_PREFIX)).toBe(true);
  expect(token.expires_at - token.issued_at).toBe(86_400_000);
  w.clock.advance(86_399);
  expect(findToken(w.state, token.id, w.ctx)?.expired).toBe(false);
  w.clock.advance(1);
  expect(findToken(w.state, token.id, w.ctx)?.expired).toBe(true);
});
