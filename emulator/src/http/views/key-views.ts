/**
 * @module http/views/key-views
 * Permanent keys as each API shows them (docs/reference/huawei-iam-api.md §1, docs/reference/sdk-wire.md §5). The secret is in
 * the create views only. Last use is the domain's (`lastUseShown`: the creation time until the
 * first use, docs/reference/huawei-iam-api.md §1.1).
 *
 * Why wire views live here, in the HTTP adapter, and not in the domain: a view is the Huawei body
 * of one API (field names, Keystone's microsecond times or v5's, links built from the URL the
 * client called), so it changes with the API, never with a rule. The domain returns records and
 * owns the rules a view shows (the 15-minute last-use rule, who is an administrator); routes and
 * the console's rows call the same views, so a field reads the same everywhere
 * (docs/architecture.md, "Domain").
 */
import type {
  AccessKeyV5,
  CreateAccessKeyV5Response,
  CreateCredentialResponse,
  CredentialListItem,
  ShowCredentialResponse,
} from '@iam-testbed/shared';
import { lastUseShown } from '../../domain/permanent-keys.js';
import type { PermanentKeyRecord } from '../../domain/state.js';
import { formatMicros, formatV5Time } from '../../domain/time-format.js';

export function credentialItem(k: PermanentKeyRecord): CredentialListItem {
  return {
    access: k.access,
    create_time: formatMicros(k.created_at),
    user_id: k.user_id,
    description: k.description,
    status: k.status,
  };
}

export function createdCredential(k: PermanentKeyRecord): CreateCredentialResponse {
  return {
    credential: {
      access: k.access,
      secret: k.secret,
      create_time: formatMicros(k.created_at),
      user_id: k.user_id,
      description: k.description,
      status: k.status,
    },
  };
}

export function shownCredential(k: PermanentKeyRecord): ShowCredentialResponse {
  return { credential: { ...credentialItem(k), last_use_time: formatMicros(lastUseShown(k)) } };
}

export function accessKeyV5(k: PermanentKeyRecord): AccessKeyV5 {
  return {
    user_id: k.user_id,
    access_key_id: k.access,
    created_at: formatV5Time(k.created_at),
    status: k.status,
  };
}

export function createdAccessKeyV5(k: PermanentKeyRecord): CreateAccessKeyV5Response {
  return { access_key: { ...accessKeyV5(k), secret_access_key: k.secret } };
}
