/**
 * @module store/template
 * A real store to build large ones from: the emulator itself writes it (default seed plus one
 * tenant made through `POST /_emulator/tenants`) into a store folder, which is read back merged
 * (`readStoreFolder`), so every record has exactly the fields the emulator's schema wants, and
 * the tenant's admin secret is known to sign with.
 */
import { join } from 'node:path';
import { readStoreFolder } from '@iam-testbed/emulator';
import type { BenchContext } from '../context.js';
import { freePort, startServer, stopServer } from '../proc.js';
import { createTenant, emulatorSpec, type Tenant } from '../targets/emulator.js';

export type Rec = Record<string, unknown>;
/** The state document merged: top-level collections keyed by ID, plus schemaVersion and meta. */
export type Doc = Record<string, unknown>;

export interface Template {
  doc: Doc;
  tenant: Tenant;
}

export async function makeTemplate(ctx: BenchContext): Promise<Template> {
  const dbPath = join(ctx.tempDir('template'), 'store');
  const server = await startServer(emulatorSpec(await freePort(), { dbPath }));
  let tenant: Tenant;
  try {
    tenant = await createTenant(server.url);
  } finally {
    await stopServer(server, 'SIGTERM', 10_000);
  }
  const doc = readStoreFolder(dbPath) as unknown as Doc;
  if (typeof doc.permanent_keys !== 'object' || doc.permanent_keys === null) {
    throw new Error(
      `the emulator's store folder ${dbPath} has no permanent_keys collection: the bench's seeding needs updating`,
    );
  }
  return { doc, tenant };
}

/** A collection of the document (`users`, `permanent_keys`, …). */
export function collection(doc: Doc, name: string): Record<string, Rec> {
  const c = doc[name];
  if (typeof c !== 'object' || c === null)
    throw new Error(`store document has no "${name}" collection`);
  return c as Record<string, Rec>;
}

/** Names of the collections: the object-valued top-level fields except `meta`. */
export function collectionNames(doc: Doc): string[] {
  return Object.keys(doc).filter(
    (k) => k !== 'meta' && typeof doc[k] === 'object' && doc[k] !== null && !Array.isArray(doc[k]),
  );
}
