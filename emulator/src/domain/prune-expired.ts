/**
 * @module domain/prune-expired
 * Dropping records (tokens, temporary keys) long after they expired. They are kept for a while
 * so that using one is answered "expired" rather than "unknown".
 */

/** Pruning scans every record, so it runs at most once a minute of emulator time per collection. */
const PRUNE_INTERVAL_MS = 60_000;
const lastPrune = new WeakMap<object, number>();

/** Deletes the records whose `expires_at + retentionMs` is before `now`. */
export function pruneExpired(
  records: Record<string, { expires_at: number }>,
  now: number,
  retentionMs: number,
): void {
  const last = lastPrune.get(records);
  if (last !== undefined && Math.abs(now - last) < PRUNE_INTERVAL_MS) return;
  lastPrune.set(records, now);
  for (const [id, record] of Object.entries(records)) {
    if (record.expires_at + retentionMs < now) delete records[id];
  }
}
