/**
 * @module http/views/security-token-views
 * A temporary access key as `POST /v3.0/OS-CREDENTIAL/securitytokens` answers it (docs/reference/huawei-iam-api.md
 * §2.3): `{"credential": {access, secret, securitytoken, expires_at}}`, the only time the secret
 * and the security token are shown. The console's Temporary Access Keys page shows the same.
 *
 * Why wire views live here, in the HTTP adapter, and not in the domain: a view is the Huawei body
 * of one API (field names, Keystone's microsecond times or v5's, links built from the URL the
 * client called), so it changes with the API, never with a rule. The domain returns records and
 * owns the rules a view shows (the 15-minute last-use rule, who is an administrator); routes and
 * the console's rows call the same views, so a field reads the same everywhere
 * (docs/architecture.md, "Domain").
 */
import type { TemporaryKeyRecord } from '../../domain/state.js';
import { formatMicros } from '../../domain/time-format.js';

export function securityTokenView(k: TemporaryKeyRecord) {
  return {
    credential: {
      access: k.access,
      secret: k.secret,
      securitytoken: k.security_token,
      expires_at: formatMicros(k.expires_at),
    },
  };
}
