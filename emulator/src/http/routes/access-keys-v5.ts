/**
 * @module http/routes/access-keys-v5
 * Permanent access keys, IAM v5: `/v5/users/{user_id}/access-keys[/{ak}[/last-used]]`
 * (sdk-wire.md §4–5). Same store and rules as v3; v5 error bodies (`error_code`, `error_msg`,
 * `request_id`). Pages are ordered by creation; the marker is the last AK of the previous page.
 */
import { z } from 'zod';
import { IamError } from '../../domain/errors.js';
import { accessKeyV5, createdAccessKeyV5 } from '../../domain/key-views.js';
import {
  createPermanentKey,
  deletePermanentKey,
  findPermanentKey,
  listPermanentKeys,
  updatePermanentKey,
  V5_KEY_ERRORS,
} from '../../domain/permanent-keys.js';
import { formatV5Time } from '../../domain/time-format.js';
import { callerContext, json, noContent, type Route, type RouteContext } from '../api.js';
import { queryObject, readJson, validate } from '../validation.js';
import { accessKeyParam, hex32Param } from './params.js';

const BASE = '/v5/users/:user_id/access-keys';
/** ⚠ UNCONFIRMED bounds: 1–200, default 100. */
const listQuery = z.object({
  limit: z.string().regex(/^\d+$/, 'must be an integer from 1 to 200').transform(Number).pipe(z.number().int().min(1).max(200)).optional(),
  marker: z.string().optional(),
});
const updateSchema = z.strictObject({ status: z.enum(['active', 'inactive']) });

const userOf = (ctx: RouteContext) => hex32Param(ctx.params.user_id, 'user_id', 'v5');
const akOf = (ctx: RouteContext) => accessKeyParam(ctx.params.access_key_id, 'v5');
const common = { family: 'v5', auth: 'required' } as const;

export const accessKeyV5Routes: Route[] = [
  {
    ...common,
    method: 'POST',
    path: BASE,
    operation: 'createAccessKeyV5',
    writes: true,
    handler(_req, ctx) {
      const key = createPermanentKey(ctx.rt.store.state, { user_id: userOf(ctx) }, callerContext(ctx), V5_KEY_ERRORS);
      return json(201, createdAccessKeyV5(key));
    },
  },
  {
    ...common,
    method: 'GET',
    path: BASE,
    operation: 'listAccessKeysV5',
    handler(req, ctx) {
      const query = validate(listQuery, queryObject(req), 'v5');
      const keys = listPermanentKeys(ctx.rt.store.state, userOf(ctx), callerContext(ctx), V5_KEY_ERRORS);
      const start = query.marker === undefined ? 0 : keys.findIndex((k) => k.access === query.marker) + 1;
      if (start === 0 && query.marker !== undefined) throw new IamError('V5_INVALID_MARKER', {}, 'Pass the next_marker of the previous page.');
      const page = keys.slice(start, start + (query.limit ?? 100));
      const more = start + page.length < keys.length;
      const last = page[page.length - 1];
      return json(200, {
        access_keys: page.map(accessKeyV5),
        page_info: { current_count: page.length, ...(more && last ? { next_marker: last.access } : {}) },
      });
    },
  },
  {
    ...common,
    method: 'PUT',
    path: `${BASE}/:access_key_id`,
    operation: 'updateAccessKeyV5',
    writes: true,
    handler(req, ctx) {
      const [user, ak] = [userOf(ctx), akOf(ctx)];
      const body = validate(updateSchema, readJson(req, 'v5'), 'v5');
      const key = updatePermanentKey(ctx.rt.store.state, ak, body, callerContext(ctx), V5_KEY_ERRORS, user);
      return json(200, { access_key: accessKeyV5(key) });
    },
  },
  {
    ...common,
    method: 'DELETE',
    path: `${BASE}/:access_key_id`,
    operation: 'deleteAccessKeyV5',
    writes: true,
    handler(_req, ctx) {
      deletePermanentKey(ctx.rt.store.state, akOf(ctx), callerContext(ctx), V5_KEY_ERRORS, userOf(ctx));
      return noContent();
    },
  },
  {
    ...common,
    method: 'GET',
    path: `${BASE}/:access_key_id/last-used`,
    operation: 'showAccessKeyLastUsedV5',
    handler(_req, ctx) {
      const key = findPermanentKey(ctx.rt.store.state, akOf(ctx), 'read', callerContext(ctx), V5_KEY_ERRORS, userOf(ctx));
      return json(200, { access_key_last_used: { last_used_at: formatV5Time(key.last_used_at) } });
    },
  },
];
