/**
 * @module The control-plane tenant: one isolated account per call of `POST /_emulator/tenants`
 * (shape fixed in the team brief).
 */

export interface TenantUser {
  id: string;
  name: string;
  password: string;
  access_key: { access: string; secret: string };
}

export interface Tenant {
  domain: { id: string; name: string };
  admin: TenantUser;
  iam_user: TenantUser;
  federated_user: { id: string; name: string; idp_id: string; id_token: string };
  projects: Array<{ id: string; name: string; region: string }>;
}

export async function createTenant(url: string, body?: Record<string, unknown>): Promise<Tenant> {
  const res = await fetch(`${url}/_emulator/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`POST /_emulator/tenants answered ${res.status}: ${text}`);
  }
  return JSON.parse(text) as Tenant;
}

/** The tenant's region project (named after its region), the first one unless `region` is given. */
export function regionProject(t: Tenant, region?: string): { id: string; name: string; region: string } {
  const p = t.projects.find((x) => x.name === x.region && (region === undefined || x.region === region));
  if (!p) throw new Error(`tenant has no region project${region ? ` for ${region}` : ''}: ${JSON.stringify(t.projects)}`);
  return p;
}

/** The distinct regions the tenant has projects in, sorted. */
export const regionsOf = (t: Tenant): string[] => [...new Set(t.projects.map((p) => p.region))].sort();
