/**
 * @module control/state
 * `GET /_emulator/state` → the whole store document, in the store's own format (usable as a
 * `--db` file or with `--import`). `PUT /_emulator/state` imports one → 200 with counts: the
 * document is checked in full first (schema, then cross-record integrity), so a bad one answers
 * 400 IAMTB.0009 and changes nothing; a good one replaces the store in one step, its accounts'
 * reset baselines become the imported records (seed accounts keep theirs), and lock-outs and
 * console memory are forgotten.
 *
 * ⚠ The export is the one control-plane answer that holds secrets the caller did not just
 * create: SKs, security tokens, Keystone tokens, IdP signing keys and scrypt password hashes —
 * a faithful import needs them. It is guarded like every control call (Origin, Host, and
 * `--control-token` when set); docs/control-plane.md says to keep exports out of version control.
 */
import { IamError } from '../domain/errors.js';
import type { StateDoc } from '../domain/state.js';
import { json, type ControlRoute } from '../http/api.js';
import { readJson } from '../http/validation.js';
import { splitByTenant } from '../domain/tenant-docs.js';
import { checkImport } from '../store/import-check.js';
import { StoreError } from '../store/store-errors.js';
import { forgetEverything } from './memory.js';
import type { ImportView } from './wire.js';

const count = (records: object) => Object.keys(records).length;

function importView(state: StateDoc): ImportView {
  return {
    imported: {
      accounts: count(state.accounts),
      users: count(state.users),
      permanent_keys: count(state.permanent_keys),
      temporary_keys: count(state.temporary_keys),
      tokens: count(state.tokens),
    },
  };
}

export const stateRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/_emulator/state',
    operation: 'emulatorExportState',
    family: 'control',
    auth: 'none',
    control: true,
    handler: async (_req, ctx) =>
      json(200, await ctx.rt.store.exportAll(), { 'Cache-Control': 'no-store' }),
  },
  {
    method: 'PUT',
    path: '/_emulator/state',
    operation: 'emulatorImportState',
    family: 'control',
    auth: 'none',
    control: true,
    async handler(req, ctx) {
      const { rt } = ctx;
      const check = checkImport(readJson(req, 'control'));
      if (!check.ok)
        throw new IamError('CONTROL_STATE_INVALID', {
          detail: `${check.message}. Send a document from GET /_emulator/state.`,
        });
      const next = check.state;
      // The start count labels this process's random streams; an import does not change it.
      const tenants = [...splitByTenant(next).values()];
      await rt.store.replaceAll(tenants).catch((error: unknown) => {
        if (error instanceof StoreError && error.code === 'STORE_CONFLICT')
          throw new IamError('CONTROL_STATE_INVALID', {
            detail: `${error.detail} Send a document from GET /_emulator/state.`,
          });
        throw error;
      });
      rt.baselines.adopt(tenants, 'import');
      forgetEverything(rt);
      return json(200, importView(next));
    },
  },
];
