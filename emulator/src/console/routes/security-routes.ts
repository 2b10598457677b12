/**
 * @module console/routes/security-routes
 * Security Settings: read and change the account's protect policy through the domain's
 * `showProtectPolicy` / `updateProtectPolicy` (administrators only, enforced there).
 */
import { z } from 'zod';
import { showProtectPolicy, updateProtectPolicy } from '../../domain/protect-policy.js';
import type { SecuritySettings } from '../contract.js';
import { consoleCaller, parseBody, reply, signedIn, tenantOf, type ConsoleRequest, type ConsoleRoute } from '../console-route.js';
import { NO_QUERY } from '../query-params.js';

const schema = z.strictObject({
  operation_protection: z.boolean(),
  verifier: z.enum(['self', 'designated']),
  scene: z.enum(['mobile', 'email', '']),
  mobile: z.string().max(32),
  email: z.string().max(128),
  allow_user_manage_accesskey: z.boolean(),
});

function current(req: ConsoleRequest): SecuritySettings {
  const user = signedIn(req);
  const p = showProtectPolicy(tenantOf(req), user.domain_id, consoleCaller(req, user)).protect_policy;
  return {
    operation_protection: p.operation_protection,
    verifier: p.admin_check === 'on' ? 'designated' : 'self',
    scene: p.scene,
    mobile: p.mobile,
    email: p.email,
    allow_user_manage_accesskey: p.allow_user.manage_accesskey,
  };
}

export const securityRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/security-settings',
    operation: 'console.showSecuritySettings',
    query: NO_QUERY,
    access: 'user',
    handler: (req) => reply(200, current(req)),
  },
  {
    method: 'PUT',
    path: '/security-settings',
    operation: 'console.updateSecuritySettings',
    query: NO_QUERY,
    access: 'user',
    handler(req) {
      const user = signedIn(req);
      const body = parseBody(schema, req.body);
      const designated = body.operation_protection && body.verifier === 'designated';
      updateProtectPolicy(
        tenantOf(req),
        user.domain_id,
        {
          operation_protection: body.operation_protection,
          allow_user: { manage_accesskey: body.allow_user_manage_accesskey },
          admin_check: designated ? 'on' : 'off',
          ...(designated && body.scene !== '' ? { scene: body.scene } : {}),
          ...(designated && body.scene === 'mobile' ? { mobile: body.mobile } : {}),
          ...(designated && body.scene === 'email' ? { email: body.email } : {}),
        },
        consoleCaller(req, user),
      );
      return reply(200, current(req));
    },
  },
];
