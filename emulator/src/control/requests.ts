/**
 * @module control/requests
 * The request journal (http/journal.ts). `GET /_emulator/requests?limit=&since=` → oldest first:
 * method, path, status, `error_code`, access key (never a secret), the signature verdict and its
 * reason (in `--auth lenient`, why strict mode *would* refuse), the operation and any injected
 * fault. `since` keeps entries with a larger `seq`; `limit` keeps the newest N. Control-plane
 * calls are left out unless `control=true`, so polling does not see itself. `DELETE` → 204 empties
 * it. Bounded by `--journal-size` (default 1,000), in memory.
 */
import { json, noContent, type Route } from '../http/api.js';
import { CONTROL_PREFIX } from '../http/dispatch.js';
import { intParam, invalid, stringParam } from './params.js';
import type { RequestsView } from './wire.js';

export const requestRoutes: Route[] = [
  {
    method: 'GET',
    path: '/_emulator/requests',
    operation: 'emulatorListRequests',
    family: 'control',
    auth: 'none',
    control: true,
    handler(req, ctx) {
      const { journal } = ctx.rt;
      const limit = intParam(req, 'limit', 1, journal.capacity);
      const since = intParam(req, 'since', 0, Number.MAX_SAFE_INTEGER);
      const control = stringParam(req, 'control');
      if (control !== undefined && control !== 'true' && control !== 'false') throw invalid('control', 'must be true or false.');
      let entries = journal.list({ since });
      if (control !== 'true') entries = entries.filter((e) => !e.path.startsWith(CONTROL_PREFIX));
      if (limit !== undefined) entries = entries.slice(-limit);
      const body: RequestsView = { requests: entries, capacity: journal.capacity, last_seq: journal.lastSeq };
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
