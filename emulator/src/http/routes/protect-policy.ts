/**
 * @module http/routes/protect-policy
 * `GET|PUT /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/protect-policy` (docs/reference/huawei-iam-api.md §6.1),
 * IAM error shape (IAM.0072 / IAM.0073 / IAM.0002).
 */
import { z } from 'zod';
import { showProtectPolicy, updateProtectPolicy } from '../../domain/protect-policy.js';
import { callerContext, json, type ApiRoute, tenantDoc } from '../api.js';
import { readJson, validate } from '../validation.js';
import { hex32Param } from './params.js';

const PATH = '/v3.0/OS-SECURITYPOLICY/domains/:domain_id/protect-policy';

const schema = z.strictObject({
  protect_policy: z.strictObject({
    operation_protection: z.boolean(),
    allow_user: z
      .strictObject({
        manage_accesskey: z.boolean(),
        manage_email: z.boolean(),
        manage_mobile: z.boolean(),
        manage_password: z.boolean(),
      })
      .partial()
      .optional(),
    admin_check: z.enum(['on', 'off']).optional(),
    scene: z.enum(['mobile', 'email']).or(z.literal('')).optional(),
    mobile: z
      .string()
      .regex(/^\d{1,4}-\d{4,20}$/, 'must look like 0086-123456789')
      .optional(),
    email: z.string().email('must be an e-mail address').optional(),
  }),
});

export const protectPolicyRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: PATH,
    operation: 'showDomainProtectPolicy',
    family: 'iam',
    auth: 'required',
    handler(_req, ctx) {
      const domainId = hex32Param(ctx.params.domain_id, 'domain_id', 'iam');
      return json(200, showProtectPolicy(tenantDoc(ctx), domainId, callerContext(ctx)));
    },
  },
  {
    method: 'PUT',
    path: PATH,
    operation: 'updateDomainProtectPolicy',
    family: 'iam',
    auth: 'required',
    handler(req, ctx) {
      const domainId = hex32Param(ctx.params.domain_id, 'domain_id', 'iam');
      const body = validate(schema, readJson(req, 'iam'), 'iam', 'protect_policy');
      const { scene, ...rest } = body.protect_policy;
      const change = { ...rest, ...(scene ? { scene } : {}) };
      return json(200, updateProtectPolicy(tenantDoc(ctx), domainId, change, callerContext(ctx)));
    },
  },
];
