/**
 * @module store/coalescing-writer
 * Serialises writes and coalesces bursts: while one write is in flight, every request that comes
 * in joins a single follow-up write, which snapshots the document when it starts. So N concurrent
 * commits cost at most two file writes, and every caller resolves only after a write that began
 * after its own change.
 */

interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function batch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class CoalescingWriter {
  private inFlight: Promise<void> | null = null;
  private queued: Batch | null = null;
  /** How many writes have started (tests check coalescing with it). */
  writes = 0;

  constructor(private readonly write: () => Promise<void>) {}

  /** Resolves after a write that started after this call. */
  request(): Promise<void> {
    this.queued ??= batch();
    const { promise } = this.queued;
    if (!this.inFlight) this.startNext();
    return promise;
  }

  /** Resolves once nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private startNext(): void {
    const next = this.queued;
    this.queued = null;
    if (!next) {
      this.inFlight = null;
      return;
    }
    this.writes += 1;
    this.inFlight = this.write()
      .then(next.resolve, next.reject)
      .finally(() => this.startNext());
  }
}
