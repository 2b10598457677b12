/**
 * @module control/tenants
 * Accounts for tests. `POST /_emulator/tenants` → 201: an isolated account with credentials
 * (contract in the team brief); body optional `{"name","regions":[…],"operation_protection"}`.
 * The response is the only place its generated passwords and secrets are ever shown, and the
 * account's reset baseline is taken at once. `GET /_emulator/tenants` lists every account (no
 * secrets); `DELETE /_emulator/tenants/{domain_id}` → 204 removes one with all its records (a
 * domain_id that is not 32 lower-case hex is a 400).
 */
import { isRegionId } from '@iam-testbed/shared';
import { z } from 'zod';
import { IamError } from '../domain/errors.js';
import { emptyTenant } from '../domain/state.js';
import { StoreError } from '../store/store-errors.js';
import { createTenant, tenantView } from '../domain/tenants.js';
import { json, noContent, type ControlRoute } from '../http/api.js';
import { hex32Param } from '../http/routes/params.js';
import { readJson, validate } from '../http/validation.js';
import { forgetAccount } from './memory.js';
import type { TenantListView } from './wire.js';

const schema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9_-]{0,47}$/,
      'must be 1-48 letters, digits, "_" or "-", starting with a letter',
    )
    .optional(),
  regions: z
    .array(
      z
        .string()
        .refine(isRegionId, 'must list known region ids, e.g. ["cn-north-4", "eu-west-101"]'),
    )
    .min(1, 'must list at least one region')
    .refine((r) => new Set(r).size === r.length, 'must not repeat a region')
    .optional(),
  operation_protection: z.boolean().optional(),
});

export const unknownTenant = (id: string) =>
  new IamError('CONTROL_NOT_FOUND', {
    detail: `There is no account with domain_id ${id.slice(0, 64)}; GET /_emulator/tenants lists them.`,
  });

export const tenantRoutes: ControlRoute[] = [
  {
    method: 'POST',
    path: '/_emulator/tenants',
    operation: 'emulatorCreateTenant',
    family: 'control',
    auth: 'none',
    control: true,
    async handler(req, ctx) {
      const body = validate(schema, readJson(req, 'control'), 'control');
      const doc = emptyTenant();
      const created = createTenant(doc, body, ctx.domain);
      await ctx.rt.store.insertTenant(doc).catch((error: unknown) => {
        if (error instanceof StoreError && error.code === 'STORE_CONFLICT')
          throw new IamError('CONTROL_CONFLICT', {
            detail: `${error.detail} Choose another name.`,
          });
        throw error;
      });
      ctx.rt.baselines.capture(doc, 'tenant');
      ctx.note({ domain_id: created.account.id });
      return json(201, tenantView(created));
    },
  },
  {
    method: 'GET',
    path: '/_emulator/tenants',
    operation: 'emulatorListTenants',
    family: 'control',
    auth: 'none',
    control: true,
    async handler(_req, ctx) {
      const tenants = await ctx.rt.store.listTenants();
      const body: TenantListView = {
        tenants: tenants.map((t) => ({
          domain: { id: t.id, name: t.name },
          created_at: new Date(t.created_at).toISOString(),
          // Not read since this start: it came from the store, and reads as it was then.
          origin: ctx.rt.baselines.originOf(t.id) ?? 'store',
          counts: t.counts,
        })),
      };
      return json(200, body);
    },
  },
  {
    method: 'DELETE',
    path: '/_emulator/tenants/:domain_id',
    operation: 'emulatorDeleteTenant',
    family: 'control',
    auth: 'none',
    control: true,
    async handler(_req, ctx) {
      const id = hex32Param(ctx.params.domain_id, 'domain_id', 'control');
      const removed = await ctx.rt.store.deleteTenant(id);
      if (!removed) throw unknownTenant(id);
      ctx.rt.baselines.forget(id);
      forgetAccount(ctx.rt, removed);
      ctx.note({ domain_id: id });
      return noContent();
    },
  },
];
