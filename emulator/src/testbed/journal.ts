/**
 * @module testbed/journal
 * A bounded, in-memory journal of recent requests: what came in, how it was answered and the
 * signature verdict — including, in `--auth lenient`, why a request *would* have failed. The
 * control plane exposes it as `GET /_emulator/requests` (capacity: `--journal-size`). Entries never contain a
 * secret: no SK, no security token, no token, no password, no body.
 */

export type AuthScheme = 'aksk' | 'token' | 'none';
/** `ok`; `failed` (refused); `lenient` (would fail in strict mode, accepted); `none` (no credential checked). */
export type AuthVerdict = 'ok' | 'failed' | 'lenient' | 'none';

export interface JournalAuth {
  scheme: AuthScheme;
  verdict: AuthVerdict;
  /** Stable internal error id (docs/errors.md) when the check failed or would have. */
  reason: string | null;
  message: string | null;
}

export interface JournalEntry {
  seq: number;
  request_id: string;
  /** Emulator-clock time of the request, ISO 8601. */
  time: string;
  method: string;
  path: string;
  query: string;
  operation: string | null;
  status: number;
  error_code: string | null;
  /** Stable internal error id (docs/errors.md). */
  error_id: string | null;
  hint: string | null;
  access_key: string | null;
  auth: JournalAuth;
  [extra: string]: unknown;
}

export const DEFAULT_JOURNAL_SIZE = 1000;

export class RequestJournal {
  private entries: JournalEntry[] = [];
  private nextSeq = 1;

  constructor(readonly capacity = DEFAULT_JOURNAL_SIZE) {}

  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { ...entry, seq: this.nextSeq++ } as JournalEntry;
    this.entries.push(full);
    // Drop in chunks so recording stays O(1) amortised.
    if (this.entries.length > this.capacity * 1.25)
      this.entries = this.entries.slice(-this.capacity);
    return full;
  }

  /** Newest last; `since` keeps entries with a larger `seq`; `limit` keeps the newest N. */
  list(options: { limit?: number; since?: number } = {}): JournalEntry[] {
    let out = this.entries.slice(-this.capacity);
    if (options.since !== undefined) out = out.filter((e) => e.seq > (options.since ?? 0));
    if (options.limit !== undefined) out = out.slice(-options.limit);
    return out;
  }

  /** The newest entry's `seq` (0 before the first request); it keeps counting across clear(). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  clear(): void {
    this.entries = [];
  }
}
