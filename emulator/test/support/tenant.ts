/**
 * @module The control-plane tenant: one isolated account per call of `POST /_emulator/tenants`
 * (shape fixed in the team brief), typed and created by the QA kit's client (src/client).
 */
import {
  EmulatorClient,
  type TenantRequest,
  type TenantUserView,
  type TenantView,
} from '../../src/client/index';

export type TenantUser = TenantUserView;
export type Tenant = TenantView;

export function createTenant(url: string, body?: TenantRequest): Promise<Tenant> {
  return new EmulatorClient(url).createTenant(body);
}

/** The tenant's region project (named after its region), the first one unless `region` is given. */
export function regionProject(
  t: Tenant,
  region?: string,
): { id: string; name: string; region: string } {
  const p = t.projects.find(
    (x) => x.name === x.region && (region === undefined || x.region === region),
  );
  if (!p)
    throw new Error(
      `tenant has no region project${region ? ` for ${region}` : ''}: ${JSON.stringify(t.projects)}`,
    );
  return p;
}

/** The distinct regions the tenant has projects in, sorted. */
export const regionsOf = (t: Tenant): string[] =>
  [...new Set(t.projects.map((p) => p.region))].sort();
