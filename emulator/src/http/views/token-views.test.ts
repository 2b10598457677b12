import { expect, test } from 'vitest';
import { issueToken } from '../../domain/tokens.js';
import { people, world } from '../../testing/fixtures.js';
import { tokenBody } from './token-views.js';

test('the token body carries times, scope and roles; the catalog points at the URL called', () => {
  const w = world();
  const { admin, user } = people(w);
  const project = w.acme.projects[0];
  if (!project) throw new Error('no project');
  const token = issueToken(
    w.state,
    { user: admin, methods: ['password'], scope: { type: 'project', project_id: project.id } },
    w.ctx,
  );
  const body = tokenBody(w.state, token, { catalog: true, baseUrl: 'http://h' });
  expect(body.token).toMatchObject({
    expires_at: '2024-01-03T03:04:05.000000Z',
    issued_at: '2024-01-02T03:04:05.000000Z',
    project: {
      id: project.id,
      name: project.name,
      domain: { id: w.acme.account.id, name: 'acme' },
    },
    roles: [
      { name: 'te_admin', id: '0' },
      { name: 'secu_admin', id: '0' },
    ],
  });
  expect(body.token.catalog?.[0]?.endpoints[0]?.url).toBe('http://h/v3');
  expect(
    tokenBody(w.state, token, { catalog: false, baseUrl: 'http://h' }).token,
  ).not.toHaveProperty('catalog');
  const unscoped = issueToken(
    w.state,
    { user, methods: ['password'], scope: { type: 'unscoped' } },
    w.ctx,
  );
  expect(tokenBody(w.state, unscoped, { catalog: true, baseUrl: 'http://h' }).token).toMatchObject({
    catalog: [],
    roles: [],
  });
});
