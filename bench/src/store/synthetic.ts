/**
 * @module store/synthetic
 * Large stores written straight in the emulator's store-folder layout (seeding 100,000 keys
 * through HTTP would take longer than the whole bench): `index.json` (global indexes, tenant
 * summaries, meta) and one document per account in `tenants/<id>.json`. Built from a real
 * template (store/template), split by account:
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
 * Each user's `access_keys` lists its keys' AKs, oldest first, as schema version 2 wants.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout } from '../options.js';
import type { KeyPair } from '../targets/emulator.js';
import { collection, collectionNames, type Doc, type Rec, type Template } from './template.js';

/** One account's records, by collection (a tenant file without its `schemaVersion`). */
export type TenantRecords = Record<string, Record<string, Rec>>;

/** `index.json` as the emulator reads it (store/lowdb/files.ts `IndexFile`). */
export interface IndexFile {
  format: 'iam-testbed-index';
  schemaVersion: number;
  meta: unknown;
  tenants: Record<string, { name: string; created_at: number; counts: Record<string, number> }>;
  indexes: Record<IndexName, Record<string, string>>;
}

export interface BuiltStore {
  schemaVersion: number;
  /** account ID → its records, the template's accounts first */
  tenants: Map<string, TenantRecords>;
  index: IndexFile;
  /** permanent keys in the store */
  keys: number;
  admin: KeyPair;
  domainId: string;
  /** IAM users of the measuring tenant with no key yet */
  targets: string[];
  /** the last key made (in the last synthetic tenant, or the measuring one), with its secret: to check the emulator loads it */
  sample: KeyPair & { domainId: string };
}

type IndexName = 'access_key' | 'token' | 'account_name' | 'identity_provider' | 'user';
/** Which global index a collection's record IDs go in (accounts go in by name). */
const INDEXED: Readonly<Record<string, IndexName>> = {
  permanent_keys: 'access_key',
  temporary_keys: 'access_key',
  tokens: 'token',
  identity_providers: 'identity_provider',
  users: 'user',
};
/** What the tenant summaries count (domain/tenant-docs.ts `COUNTED`). */
const COUNTED = ['users', 'projects', 'permanent_keys', 'temporary_keys', 'tokens'] as const;

const KEYS_PER_TENANT_USER = 2;

function idFactory(): { id: () => string; ak: () => string } {
  let n = 0;
  let k = 0;
  return {
    id: () => `b0000000${(n++).toString(16).padStart(24, '0')}`,
    ak: () => `EMUP${(k++).toString(36).toUpperCase().padStart(16, '0')}`,
  };
}

/** The template's records split by account (`accounts` by ID, the rest by `domain_id`). */
function splitByAccount(doc: Doc): Map<string, TenantRecords> {
  const names = collectionNames(doc);
  const tenants = new Map<string, TenantRecords>();
  for (const id of Object.keys(collection(doc, 'accounts')))
    tenants.set(id, Object.fromEntries(names.map((n) => [n, {}])));
  for (const name of names) {
    for (const [id, r] of Object.entries(collection(doc, name))) {
      const owner = tenants.get(name === 'accounts' ? id : String(r.domain_id));
      if (!owner) throw new Error(`template record ${name}/${id} belongs to no account`);
      owner[name]![id] = structuredClone(r);
    }
  }
  return tenants;
}

function remap(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return map.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remap(v, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [map.get(k) ?? k, remap(v, map)]),
    );
  }
  return value;
}

class Builder {
  private readonly ids = idFactory();
  readonly tenants: Map<string, TenantRecords>;
  private readonly keyTemplate: Rec;
  private readonly userTemplate: Rec;
  /** the template tenant's records, copied for each synthetic tenant */
  private readonly tenantRecords: TenantRecords;
  private keys = 0;
  last: (KeyPair & { domainId: string }) | undefined;

  constructor(private readonly template: Template) {
    const { tenant } = template;
    this.tenants = splitByAccount(template.doc);
    const own = this.tenants.get(tenant.domain.id);
    const key = own?.permanent_keys?.[tenant.iam_user.access_key.access];
    const user = own?.users?.[tenant.iam_user.id];
    if (!own || !key || !user)
      throw new Error('the template store lacks the tenant, its IAM user or its key');
    this.keyTemplate = key;
    this.userTemplate = user;
    this.tenantRecords = structuredClone(own);
    for (const t of this.tenants.values()) this.keys += Object.keys(t.permanent_keys ?? {}).length;
  }

  keyCount(): number {
    return this.keys;
  }

  private records(domainId: string, name: string): Record<string, Rec> {
    const c = this.tenants.get(domainId)?.[name];
    if (!c) throw new Error(`no collection ${name} in tenant ${domainId}`);
    return c;
  }

  addKey(user: Rec): void {
    const access = this.ids.ak();
    const domainId = String(user.domain_id);
    this.records(domainId, 'permanent_keys')[access] = {
      ...this.keyTemplate,
      access,
      user_id: user.id,
      domain_id: domainId,
    };
    (user.access_keys as string[]).push(access);
    this.keys += 1;
    this.last = { access, secret: String(this.keyTemplate.secret), domainId };
  }

  addUser(domainId: string, name: string): Rec {
    const id = this.ids.id();
    const user = {
      ...this.userTemplate,
      id,
      domain_id: domainId,
      name,
      group_ids: [],
      access_keys: [],
    };
    this.records(domainId, 'users')[id] = user;
    return user;
  }

  /** A copy of the template tenant under fresh IDs, its admin and IAM user holding `keys` keys. */
  addTenant(index: number, keys: number): void {
    const { tenant } = this.template;
    const map = new Map<string, string>();
    for (const recs of Object.values(this.tenantRecords))
      for (const id of Object.keys(recs)) map.set(id, this.ids.id());
    const oldName = tenant.domain.name;
    const newName = `bench-tenant-${index}`;
    const copy = remap(this.tenantRecords, map) as TenantRecords;
    copy.permanent_keys = {}; // keys are made below, with fresh AKs
    for (const recs of Object.values(copy)) {
      for (const r of Object.values(recs)) {
        if (typeof r.name === 'string' && (r.name === oldName || r.name.startsWith(`${oldName}-`)))
          r.name = newName + r.name.slice(oldName.length);
      }
    }
    for (const u of Object.values(copy.users ?? {})) u.access_keys = [];
    this.tenants.set(map.get(tenant.domain.id) ?? '', copy);
    const users = copy.users ?? {};
    const holders = [
      users[map.get(tenant.admin.id) ?? ''],
      users[map.get(tenant.iam_user.id) ?? ''],
    ];
    for (let k = 0; k < keys; k++) {
      const holder = holders[k % 2];
      if (holder) this.addKey(holder);
    }
  }
}

/** index.json for `tenants`: every global index key and every tenant's summary. */
export function indexOf(
  tenants: ReadonlyMap<string, TenantRecords>,
  meta: unknown,
  schemaVersion: number,
): IndexFile {
  const indexes: IndexFile['indexes'] = {
    access_key: {},
    token: {},
    account_name: {},
    identity_provider: {},
    user: {},
  };
  const summaries: IndexFile['tenants'] = {};
  for (const [id, t] of tenants) {
    const account = t.accounts?.[id];
    if (!account) throw new Error(`tenant ${id} has no account record`);
    indexes.account_name[String(account.name)] = id;
    for (const [name, index] of Object.entries(INDEXED))
      for (const key of Object.keys(t[name] ?? {})) indexes[index][key] = id;
    const counts = Object.fromEntries(
      COUNTED.map((name) => [name, Object.keys(t[name] ?? {}).length]),
    );
    summaries[id] = { name: String(account.name), created_at: Number(account.created_at), counts };
  }
  return { format: 'iam-testbed-index', schemaVersion, meta, tenants: summaries, indexes };
}

/**
 * A store of `keys` permanent keys laid out as `layout`, plus `targets` key-less users in the
 * measuring tenant.
 */
export function buildStore(
  template: Template,
  layout: Layout,
  keys: number,
  targets: number,
): BuiltStore {
  const b = new Builder(template);
  const { tenant } = template;
  const domainId = tenant.domain.id;
  const targetIds = Array.from({ length: targets }, (_, k) =>
    String(b.addUser(domainId, `${tenant.iam_user.name}-target-${k}`).id),
  );
  if (layout === 'one-account') {
    for (let u = 0; b.keyCount() < keys; u++) {
      const user = b.addUser(domainId, `bench-user-${u}`);
      for (let k = 0; k < KEYS_PER_TENANT_USER && b.keyCount() < keys; k++) b.addKey(user);
    }
  } else {
    for (let i = 0; b.keyCount() < keys; i++)
      b.addTenant(i, Math.min(2 * KEYS_PER_TENANT_USER, keys - b.keyCount()));
  }
  const schemaVersion = Number(template.doc.schemaVersion);
  return {
    schemaVersion,
    tenants: b.tenants,
    index: indexOf(b.tenants, template.doc.meta, schemaVersion),
    keys: b.keyCount(),
    admin: tenant.admin.access_key,
    domainId,
    targets: targetIds,
    sample: b.last ?? { ...tenant.iam_user.access_key, domainId },
  };
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A tenant's file in a store folder, named as the emulator names it (store/lowdb/layout.ts). */
export function tenantFile(dir: string, id: string): string {
  const name = SAFE_ID.test(id) ? id : `~${Buffer.from(id, 'utf8').toString('hex').slice(0, 200)}`;
  return join(dir, 'tenants', `${name}.json`);
}

/**
 * Writes `built` as a store folder at `dir` (created): plain writes, no fsync (a fixture, copied
 * before each run). Returns the bytes written.
 */
export function writeStoreFolder(dir: string, built: BuiltStore): number {
  mkdirSync(join(dir, 'tenants'), { recursive: true });
  let bytes = 0;
  for (const [id, records] of built.tenants) {
    const text = JSON.stringify({ schemaVersion: built.schemaVersion, ...records });
    writeFileSync(tenantFile(dir, id), text);
    bytes += Buffer.byteLength(text);
  }
  const index = JSON.stringify(built.index);
  writeFileSync(join(dir, 'index.json'), index);
  return bytes + Buffer.byteLength(index);
}
