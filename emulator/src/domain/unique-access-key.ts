/**
 * @module domain/unique-access-key
 * A new access key that is neither a permanent nor a temporary key yet: both kinds share one
 * namespace, because authentication looks an AK up in both.
 */
import type { RandomSource } from './random.js';
import { ownRecord, type TenantDoc } from './state.js';

/** Draws from `generate` (e.g. `newPermanentAccessKey`) until the key is free. */
export function uniqueAccessKey(
  state: TenantDoc,
  generate: (random: RandomSource) => string,
  random: RandomSource,
): string {
  for (;;) {
    const ak = generate(random);
    if (!ownRecord(state.permanent_keys, ak) && !ownRecord(state.temporary_keys, ak)) return ak;
  }
}
