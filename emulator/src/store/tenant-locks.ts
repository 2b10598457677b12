/**
 * @module store/tenant-locks
 * One unit of work per tenant at a time. A unit holds its tenant's lock from its first read to
 * its durable commit (or rollback), so no other request ever sees a change that may still be
 * undone; units on different tenants run side by side and share disk writes.
 */
export class TenantLocks {
  private readonly tails = new Map<string, Promise<void>>();
  /** Set while a store-wide operation (import, full reset) runs: every tenant waits. */
  private barrier: Promise<void> | null = null;

  /** Runs `fn` once every earlier holder of `id` has finished. */
  async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
    while (this.barrier) await this.barrier;
    const before = this.tails.get(id);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(id, mine);
    try {
      if (before) await before;
      return await fn();
    } finally {
      release();
      if (this.tails.get(id) === mine) this.tails.delete(id);
    }
  }

  /** Takes `id` now if nobody holds it (and no store-wide operation runs); returns its release, else null. */
  tryAcquire(id: string): (() => void) | null {
    if (this.barrier !== null || this.tails.has(id)) return null;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(id, mine);
    return () => {
      release();
      if (this.tails.get(id) === mine) this.tails.delete(id);
    };
  }

  busy(id: string): boolean {
    return this.barrier !== null || this.tails.has(id);
  }

  /** Resolves when `id` is free (a new holder may take it right after). */
  async idle(id: string): Promise<void> {
    for (;;) {
      const wait = this.barrier ?? this.tails.get(id);
      if (!wait) return;
      await wait;
    }
  }

  /** Resolves when no tenant is held (close). */
  async idleAll(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  /** Runs `fn` alone: after every holder has finished, and before any new one starts. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.barrier) await this.barrier;
    let release!: () => void;
    this.barrier = new Promise<void>((resolve) => (release = resolve));
    try {
      await this.idleAll();
      return await fn();
    } finally {
      this.barrier = null;
      release();
    }
  }
}
