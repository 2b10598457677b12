/**
 * @module http/routes/credentials
 * Permanent access keys, IAM v3: `/v3.0/OS-CREDENTIAL/credentials[/{access_key}]`
 * (docs/reference/huawei-iam-api.md §1) — 201 / 200 / 200 / 200 / 204.
 */
import { HEX32_RE } from '@iam-testbed/shared';
import { z } from 'zod';
import {
  createPermanentKey,
  deletePermanentKey,
  findPermanentKey,
  listPermanentKeys,
  updatePermanentKey,
  V3_KEY_ERRORS,
} from '../../domain/permanent-keys.js';
import { callerContext, json, noContent, type ApiRoute, tenantDoc } from '../api.js';
import { param, queryOf } from '../query-params.js';
import { readJson, validate } from '../validation.js';
import { createdCredential, credentialItem, shownCredential } from '../views/key-views.js';
import { accessKeyParam, hex32Param } from './params.js';

const BASE = '/v3.0/OS-CREDENTIAL/credentials';
/** ⚠ UNCONFIRMED: Huawei documents no limit for descriptions; 255 is our choice. */
const description = z.string().max(255, 'must be at most 255 characters');

const createSchema = z.strictObject({
  credential: z.strictObject({ user_id: z.string(), description: description.optional() }),
});
const updateSchema = z.strictObject({
  credential: z
    .strictObject({
      status: z.enum(['active', 'inactive']).optional(),
      description: description.optional(),
    })
    .refine((c) => c.status !== undefined || c.description !== undefined, {
      message: 'needs at least one of status or description',
    }),
});
/** What the SDK sends (docs/reference/sdk-wire.md §4): `user_id` only when set. */
const LIST_QUERY = {
  user_id: param.string("List this user's keys (administrators); without it, the caller's own", {
    pattern: HEX32_RE,
    expected: '32 lower-case hex characters',
  }),
};

const common = { family: 'keystone', auth: 'required' } as const;

export const credentialRoutes: ApiRoute[] = [
  {
    ...common,
    method: 'POST',
    path: BASE,
    operation: 'createPermanentAccessKey',
    handler(req, ctx) {
      const body = validate(createSchema, readJson(req, 'keystone'), 'keystone', 'credential');
      hex32Param(body.credential.user_id, 'user_id', 'keystone');
      const key = createPermanentKey(
        tenantDoc(ctx),
        body.credential,
        callerContext(ctx),
        V3_KEY_ERRORS,
      );
      return json(201, createdCredential(key));
    },
  },
  {
    ...common,
    method: 'GET',
    path: BASE,
    operation: 'listPermanentAccessKeys',
    query: LIST_QUERY,
    handler(_req, ctx) {
      const query = queryOf(ctx, LIST_QUERY);
      const keys = listPermanentKeys(
        tenantDoc(ctx),
        query.user_id,
        callerContext(ctx),
        V3_KEY_ERRORS,
      );
      return json(200, { credentials: keys.map(credentialItem) });
    },
  },
  {
    ...common,
    method: 'GET',
    path: `${BASE}/:access_key`,
    operation: 'showPermanentAccessKey',
    handler(_req, ctx) {
      const ak = accessKeyParam(ctx.params.access_key, 'keystone');
      return json(
        200,
        shownCredential(
          findPermanentKey(tenantDoc(ctx), ak, 'read', callerContext(ctx), V3_KEY_ERRORS),
        ),
      );
    },
  },
  {
    ...common,
    method: 'PUT',
    path: `${BASE}/:access_key`,
    operation: 'updatePermanentAccessKey',
    handler(req, ctx) {
      const ak = accessKeyParam(ctx.params.access_key, 'keystone');
      const body = validate(updateSchema, readJson(req, 'keystone'), 'keystone', 'credential');
      const key = updatePermanentKey(
        tenantDoc(ctx),
        ak,
        body.credential,
        callerContext(ctx),
        V3_KEY_ERRORS,
      );
      return json(200, { credential: credentialItem(key) });
    },
  },
  {
    ...common,
    method: 'DELETE',
    path: `${BASE}/:access_key`,
    operation: 'deletePermanentAccessKey',
    handler(_req, ctx) {
      const ak = accessKeyParam(ctx.params.access_key, 'keystone');
      deletePermanentKey(tenantDoc(ctx), ak, callerContext(ctx), V3_KEY_ERRORS);
      return noContent();
    },
  },
];
