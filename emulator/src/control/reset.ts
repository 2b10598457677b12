/**
 * @module control/reset
 * `POST /_emulator/reset` → 200: back to the seed without a restart. The seed accounts are put
 * back from copies taken at start (domain/baselines.ts), every other account goes, lock-outs and
 * console memory are forgotten, fault rules and the request journal are emptied. The clock is
 * left alone (`POST /_emulator/clock {"reset":true}`).
 *
 * `POST /_emulator/reset?domain_id=X` resets one account only, to how it was when it was
 * created (or seeded, imported, found at start): its records, the lock-outs of its keys and its
 * console memory. Other accounts, faults and the journal are untouched, so parallel test workers,
 * each with its own tenant, never wipe each other. `GET` is 405. A `domain_id` that is empty,
 * repeated, misspelt (`domainid`, `domain_id[]`) or not 32 lower-case hex is a 400 and resets
 * nothing (it used to fall through to a reset of every tenant).
 */
import { HEX32_RE } from '@iam-testbed/shared';
import { json, type ControlRoute } from '../http/api.js';
import { param, queryOf } from '../http/query-params.js';
import { forgetAccount, forgetEverything } from './memory.js';
import { unknownTenant } from './tenants.js';
import type { ResetView } from './wire.js';

const RESET_QUERY = {
  domain_id: param.string(
    'Reset only this account (state, lock-outs, console memory); without it, everything',
    {
      pattern: HEX32_RE,
      expected: 'an account ID, 32 lower-case hex characters (GET /_emulator/tenants lists them)',
    },
  ),
};

export const resetRoutes: ControlRoute[] = [
  {
    method: 'POST',
    path: '/_emulator/reset',
    operation: 'emulatorReset',
    family: 'control',
    auth: 'none',
    control: true,
    query: RESET_QUERY,
    async handler(_req, ctx) {
      const { rt } = ctx;
      const domainId = queryOf(ctx, RESET_QUERY).domain_id;
      if (domainId !== undefined) {
        // Reading it first gives an account not yet read since this start its baseline: as it is.
        if (!(await rt.store.read(domainId, () => true))) throw unknownTenant(domainId);
        const baseline = rt.baselines.baselineOf(domainId);
        const removed = baseline && (await rt.store.putTenant(baseline));
        if (!removed) throw unknownTenant(domainId);
        forgetAccount(rt, removed);
        ctx.note({ domain_id: domainId });
        const body: ResetView = {
          scope: 'tenant',
          domain_id: domainId,
          accounts: 1,
          cleared: ['state', 'lockouts', 'console'],
        };
        return json(200, body);
      }
      const kept = rt.baselines.resetAll();
      await rt.store.replaceAll(kept);
      forgetEverything(rt);
      rt.faults.clear();
      rt.journal.clear();
      const body: ResetView = {
        scope: 'all',
        domain_id: null,
        accounts: kept.length,
        cleared: ['state', 'lockouts', 'console', 'faults', 'journal'],
      };
      return json(200, body);
    },
  },
];
