/**
 * @module control/tenants
 * `POST /_emulator/tenants` → 201: an isolated account for one test, with credentials (contract in
 * the team brief). Body optional: `{"name","regions":[…],"operation_protection":bool}`. The
 * response is the only place the generated passwords and secrets are ever shown.
 */
import { isRegionId } from '@iam-testbed/shared';
import { z } from 'zod';
import { createTenant, tenantView } from '../domain/tenants.js';
import { json, type Route } from '../http/api.js';
import { readJson, validate } from '../http/validation.js';

const schema = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,47}$/, 'must be 1-48 letters, digits, "_" or "-", starting with a letter').optional(),
  regions: z
    .array(z.string().refine(isRegionId, 'must list known region ids, e.g. ["cn-north-4", "eu-west-101"]'))
    .min(1, 'must list at least one region')
    .refine((r) => new Set(r).size === r.length, 'must not repeat a region')
    .optional(),
  operation_protection: z.boolean().optional(),
});

export const tenantRoutes: Route[] = [
  {
    method: 'POST',
    path: '/_emulator/tenants',
    operation: 'emulatorCreateTenant',
    family: 'control',
    auth: 'none',
    control: true,
    writes: true,
    handler(req, ctx) {
      const body = validate(schema, readJson(req, 'control'), 'control');
      const created = createTenant(ctx.rt.store.state, body, ctx.domain);
      ctx.note({ domain_id: created.account.id });
      return json(201, tenantView(created));
    },
  },
];
