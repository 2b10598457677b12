/**
 * @module domain/baselines
 * What "reset" goes back to. Every account has a baseline: a copy of its tenant document taken
 * when it was seeded, created as a tenant, imported, or first read from the store in this
 * process — whichever is latest. Resetting one account swaps its document for its baseline (its
 * generated credentials stay valid, so a test worker keeps its tenant across resets); resetting
 * everything keeps only the seed accounts, at their baselines. Keeping copies instead of
 * re-running the seed makes a reset cost a copy of the seed accounts, whatever else the store
 * holds.
 */
import { tenantAccount, type TenantDoc } from './state.js';

/** Where an account's baseline comes from. */
export type BaselineOrigin = 'seed' | 'tenant' | 'import' | 'store';

interface Baseline {
  doc: TenantDoc;
  origin: BaselineOrigin;
}

export class Baselines {
  private readonly byAccount = new Map<string, Baseline>();

  /** Records the account as `doc` is now (a plain document; it is copied). */
  capture(doc: TenantDoc, origin: BaselineOrigin): void {
    this.byAccount.set(tenantAccount(doc).id, { doc: structuredClone(doc), origin });
  }

  /** A tenant read from the store for the first time in this process: that is its baseline. */
  captureIfMissing(doc: TenantDoc, origin: BaselineOrigin): void {
    if (!this.byAccount.has(tenantAccount(doc).id)) this.capture(doc, origin);
  }

  /**
   * After an import: every imported account gets a baseline of `origin`, except seed accounts,
   * which keep theirs; baselines of accounts that no longer exist are dropped, except the seed's
   * (a full reset brings those back).
   */
  adopt(docs: readonly TenantDoc[], origin: BaselineOrigin): void {
    const ids = new Set(docs.map((doc) => tenantAccount(doc).id));
    for (const [id, baseline] of this.byAccount)
      if (baseline.origin !== 'seed' && !ids.has(id)) this.byAccount.delete(id);
    for (const doc of docs)
      if (this.originOf(tenantAccount(doc).id) !== 'seed') this.capture(doc, origin);
  }

  originOf(domainId: string): BaselineOrigin | undefined {
    return this.byAccount.get(domainId)?.origin;
  }

  /** A copy of the account's baseline. */
  baselineOf(domainId: string): TenantDoc | undefined {
    const baseline = this.byAccount.get(domainId);
    return baseline && structuredClone(baseline.doc);
  }

  forget(domainId: string): void {
    this.byAccount.delete(domainId);
  }

  /** Copies of the seed accounts' baselines (what a full reset keeps); every other baseline is dropped. */
  resetAll(): TenantDoc[] {
    const kept: TenantDoc[] = [];
    for (const [id, baseline] of this.byAccount) {
      if (baseline.origin === 'seed') kept.push(structuredClone(baseline.doc));
      else this.byAccount.delete(id);
    }
    return kept;
  }
}
