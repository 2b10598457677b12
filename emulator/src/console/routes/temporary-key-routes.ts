/**
 * @module console/routes/temporary-key-routes
 * My Credentials → Temporary Access Keys (federated users, docs/reference/console-and-extension.md §2.6): the
 * key is minted by the domain's `mintForCaller`, the same rule as
 * `POST /v3.0/OS-CREDENTIAL/securitytokens` with `methods: ["token"]` (duration 900–86400 s, one
 * error message for anything else). The console never shows it again.
 */
import { z } from 'zod';
import { mintForCaller } from '../../domain/temporary-keys.js';
import { securityTokenView } from '../../http/views/security-token-views.js';
import type { ConsoleApiRoute } from '../../http/api.js';
import { CONSOLE_API_BASE, type TemporaryKey } from '../contract.js';
import { ConsoleError } from '../console-error.js';
import { consoleCaller, parseBody, reply, signedIn, tenantOf } from '../console-context.js';

// The duration is checked by the domain (checkDuration), not here: one rule, one message.
const schema = z.strictObject({ duration_seconds: z.unknown() });

export const temporaryKeyRoutes: ConsoleApiRoute[] = [
  {
    method: 'POST',
    path: `${CONSOLE_API_BASE}/temporary-access-keys`,
    operation: 'console.createTemporaryAccessKey',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      if (user.kind !== 'federated') {
        throw new ConsoleError(
          'federatedOnly',
          'The console offers temporary access keys to federated users only; IAM users manage permanent keys under Access Keys (or call POST /v3.0/OS-CREDENTIAL/securitytokens).',
        );
      }
      const body = parseBody(schema, ctx.body);
      const key = mintForCaller(
        tenantOf(ctx),
        { duration: body.duration_seconds, policy: undefined },
        'token',
        consoleCaller(ctx, user),
      );
      ctx.note({ access_key: key.access });
      const credential: TemporaryKey = securityTokenView(key).credential;
      return reply(201, credential);
    },
  },
];
