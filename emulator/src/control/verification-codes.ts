/**
 * @module control/verification-codes
 * `GET /_emulator/verification-codes[?user_id=&domain_id=]` → `{"codes":[…]}`: the SMS, e-mail
 * and virtual-MFA codes operation protection "sent" (the console records them in `rt.console`,
 * console/verification-codes.ts), newest last — as Firebase's Auth emulator exposes its codes
 * (emulator-anchors.md §3.5). Codes are out-of-band secrets by design: this endpoint exists to
 * reveal them to tests, behind the Origin guard and the control token.
 */
import { json, type Route } from '../http/api.js';
import { stringParam } from './params.js';
import type { VerificationCodesView } from './wire.js';

export const verificationCodeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/_emulator/verification-codes',
    operation: 'emulatorListVerificationCodes',
    family: 'control',
    auth: 'none',
    control: true,
    handler(req, ctx) {
      const filter = { user_id: stringParam(req, 'user_id'), domain_id: stringParam(req, 'domain_id') };
      const body: VerificationCodesView = { codes: ctx.rt.console.codes.list(filter) };
      return json(200, body);
    },
  },
];
