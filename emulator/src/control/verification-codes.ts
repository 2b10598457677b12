/**
 * @module control/verification-codes
 * `GET /_emulator/verification-codes[?user_id=&domain_id=]` → `{"codes":[…]}`: the SMS, e-mail
 * and virtual-MFA codes operation protection "sent" (the console records them in `rt.console`,
 * console/verification-codes.ts), newest last — as Firebase's Auth emulator exposes its codes
 * (docs/reference/emulator-anchors.md §3.5). Codes are out-of-band secrets by design: this endpoint exists to
 * reveal them to tests, behind the Origin guard and the control token.
 */
import { HEX32_RE } from '@iam-testbed/shared';
import { json, type ControlRoute } from '../http/api.js';
import { param, queryOf } from '../http/query-params.js';
import type { VerificationCodesView } from './wire.js';

const ID = { pattern: HEX32_RE, expected: '32 lower-case hex characters' };
const CODES_QUERY = {
  user_id: param.string('Only codes sent for this user', ID),
  domain_id: param.string('Only codes of this account', ID),
};

export const verificationCodeRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/_emulator/verification-codes',
    operation: 'emulatorListVerificationCodes',
    family: 'control',
    auth: 'none',
    control: true,
    query: CODES_QUERY,
    handler(_req, ctx) {
      const { user_id, domain_id } = queryOf(ctx, CODES_QUERY);
      const filter = { user_id, domain_id };
      const body: VerificationCodesView = { codes: ctx.rt.console.codes.list(filter) };
      return json(200, body);
    },
  },
];
