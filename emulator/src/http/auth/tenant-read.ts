/**
 * @module http/auth/tenant-read
 * How authentication reaches the domain's credential rules: the tenant is found through the
 * store's global index (store/port.ts), and the rule runs inside `store.read` on that tenant's
 * document. The rule is also given `undefined` when the index names no tenant, or the tenant
 * went away between the lookup and the read, so "unknown key" is decided in one place.
 */
import type { TenantDoc } from '../../domain/state.js';
import type { Runtime } from '../../runtime.js';

export async function readTenant<T>(
  rt: Runtime,
  tenant: string | undefined,
  rule: (doc: TenantDoc | undefined) => T,
): Promise<T> {
  if (tenant === undefined) return rule(undefined);
  const read = await rt.store.read(tenant, (doc) => ({ value: rule(doc) }));
  return read === undefined ? rule(undefined) : read.value;
}
