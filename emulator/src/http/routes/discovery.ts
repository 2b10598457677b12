/**
 * @module http/routes/discovery
 * `GET /v3/projects`, `/v3/auth/projects`, `/v3/auth/domains`, `/v3/regions`
 * (docs/reference/huawei-iam-api.md §4). The SDK's `withRegion` auto-discovery uses the first two
 * (`/v3/auth/domains` arrives with a `{}` body, which is fine).
 */
import { REGIONS } from '@iam-testbed/shared';
import { IamError } from '../../domain/errors.js';
import { listProjects, projectsOf } from '../../domain/projects.js';
import { ownRecord } from '../../domain/state.js';
import { callerContext, json, type ApiRoute, tenantDoc } from '../api.js';
import { param, queryOf } from '../query-params.js';
import { authProjectListView, projectListView } from '../views/project-views.js';

/** docs/reference/huawei-iam-api.md §4.1; the SDK sends those that are set (docs/reference/sdk-wire.md §4). */
const PROJECT_QUERY = {
  domain_id: param.string('Only projects of this account'),
  name: param.string(
    'Only the project with this name (the SDK looks up a region project this way)',
  ),
  parent_id: param.string('Only children of this project or account'),
  enabled: param.boolean('Only enabled (true) or disabled (false) projects'),
  is_domain: param.boolean('Huawei: leave blank; true lists nothing'),
  page: param.integer(1, Number.MAX_SAFE_INTEGER, 'Page number, with per_page'),
  per_page: param.integer(1, 5000, 'Page size, with page'),
};

const common = { family: 'keystone', auth: 'required' } as const;

export const discoveryRoutes: ApiRoute[] = [
  {
    ...common,
    method: 'GET',
    path: '/v3/projects',
    operation: 'keystoneListProjects',
    query: PROJECT_QUERY,
    handler(req, ctx) {
      const filters = queryOf(ctx, PROJECT_QUERY);
      if ((filters.page === undefined) !== (filters.per_page === undefined)) {
        const [key, value] =
          filters.page === undefined ? ['per_page', filters.per_page] : ['page', filters.page];
        const hint = 'page and per_page must be given together.';
        throw new IamError('KEYSTONE_INVALID', { key, value: String(value), hint }, hint);
      }
      return json(
        200,
        projectListView(listProjects(tenantDoc(ctx), filters, callerContext(ctx)), req),
      );
    },
  },
  {
    ...common,
    method: 'GET',
    path: '/v3/auth/projects',
    operation: 'keystoneListAuthProjects',
    handler(req, ctx) {
      return json(
        200,
        authProjectListView(
          projectsOf(tenantDoc(ctx), callerContext(ctx).caller.domain_id),
          req.baseUrl,
        ),
      );
    },
  },
  {
    ...common,
    method: 'GET',
    path: '/v3/auth/domains',
    operation: 'keystoneListAuthDomains',
    handler(req, ctx) {
      const account = ownRecord(tenantDoc(ctx).accounts, callerContext(ctx).caller.domain_id);
      const domains = account
        ? [
            {
              description: '',
              enabled: true,
              id: account.id,
              links: { self: `${req.baseUrl}/v3/domains/${account.id}` },
              name: account.name,
            },
          ]
        : [];
      return json(200, {
        domains,
        links: { self: `${req.baseUrl}/v3/auth/domains`, previous: null, next: null },
      });
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
      return json(200, {
        regions,
        links: { self: `${req.baseUrl}/v3/regions`, previous: null, next: null },
      });
    },
  },
];
