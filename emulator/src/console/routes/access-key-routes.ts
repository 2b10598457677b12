/**
 * @module console/routes/access-key-routes
 * My Credentials → Access Keys: the signed-in user's own permanent keys. Every rule (who may
 * manage keys, the quota of 2, statuses) is the domain's, through the same functions the v3 API
 * uses; the console adds operation protection (console-only, huawei-iam-api.md §6.1) and the
 * one-time credentials.csv.
 */
import { z } from 'zod';
import { authorizeKeyAction } from '../../domain/authorization.js';
import { IamError } from '../../domain/errors.js';
import { shownCredential } from '../../domain/key-views.js';
import { createPermanentKey, deletePermanentKey, listPermanentKeys, updatePermanentKey, V3_KEY_ERRORS } from '../../domain/permanent-keys.js';
import { ownRecord, type PermanentKeyRecord, type UserRecord } from '../../domain/state.js';
import { PERMANENT_KEYS_PER_USER, type AccessKeyList, type AccessKeyRow, type CreatedAccessKey } from '../contract.js';
import { ConsoleError } from '../console-error.js';
import { accountOf, consoleCaller, parseBody, reply, signedIn, tenantOf, type ConsoleRequest, type ConsoleRoute } from '../console-route.js';
import { NO_QUERY } from '../query-params.js';
import { credentialsCsv } from '../downloads.js';
import { checkProof, protectionFor, sendCode } from '../protection.js';

/** Same limit as the v3 API's description (255). */
const description = z.string().max(255, 'must be at most 255 characters');
const verification = z.discriminatedUnion('channel', [
  // Exactly the 6 digits sent: anything else is a typo (400), not a try that counts.
  z.strictObject({ channel: z.enum(['sms', 'email', 'vmfa']), code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code, digits only') }),
  z.strictObject({ channel: z.literal('password'), password: z.string().min(1).max(256) }),
]);
const operation = z.enum(['create_access_key', 'update_access_key', 'delete_access_key']);
const sendSchema = z.strictObject({ channel: z.enum(['sms', 'email', 'vmfa']), operation });
const createSchema = z.strictObject({ description: description.default(''), verification: verification.optional() });
const updateSchema = z
  .strictObject({ status: z.enum(['active', 'inactive']).optional(), description: description.optional(), verification: verification.optional() })
  .refine((b) => b.status !== undefined || b.description !== undefined, { message: 'give status or description' });
const deleteSchema = z.strictObject({ verification: verification.optional() });
const downloadSchema = z.strictObject({ ticket: z.string().min(1).max(128) });

function row(key: PermanentKeyRecord): AccessKeyRow {
  const { access, description: text, status, create_time, last_use_time } = shownCredential(key).credential;
  return { access, description: text, status, create_time, last_use_time };
}

/** What the page may offer, asked of the domain's own authorization rule. */
function manageState(req: ConsoleRequest, user: UserRecord): AccessKeyList['manage'] {
  try {
    authorizeKeyAction(tenantOf(req), consoleCaller(req, user).caller, user, 'create', V3_KEY_ERRORS);
    return { allowed: true };
  } catch (e) {
    if (!(e instanceof IamError)) throw e;
    return { allowed: false, reason: user.kind === 'federated' ? 'federated' : 'admin_only' };
  }
}

/** My Credentials manages the user's own keys only; anything else is "not found" here. */
function ownKey(req: ConsoleRequest, user: UserRecord): string {
  const access = req.params.ak ?? '';
  if (ownRecord(tenantOf(req).permanent_keys, access)?.user_id !== user.id) {
    throw new ConsoleError('notFound', `You have no access key ${access.slice(0, 20)}.`);
  }
  req.note({ access_key: access });
  return access;
}

export const accessKeyRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/access-keys',
    operation: 'console.listAccessKeys',
    query: NO_QUERY,
    access: 'user',
    handler(req) {
      const user = signedIn(req);
      const keys = listPermanentKeys(tenantOf(req), undefined, consoleCaller(req, user), V3_KEY_ERRORS);
      const body: AccessKeyList = {
        access_keys: keys.map(row),
        quota: PERMANENT_KEYS_PER_USER,
        manage: manageState(req, user),
        protection: protectionFor(user, accountOf(req, user)),
      };
      return reply(200, body);
    },
  },
  {
    method: 'POST',
    path: '/verification-codes',
    operation: 'console.sendVerificationCode',
    query: NO_QUERY,
    access: 'user',
    handler(req) {
      const user = signedIn(req);
      const body = parseBody(sendSchema, req.body);
      const code = sendCode(req.console.codes, user, accountOf(req, user), body.channel, body.operation);
      req.note({ channel: body.channel, purpose: body.operation });
      return reply(201, { channel: code.channel, ...(code.destination ? { destination: code.destination } : {}), expires_at: new Date(code.expires_at).toISOString() });
    },
  },
  {
    method: 'POST',
    path: '/access-keys',
    operation: 'console.createAccessKey',
    query: NO_QUERY,
    access: 'user',
    handler(req) {
      const user = signedIn(req);
      const body = parseBody(createSchema, req.body);
      const consume = checkProof(req.console, user, accountOf(req, user), 'create_access_key', body.verification);
      const key = createPermanentKey(tenantOf(req), { user_id: user.id, description: body.description }, consoleCaller(req, user), V3_KEY_ERRORS);
      consume();
      const ticket = req.console.downloads.open({ user_id: user.id, domain_id: user.domain_id, csv: credentialsCsv(user.name, key.access, key.secret) });
      req.note({ access_key: key.access });
      const created: CreatedAccessKey = { access_key: row(key), secret: key.secret, user_name: user.name, download_ticket: ticket };
      return reply(201, created);
    },
  },
  {
    method: 'POST',
    path: '/access-keys/download',
    operation: 'console.downloadCredentials',
    query: NO_QUERY,
    access: 'user',
    handler(req) {
      const user = signedIn(req);
      const body = parseBody(downloadSchema, req.body);
      const csv = req.console.downloads.take(body.ticket, user.id);
      return {
        status: 200,
        text: csv,
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="credentials.csv"' },
      };
    },
  },
  {
    method: 'PUT',
    path: '/access-keys/:ak',
    operation: 'console.updateAccessKey',
    query: NO_QUERY,
    access: 'user',
    handler(req) {
      const user = signedIn(req);
      const access = ownKey(req, user);
      const body = parseBody(updateSchema, req.body);
      const consume = checkProof(req.console, user, accountOf(req, user), 'update_access_key', body.verification);
      const change = { ...(body.status ? { status: body.status } : {}), ...(body.description !== undefined ? { description: body.description } : {}) };
      const key = updatePermanentKey(tenantOf(req), access, change, consoleCaller(req, user), V3_KEY_ERRORS);
      consume();
      return reply(200, row(key));
    },
  },
  {
    method: 'DELETE',
    path: '/access-keys/:ak',
    operation: 'console.deleteAccessKey',
    query: NO_QUERY,
    access: 'user',
    handler(req) {
      const user = signedIn(req);
      const access = ownKey(req, user);
      // A JSON `null` body is refused by the schema, not read as {} (found by the fuzz suite).
      const body = parseBody(deleteSchema, req.body);
      const consume = checkProof(req.console, user, accountOf(req, user), 'delete_access_key', body.verification);
      deletePermanentKey(tenantOf(req), access, consoleCaller(req, user), V3_KEY_ERRORS);
      consume();
      return { status: 204 };
    },
  },
];
