/**
 * @module store/synthetic
 * Large stores written straight to the emulator's file format (seeding 100,000 keys through
 * HTTP would take longer than the whole bench). Built from a real template (store/template):
 *
 * - `tenants`: what parallel QA leaves behind — many accounts, each a copy of a tenant exactly as
 *   `POST /_emulator/tenants` makes it (account, admin group, admin, IAM user, federated user,
 *   projects, identity provider, agency), with its admin and IAM user holding up to 2 keys each
 *   (the quota), so 4 keys per tenant.
 * - `one-account`: one account whose many IAM users hold 2 keys each.
 *
 * Either way the measuring tenant (the template's, whose admin secret is known) also gets
 * `targets` key-less IAM users to create keys for. IDs are fresh 32-hex strings and AKs fresh
 * `EMUP…` keys; secrets and password hashes are copied (nothing checks them for uniqueness).
 */
import type { Layout } from '../options.js';
import type { KeyPair } from '../targets/emulator.js';
import { collection, collectionNames, type Doc, type Rec, type Template } from './template.js';

export interface BuiltStore {
  text: string;
  /** permanent keys in the store */
  keys: number;
  admin: KeyPair;
  domainId: string;
  /** IAM users of the measuring tenant with no key yet */
  targets: string[];
}

const KEYS_PER_TENANT_USER = 2;

function idFactory(): { id: () => string; ak: () => string } {
  let n = 0;
  let k = 0;
  return {
    id: () => `b0000000${(n++).toString(16).padStart(24, '0')}`,
    ak: () => `EMUP${(k++).toString(36).toUpperCase().padStart(16, '0')}`,
  };
}

/** Every record of account `domainId`, by collection. */
function accountRecords(doc: Doc, domainId: string): Record<string, Record<string, Rec>> {
  const out: Record<string, Record<string, Rec>> = {};
  for (const name of collectionNames(doc)) {
    const picked = Object.entries(collection(doc, name)).filter(([id, r]) => r.domain_id === domainId || (name === 'accounts' && id === domainId));
    out[name] = Object.fromEntries(picked);
  }
  return out;
}

function remap(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return map.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remap(v, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [map.get(k) ?? k, remap(v, map)]));
  }
  return value;
}

class Builder {
  private readonly ids = idFactory();
  readonly doc: Doc;
  private readonly keyTemplate: Rec;
  private readonly userTemplate: Rec;
  /** the tenant's records, copied for each synthetic tenant */
  private readonly tenantRecords: Record<string, Record<string, Rec>>;
  /** kept here: counting the collection each time would make building quadratic */
  private keys: number;

  constructor(private readonly template: Template) {
    this.doc = structuredClone(template.doc);
    const { tenant } = template;
    const key = collection(this.doc, 'permanent_keys')[tenant.iam_user.access_key.access];
    const user = collection(this.doc, 'users')[tenant.iam_user.id];
    if (!key || !user) throw new Error('the template store lacks the tenant\'s IAM user or key');
    this.keyTemplate = key;
    this.userTemplate = user;
    this.tenantRecords = accountRecords(template.doc, tenant.domain.id);
    this.keys = Object.keys(collection(this.doc, 'permanent_keys')).length;
  }

  keyCount(): number {
    return this.keys;
  }

  addKey(user: Rec): void {
    const access = this.ids.ak();
    collection(this.doc, 'permanent_keys')[access] = { ...this.keyTemplate, access, user_id: user.id, domain_id: user.domain_id };
    this.keys += 1;
  }

  addUser(domainId: string, name: string): Rec {
    const id = this.ids.id();
    const user = { ...this.userTemplate, id, domain_id: domainId, name, group_ids: [] };
    collection(this.doc, 'users')[id] = user;
    return user;
  }

  /** A copy of the template tenant under fresh IDs, its admin and IAM user holding `keys` keys. */
  addTenant(index: number, keys: number): void {
    const { tenant } = this.template;
    const records = this.tenantRecords;
    const map = new Map<string, string>();
    for (const recs of Object.values(records)) for (const id of Object.keys(recs)) map.set(id, this.ids.id());
    const oldName = tenant.domain.name;
    const newName = `bench-tenant-${index}`;
    const copy = remap(records, map) as Record<string, Record<string, Rec>>;
    for (const [name, recs] of Object.entries(copy)) {
      if (name === 'permanent_keys') continue; // keys are made below, with fresh AKs
      const target = collection(this.doc, name);
      for (const [id, r] of Object.entries(recs)) {
        if (typeof r.name === 'string' && (r.name === oldName || r.name.startsWith(`${oldName}-`))) r.name = newName + r.name.slice(oldName.length);
        target[id] = r;
      }
    }
    const users = copy.users ?? {};
    const holders = [users[map.get(tenant.admin.id) ?? ''], users[map.get(tenant.iam_user.id) ?? '']];
    for (let k = 0; k < keys; k++) {
      const holder = holders[k % 2];
      if (holder) this.addKey(holder);
    }
  }
}

/**
 * A store of `keys` permanent keys laid out as `layout`, plus `targets` key-less users in the
 * measuring tenant.
 */
export function buildStore(template: Template, layout: Layout, keys: number, targets: number): BuiltStore {
  const b = new Builder(template);
  const { tenant } = template;
  const domainId = tenant.domain.id;
  const targetIds = Array.from({ length: targets }, (_, k) => String(b.addUser(domainId, `${tenant.iam_user.name}-target-${k}`).id));
  if (layout === 'one-account') {
    for (let u = 0; b.keyCount() < keys; u++) {
      const user = b.addUser(domainId, `bench-user-${u}`);
      for (let k = 0; k < KEYS_PER_TENANT_USER && b.keyCount() < keys; k++) b.addKey(user);
    }
  } else {
    for (let i = 0; b.keyCount() < keys; i++) b.addTenant(i, Math.min(2 * KEYS_PER_TENANT_USER, keys - b.keyCount()));
  }
  return { text: JSON.stringify(b.doc), keys: b.keyCount(), admin: tenant.admin.access_key, domainId, targets: targetIds };
}
