/**
 * @module console/routes/security-routes
 * Security Settings: read and change the account's protect policy through the domain's
 * `showProtectPolicy` / `updateProtectPolicy` (administrators only, enforced there).
 */
import { z } from 'zod';
import { showProtectPolicy, updateProtectPolicy } from '../../domain/protect-policy.js';
import type { ConsoleApiRoute } from '../../http/api.js';
import { CONSOLE_API_BASE, type SecuritySettings } from '../contract.js';
import {
  consoleCaller,
  parseBody,
  reply,
  signedIn,
  tenantOf,
  type ConsoleContext,
} from '../console-context.js';

const schema = z.strictObject({
  operation_protection: z.boolean(),
  verifier: z.enum(['self', 'designated']),
  scene: z.enum(['mobile', 'email', '']),
  mobile: z.string().max(32),
  email: z.string().max(128),
  allow_user_manage_accesskey: z.boolean(),
});

function current(ctx: ConsoleContext): SecuritySettings {
  const user = signedIn(ctx);
  const p = showProtectPolicy(
    tenantOf(ctx),
    user.domain_id,
    consoleCaller(ctx, user),
  ).protect_policy;
  return {
    operation_protection: p.operation_protection,
    verifier: p.admin_check === 'on' ? 'designated' : 'self',
    scene: p.scene,
    mobile: p.mobile,
    email: p.email,
    allow_user_manage_accesskey: p.allow_user.manage_accesskey,
  };
}

export const securityRoutes: ConsoleApiRoute[] = [
  {
    method: 'GET',
    path: `${CONSOLE_API_BASE}/security-settings`,
    operation: 'console.showSecuritySettings',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler: (_req, ctx) => reply(200, current(ctx)),
  },
  {
    method: 'PUT',
    path: `${CONSOLE_API_BASE}/security-settings`,
    operation: 'console.updateSecuritySettings',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      const body = parseBody(schema, ctx.body);
      const designated = body.operation_protection && body.verifier === 'designated';
      updateProtectPolicy(
        tenantOf(ctx),
        user.domain_id,
        {
          operation_protection: body.operation_protection,
          allow_user: { manage_accesskey: body.allow_user_manage_accesskey },
          admin_check: designated ? 'on' : 'off',
          ...(designated && body.scene !== '' ? { scene: body.scene } : {}),
          ...(designated && body.scene === 'mobile' ? { mobile: body.mobile } : {}),
          ...(designated && body.scene === 'email' ? { email: body.email } : {}),
        },
        consoleCaller(ctx, user),
      );
      return reply(200, current(ctx));
    },
  },
];
