/**
 * @module control/requests
 * The request journal (testbed/journal.ts). `GET /_emulator/requests?limit=&since=` → oldest first:
 * method, path, status, `error_code`, access key (never a secret), the signature verdict and its
 * reason (in `--auth lenient`, why strict mode *would* refuse), the operation and any injected
 * fault. `since` keeps entries with a larger `seq`; `limit` keeps the newest N. Control-plane
 * calls are left out unless `control=true`, so polling does not see itself. `DELETE` → 204 empties
 * it. Bounded by `--journal-size` (default 1,000), in memory.
 */
import { json, noContent, type ControlRoute } from '../http/api.js';
import { CONTROL_PREFIX } from '../http/dispatch.js';
import { param, queryOf } from '../http/query-params.js';
import type { RequestsView } from './wire.js';

const REQUESTS_QUERY = {
  limit: param.integer(
    1,
    (rt) => rt.journal.capacity,
    'Only the newest N entries (at most the journal capacity)',
  ),
  since: param.integer(
    0,
    Number.MAX_SAFE_INTEGER,
    'Only entries with a larger seq (the last_seq of the previous poll)',
  ),
  control: param.boolean('Include /_emulator calls (default false)'),
};

export const requestRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/_emulator/requests',
    operation: 'emulatorListRequests',
    family: 'control',
    auth: 'none',
    control: true,
    query: REQUESTS_QUERY,
    handler(_req, ctx) {
      const { journal } = ctx.rt;
      const { limit, since, control } = queryOf(ctx, REQUESTS_QUERY);
      let entries = journal.list({ since });
      if (control !== true) entries = entries.filter((e) => !e.path.startsWith(CONTROL_PREFIX));
      if (limit !== undefined) entries = entries.slice(-limit);
      const body: RequestsView = {
        requests: entries,
        capacity: journal.capacity,
        last_seq: journal.lastSeq,
      };
      return json(200, body);
    },
  },
  {
    method: 'DELETE',
    path: '/_emulator/requests',
    operation: 'emulatorClearRequests',
    family: 'control',
    auth: 'none',
    control: true,
    handler(_req, ctx) {
      ctx.rt.journal.clear();
      return noContent();
    },
  },
];
