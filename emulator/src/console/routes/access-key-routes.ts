/**
 * @module console/routes/access-key-routes
 * My Credentials → Access Keys: the signed-in user's own permanent keys. Every rule (who may
 * manage keys, the quota of 2, statuses) is the domain's, through the same functions the v3 API
 * uses; the console adds operation protection (console-only, docs/reference/huawei-iam-api.md §6.1) and the
 * one-time credentials.csv.
 */
import { z } from 'zod';
import { authorizeKeyAction } from '../../domain/authorization.js';
import { IamError } from '../../domain/errors.js';
import { shownCredential } from '../../http/views/key-views.js';
import {
  createPermanentKey,
  deletePermanentKey,
  listPermanentKeys,
  updatePermanentKey,
  V3_KEY_ERRORS,
} from '../../domain/permanent-keys.js';
import { ownRecord, type PermanentKeyRecord, type UserRecord } from '../../domain/state.js';
import type { ConsoleApiRoute } from '../../http/api.js';
import {
  CONSOLE_API_BASE,
  PERMANENT_KEYS_PER_USER,
  type AccessKeyList,
  type AccessKeyRow,
  type CreatedAccessKey,
} from '../contract.js';
import { ConsoleError } from '../console-error.js';
import {
  accountOf,
  consoleCaller,
  parseBody,
  reply,
  signedIn,
  tenantOf,
  type ConsoleContext,
} from '../console-context.js';
import { credentialsCsv } from '../downloads.js';
import { checkProof, protectionFor, sendCode } from '../protection.js';

/** Same limit as the v3 API's description (255). */
const description = z.string().max(255, 'must be at most 255 characters');
const verification = z.discriminatedUnion('channel', [
  // Exactly the 6 digits sent: anything else is a typo (400), not a try that counts.
  z.strictObject({
    channel: z.enum(['sms', 'email', 'vmfa']),
    code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code, digits only'),
  }),
  z.strictObject({ channel: z.literal('password'), password: z.string().min(1).max(256) }),
]);
const operation = z.enum(['create_access_key', 'update_access_key', 'delete_access_key']);
const sendSchema = z.strictObject({ channel: z.enum(['sms', 'email', 'vmfa']), operation });
const createSchema = z.strictObject({
  description: description.default(''),
  verification: verification.optional(),
});
const updateSchema = z
  .strictObject({
    status: z.enum(['active', 'inactive']).optional(),
    description: description.optional(),
    verification: verification.optional(),
  })
  .refine((b) => b.status !== undefined || b.description !== undefined, {
    message: 'give status or description',
  });
const deleteSchema = z.strictObject({ verification: verification.optional() });
const downloadSchema = z.strictObject({ ticket: z.string().min(1).max(128) });

function row(key: PermanentKeyRecord): AccessKeyRow {
  const {
    access,
    description: text,
    status,
    create_time,
    last_use_time,
  } = shownCredential(key).credential;
  return { access, description: text, status, create_time, last_use_time };
}

/** What the page may offer, asked of the domain's own authorization rule. */
function manageState(ctx: ConsoleContext, user: UserRecord): AccessKeyList['manage'] {
  try {
    authorizeKeyAction(
      tenantOf(ctx),
      consoleCaller(ctx, user).caller,
      user,
      'create',
      V3_KEY_ERRORS,
    );
    return { allowed: true };
  } catch (e) {
    if (!(e instanceof IamError)) throw e;
    return { allowed: false, reason: user.kind === 'federated' ? 'federated' : 'admin_only' };
  }
}

/** My Credentials manages the user's own keys only; anything else is "not found" here. */
function ownKey(ctx: ConsoleContext, user: UserRecord): string {
  const access = ctx.params.ak ?? '';
  if (ownRecord(tenantOf(ctx).permanent_keys, access)?.user_id !== user.id) {
    throw new ConsoleError('notFound', `You have no access key ${access.slice(0, 20)}.`);
  }
  ctx.note({ access_key: access });
  return access;
}

export const accessKeyRoutes: ConsoleApiRoute[] = [
  {
    method: 'GET',
    path: `${CONSOLE_API_BASE}/access-keys`,
    operation: 'console.listAccessKeys',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      const keys = listPermanentKeys(
        tenantOf(ctx),
        undefined,
        consoleCaller(ctx, user),
        V3_KEY_ERRORS,
      );
      const body: AccessKeyList = {
        access_keys: keys.map(row),
        quota: PERMANENT_KEYS_PER_USER,
        manage: manageState(ctx, user),
        protection: protectionFor(user, accountOf(ctx, user)),
      };
      return reply(200, body);
    },
  },
  {
    method: 'POST',
    path: `${CONSOLE_API_BASE}/verification-codes`,
    operation: 'console.sendVerificationCode',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      const body = parseBody(sendSchema, ctx.body);
      const code = sendCode(
        ctx.console.codes,
        user,
        accountOf(ctx, user),
        body.channel,
        body.operation,
      );
      ctx.note({ channel: body.channel, purpose: body.operation });
      return reply(201, {
        channel: code.channel,
        ...(code.destination ? { destination: code.destination } : {}),
        expires_at: new Date(code.expires_at).toISOString(),
      });
    },
  },
  {
    method: 'POST',
    path: `${CONSOLE_API_BASE}/access-keys`,
    operation: 'console.createAccessKey',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      const body = parseBody(createSchema, ctx.body);
      const consume = checkProof(
        ctx.console,
        user,
        accountOf(ctx, user),
        'create_access_key',
        body.verification,
      );
      const key = createPermanentKey(
        tenantOf(ctx),
        { user_id: user.id, description: body.description },
        consoleCaller(ctx, user),
        V3_KEY_ERRORS,
      );
      consume();
      const ticket = ctx.console.downloads.open({
        user_id: user.id,
        domain_id: user.domain_id,
        csv: credentialsCsv(user.name, key.access, key.secret),
      });
      ctx.note({ access_key: key.access });
      const created: CreatedAccessKey = {
        access_key: row(key),
        secret: key.secret,
        user_name: user.name,
        download_ticket: ticket,
      };
      return reply(201, created);
    },
  },
  {
    method: 'POST',
    path: `${CONSOLE_API_BASE}/access-keys/download`,
    operation: 'console.downloadCredentials',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      const body = parseBody(downloadSchema, ctx.body);
      const csv = ctx.console.downloads.take(body.ticket, user.id);
      return {
        status: 200,
        text: csv,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="credentials.csv"',
        },
      };
    },
  },
  {
    method: 'PUT',
    path: `${CONSOLE_API_BASE}/access-keys/:ak`,
    operation: 'console.updateAccessKey',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      const access = ownKey(ctx, user);
      const body = parseBody(updateSchema, ctx.body);
      const consume = checkProof(
        ctx.console,
        user,
        accountOf(ctx, user),
        'update_access_key',
        body.verification,
      );
      const change = {
        ...(body.status ? { status: body.status } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
      };
      const key = updatePermanentKey(
        tenantOf(ctx),
        access,
        change,
        consoleCaller(ctx, user),
        V3_KEY_ERRORS,
      );
      consume();
      return reply(200, row(key));
    },
  },
  {
    method: 'DELETE',
    path: `${CONSOLE_API_BASE}/access-keys/:ak`,
    operation: 'console.deleteAccessKey',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      const access = ownKey(ctx, user);
      // A JSON `null` body is refused by the schema, not read as {} (found by the fuzz suite).
      const body = parseBody(deleteSchema, ctx.body);
      const consume = checkProof(
        ctx.console,
        user,
        accountOf(ctx, user),
        'delete_access_key',
        body.verification,
      );
      deletePermanentKey(tenantOf(ctx), access, consoleCaller(ctx, user), V3_KEY_ERRORS);
      consume();
      return { status: 204 };
    },
  },
];
