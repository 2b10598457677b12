/**
 * @module http/routes/discovery
 * `GET /v3/projects`, `/v3/auth/projects`, `/v3/auth/domains`, `/v3/regions`
 * (huawei-iam-api.md §4). The SDK's `withRegion` auto-discovery uses the first two
 * (`/v3/auth/domains` arrives with a `{}` body, which is fine).
 */
import { REGIONS } from '@iam-testbed/shared';
import { z } from 'zod';
import { IamError } from '../../domain/errors.js';
import { listProjects, projectsOf } from '../../domain/projects.js';
import { ownRecord } from '../../domain/state.js';
import { callerContext, json, type Route } from '../api.js';
import { queryObject, validate } from '../validation.js';
import { authProjectListView, projectListView } from './project-views.js';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const positive = (max: number) =>
  z.string().regex(/^\d+$/, `must be an integer from 1 to ${max}`).transform(Number).pipe(z.number().int().min(1).max(max));

const projectQuery = z.object({
  domain_id: z.string().optional(),
  name: z.string().optional(),
  parent_id: z.string().optional(),
  enabled: bool.optional(),
  is_domain: bool.optional(),
  page: positive(Number.MAX_SAFE_INTEGER).optional(),
  per_page: positive(5000).optional(),
});

const common = { family: 'keystone', auth: 'required' } as const;

export const discoveryRoutes: Route[] = [
  {
    ...common,
    method: 'GET',
    path: '/v3/projects',
    operation: 'keystoneListProjects',
    handler(req, ctx) {
      const filters = validate(projectQuery, queryObject(req), 'keystone');
      if ((filters.page === undefined) !== (filters.per_page === undefined)) {
        throw new IamError('KEYSTONE_INVALID', { key: filters.page === undefined ? 'per_page' : 'page', value: req.query.get(filters.page === undefined ? 'per_page' : 'page') ?? '', hint: 'page and per_page must be given together.' });
      }
      return json(200, projectListView(listProjects(ctx.rt.store.state, filters, callerContext(ctx)), req));
    },
  },
  {
    ...common,
    method: 'GET',
    path: '/v3/auth/projects',
    operation: 'keystoneListAuthProjects',
    handler(req, ctx) {
      return json(200, authProjectListView(projectsOf(ctx.rt.store.state, callerContext(ctx).caller.domain_id), req.baseUrl));
    },
  },
  {
    ...common,
    method: 'GET',
    path: '/v3/auth/domains',
    operation: 'keystoneListAuthDomains',
    handler(req, ctx) {
      const account = ownRecord(ctx.rt.store.state.accounts, callerContext(ctx).caller.domain_id);
      const domains = account
        ? [{ description: '', enabled: true, id: account.id, links: { self: `${req.baseUrl}/v3/domains/${account.id}` }, name: account.name }]
        : [];
      return json(200, { domains, links: { self: `${req.baseUrl}/v3/auth/domains`, previous: null, next: null } });
    },
  },
  {
    ...common,
    method: 'GET',
    path: '/v3/regions',
    operation: 'keystoneListRegions',
    handler(req) {
      const regions = REGIONS.map((r) => ({
        parent_region_id: null,
        description: '',
        links: { self: `${req.baseUrl}/v3/regions/${r.id}` },
        type: r.type,
        id: r.id,
        locales: { 'zh-cn': r.name['zh-cn'], 'en-us': r.name['en-us'] },
      }));
      return json(200, { regions, links: { self: `${req.baseUrl}/v3/regions`, previous: null, next: null } });
    },
  },
];
