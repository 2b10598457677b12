/**
 * @module control/console-sessions
 * `POST /_emulator/console-sessions {"user_id"}` → 201: a signed-in session of the emulated
 * console for that user, without the login form (for e2e tests where login is not under test).
 * It uses the console's own session book and cookie format (console/sessions.ts), so the console
 * accepts it exactly like one from `/console-api/login`. The cookie is a secret created in this
 * very response.
 */
import { z } from 'zod';
import { consoleStateOf } from '../console/console-state.js';
import { SESSION_COOKIE, sessionCookie } from '../console/sessions.js';
import { IamError } from '../domain/errors.js';
import { json, type Route } from '../http/api.js';
import { readJson, validate } from '../http/validation.js';
import type { ConsoleSessionView } from './wire.js';

const schema = z.strictObject({ user_id: z.string().min(1, 'must be a user id from POST /_emulator/tenants').max(64) });

export const consoleSessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/_emulator/console-sessions',
    operation: 'emulatorCreateConsoleSession',
    family: 'control',
    auth: 'none',
    control: true,
    handler(req, ctx) {
      const { user_id: userId } = validate(schema, readJson(req, 'control'), 'control');
      const user = ctx.rt.store.state.users[userId];
      if (!user?.enabled) throw new IamError('CONTROL_NOT_FOUND', { detail: `There is no enabled user ${userId}; use an id from POST /_emulator/tenants.` });
      const session = consoleStateOf(ctx.rt).sessions.create(user.id);
      ctx.note({ console_user: user.id });
      const body: ConsoleSessionView = {
        user_id: user.id,
        cookie: sessionCookie(session.id),
        name: SESSION_COOKIE,
        value: session.id,
        csrf_token: session.csrf,
        expires_at: new Date(session.expires_at).toISOString(),
      };
      return json(201, body);
    },
  },
];
