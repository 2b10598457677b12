/**
 * Raw calls signed by a tenant's administrator, and a read-back of what a refused request could
 * have changed (the keys, the admin's own list, the protect policy), for "changes nothing" checks.
 */
import type { Emulator } from './emulator';
import { raw, type RawCall, type RawResult } from './raw';
import type { Tenant } from './tenant';

export const CREDENTIALS = '/v3.0/OS-CREDENTIAL/credentials';

export function asAdmin(emu: Emulator, t: Tenant, req: Omit<RawCall, 'sign'>): Promise<RawResult> {
  return raw(emu.url, { ...req, sign: { key: t.admin.access_key, domainId: t.domain.id } });
}

/** Everything a refused request could have changed, read back through the API. */
export async function snapshot(emu: Emulator, t: Tenant): Promise<unknown> {
  const keys = await asAdmin(emu, t, {
    method: 'GET',
    path: `${CREDENTIALS}?user_id=${t.iam_user.id}`,
  });
  const own = await asAdmin(emu, t, { method: 'GET', path: CREDENTIALS });
  const policy = await asAdmin(emu, t, {
    method: 'GET',
    path: `/v3.0/OS-SECURITYPOLICY/domains/${t.domain.id}/protect-policy`,
  });
  return { keys: keys.json, own: own.json, policy: policy.json };
}
