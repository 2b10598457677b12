/**
 * @module http/routes/access-keys-v5
 * Permanent access keys, IAM v5: `/v5/users/{user_id}/access-keys[/{ak}[/last-used]]`
 * (docs/reference/sdk-wire.md §4–5). Same store and rules as v3; v5 error bodies (`error_code`, `error_msg`,
 * `request_id`). Pages are ordered by creation; the marker is the last AK of the previous page.
 */
import { z } from 'zod';
import { IamError } from '../../domain/errors.js';
import {
  createPermanentKey,
  deletePermanentKey,
  findPermanentKey,
  listPermanentKeys,
  updatePermanentKey,
  V5_KEY_ERRORS,
} from '../../domain/permanent-keys.js';
import { lastUseShown } from '../../domain/permanent-keys.js';
import { formatV5Time } from '../../domain/time-format.js';
import {
  callerContext,
  json,
  noContent,
  type ApiRoute,
  type RouteContext,
  tenantDoc,
} from '../api.js';
import { param, queryOf } from '../query-params.js';
import { readJson, validate } from '../validation.js';
import { accessKeyV5, createdAccessKeyV5 } from '../views/key-views.js';
import { accessKeyParam, hex32Param } from './params.js';

const BASE = '/v5/users/:user_id/access-keys';
/** What the SDK sends (docs/reference/sdk-wire.md §4). ⚠ UNCONFIRMED bounds of `limit`: 1–200, default 100. */
const LIST_QUERY = {
  limit: param.integer(1, 200, 'Page size (default 100)'),
  marker: param.string('The next_marker of the previous page'),
};
const updateSchema = z.strictObject({ status: z.enum(['active', 'inactive']) });
/**
 * Create takes no body: the SDK sends none (`Content-Length: 0`, docs/reference/sdk-wire.md §4) and Huawei
 * documents no request fields. An empty body or `{}` is fine; malformed JSON, a non-object or any
 * field is refused before anything is created (⚠ UNCONFIRMED what Huawei does; docs/deviations.md).
 */
const createSchema = z.strictObject({});

const userOf = (ctx: RouteContext) => hex32Param(ctx.params.user_id, 'user_id', 'v5');
const akOf = (ctx: RouteContext) => accessKeyParam(ctx.params.access_key_id, 'v5');
const common = { family: 'v5', auth: 'required' } as const;

export const accessKeyV5Routes: ApiRoute[] = [
  {
    ...common,
    method: 'POST',
    path: BASE,
    operation: 'createAccessKeyV5',
    handler(req, ctx) {
      const user = userOf(ctx);
      validate(createSchema, readJson(req, 'v5'), 'v5');
      const key = createPermanentKey(
        tenantDoc(ctx),
        { user_id: user },
        callerContext(ctx),
        V5_KEY_ERRORS,
      );
      return json(201, createdAccessKeyV5(key));
    },
  },
  {
    ...common,
    method: 'GET',
    path: BASE,
    operation: 'listAccessKeysV5',
    query: LIST_QUERY,
    handler(_req, ctx) {
      const query = queryOf(ctx, LIST_QUERY);
      const keys = listPermanentKeys(
        tenantDoc(ctx),
        userOf(ctx),
        callerContext(ctx),
        V5_KEY_ERRORS,
      );
      const start =
        query.marker === undefined ? 0 : keys.findIndex((k) => k.access === query.marker) + 1;
      if (start === 0 && query.marker !== undefined)
        throw new IamError('V5_INVALID_MARKER', {}, 'Pass the next_marker of the previous page.');
      const page = keys.slice(start, start + (query.limit ?? 100));
      const more = start + page.length < keys.length;
      const last = page[page.length - 1];
      return json(200, {
        access_keys: page.map(accessKeyV5),
        page_info: {
          current_count: page.length,
          ...(more && last ? { next_marker: last.access } : {}),
        },
      });
    },
  },
  {
    ...common,
    method: 'PUT',
    path: `${BASE}/:access_key_id`,
    operation: 'updateAccessKeyV5',
    handler(req, ctx) {
      const [user, ak] = [userOf(ctx), akOf(ctx)];
      const body = validate(updateSchema, readJson(req, 'v5'), 'v5');
      const key = updatePermanentKey(
        tenantDoc(ctx),
        ak,
        body,
        callerContext(ctx),
        V5_KEY_ERRORS,
        user,
      );
      return json(200, { access_key: accessKeyV5(key) });
    },
  },
  {
    ...common,
    method: 'DELETE',
    path: `${BASE}/:access_key_id`,
    operation: 'deleteAccessKeyV5',
    handler(_req, ctx) {
      deletePermanentKey(tenantDoc(ctx), akOf(ctx), callerContext(ctx), V5_KEY_ERRORS, userOf(ctx));
      return noContent();
    },
  },
  {
    ...common,
    method: 'GET',
    path: `${BASE}/:access_key_id/last-used`,
    operation: 'showAccessKeyLastUsedV5',
    handler(_req, ctx) {
      const key = findPermanentKey(
        tenantDoc(ctx),
        akOf(ctx),
        'read',
        callerContext(ctx),
        V5_KEY_ERRORS,
        userOf(ctx),
      );
      return json(200, { access_key_last_used: { last_used_at: formatV5Time(lastUseShown(key)) } });
    },
  },
];
