/** @module The validity-period input of a temporary key: 15 minutes to 24 hours (docs/reference/huawei-iam-api.md §2). */
import { TEMP_KEY_MAX_SECONDS, TEMP_KEY_MIN_SECONDS } from '../../api/contract';

export type DurationUnit = 'minutes' | 'hours';

/** Seconds for a typed amount, or null when it is not a whole number in range. */
export function durationSeconds(amount: string, unit: DurationUnit): number | null {
  if (!/^\d+$/.test(amount.trim())) return null;
  const seconds = Number(amount.trim()) * (unit === 'hours' ? 3600 : 60);
  return seconds >= TEMP_KEY_MIN_SECONDS && seconds <= TEMP_KEY_MAX_SECONDS ? seconds : null;
}
