/**
 * @module domain/baselines
 * What "reset" goes back to. Every account has a baseline: a copy of its records taken when it
 * was seeded, created as a tenant, imported, or found in the store at start — whichever is
 * latest. Resetting one account swaps its records for its baseline (its generated credentials
 * stay valid, so a test worker keeps its tenant across resets); resetting everything keeps only
 * the seed accounts, at their baselines. Keeping copies instead of re-running the seed makes a
 * reset cost a copy of the seed accounts, whatever else the store holds.
 */
import { emptyState, ownRecord, type StateDoc } from './state.js';
import { insertSlice, removeAccount, slicesOf, type DomainSlice } from './slices.js';

/** Where an account's baseline comes from. */
export type BaselineOrigin = 'seed' | 'tenant' | 'import' | 'store';

interface Baseline {
  slice: DomainSlice;
  origin: BaselineOrigin;
}

export class Baselines {
  private readonly byAccount = new Map<string, Baseline>();

  /** Records the account as it is now. Returns false when it does not exist. */
  capture(state: StateDoc, domainId: string, origin: BaselineOrigin): boolean {
    return this.captureAll(state, [domainId], origin) === 1;
  }

  /** Records several accounts as they are now, in one pass over the document; returns how many exist. */
  captureAll(state: StateDoc, domainIds: Iterable<string>, origin: BaselineOrigin): number {
    const slices = slicesOf(state, domainIds);
    for (const [id, slice] of slices) this.byAccount.set(id, { slice, origin });
    return slices.size;
  }

  /**
   * After a start or an import: every account without a seed baseline gets one of `origin`;
   * baselines of accounts that no longer exist are dropped, except the seed's (a full reset
   * brings those back).
   */
  adopt(state: StateDoc, origin: BaselineOrigin): void {
    for (const [id, baseline] of this.byAccount) if (baseline.origin !== 'seed' && !Object.hasOwn(state.accounts, id)) this.byAccount.delete(id);
    const ids = Object.keys(state.accounts).filter((id) => this.originOf(id) !== 'seed');
    this.captureAll(state, ids, origin);
  }

  originOf(domainId: string): BaselineOrigin | undefined {
    return this.byAccount.get(domainId)?.origin;
  }

  forget(domainId: string): void {
    this.byAccount.delete(domainId);
  }

  /**
   * Puts one account back to its baseline, in place. Returns the records it held before (their
   * lock-outs and console sessions must go too), or undefined when the account is unknown now
   * or has no baseline.
   */
  resetAccount(state: StateDoc, domainId: string): DomainSlice | undefined {
    const baseline = this.byAccount.get(domainId);
    if (!baseline || !ownRecord(state.accounts, domainId)) return undefined;
    const removed = removeAccount(state, domainId);
    insertSlice(state, baseline.slice);
    return removed;
  }

  /**
   * A new document holding only the seed accounts at their baselines (`meta` carried over).
   * Baselines of every other account are dropped: those accounts no longer exist.
   */
  resetAll(state: StateDoc): StateDoc {
    const next = emptyState(state.meta.created_at);
    next.meta = { ...state.meta };
    for (const [id, baseline] of this.byAccount) {
      if (baseline.origin === 'seed') insertSlice(next, baseline.slice);
      else this.byAccount.delete(id);
    }
    return next;
  }
}
