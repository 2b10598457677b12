/**
 * @module http/routes/users
 * `GET /v3/users/{user_id}` (Keystone shape) and `GET /v3.0/OS-USER/users/{user_id}` (IAM shape,
 * with `is_domain_owner`), docs/reference/huawei-iam-api.md §5.
 */
import { showKeystoneUser, showOsUser } from '../../domain/users.js';
import { callerContext, json, type ApiRoute, tenantDoc } from '../api.js';
import { hex32Param } from './params.js';

export const userRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/v3/users/:user_id',
    operation: 'keystoneShowUser',
    family: 'keystone',
    auth: 'required',
    handler(req, ctx) {
      const id = hex32Param(ctx.params.user_id, 'user_id', 'keystone');
      return json(200, showKeystoneUser(tenantDoc(ctx), id, req.baseUrl, callerContext(ctx)));
    },
  },
  {
    method: 'GET',
    path: '/v3.0/OS-USER/users/:user_id',
    operation: 'showUser',
    family: 'iam',
    auth: 'required',
    handler(req, ctx) {
      const id = hex32Param(ctx.params.user_id, 'user_id', 'iam');
      return json(200, showOsUser(tenantDoc(ctx), id, req.baseUrl, callerContext(ctx)));
    },
  },
];
