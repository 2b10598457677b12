/**
 * @module control/console-sessions
 * `POST /_emulator/console-sessions {"user_id"}` → 201: a signed-in session of the emulated
 * console for that user, without the login form (for e2e tests where login is not under test).
 * It uses the console's own session book and cookie format (`rt.console`, console/console-state.ts),
 * so the console accepts it exactly like one from `/console-api/login`. The cookie is a secret
 * created in this very response.
 */
import { z } from 'zod';
import { IamError } from '../domain/errors.js';
import { json, type ControlRoute } from '../http/api.js';
import { readJson, validate } from '../http/validation.js';

const schema = z.strictObject({
  user_id: z.string().min(1, 'must be a user id from POST /_emulator/tenants').max(64),
});

export const consoleSessionRoutes: ControlRoute[] = [
  {
    method: 'POST',
    path: '/_emulator/console-sessions',
    operation: 'emulatorCreateConsoleSession',
    family: 'control',
    auth: 'none',
    control: true,
    async handler(req, ctx) {
      const { user_id: userId } = validate(schema, readJson(req, 'control'), 'control');
      const { store } = ctx.rt;
      const tenant = await store.findTenant('user', userId);
      const session =
        tenant === undefined
          ? undefined
          : await store.read(tenant, (doc) => ctx.rt.console.openSession(doc, userId));
      if (!session)
        throw new IamError('CONTROL_NOT_FOUND', {
          detail: `There is no enabled user ${userId}; use an id from POST /_emulator/tenants.`,
        });
      ctx.note({ console_user: session.user_id });
      return json(201, session);
    },
  },
];
