/**
 * @module domain/time-format
 * Huawei's time formats, each defined once.
 */

/**
 * `YYYY-MM-DDTHH:mm:ss.ssssssZ` (microseconds), as credentials, tokens and temporary keys use,
 * e.g. `2023-06-28T08:56:33.710000Z` (docs/reference/huawei-iam-api.md §1.1). Our clock has millisecond
 * resolution, so the last three digits are always `000`, which is also what the Node SDK expects
 * of `expires_at` (it does `replace('000Z','Z')`, §2.3).
 */
export function formatMicros(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, -1)}000Z`;
}

/** `2020-07-08 02:19:03.0`, the OS-USER `create_time` format (docs/reference/huawei-iam-api.md §5.2). */
export function formatOsUserTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 21)}`;
}

/**
 * IAM v5 timestamps: ISO 8601 with milliseconds (`2024-01-02T03:04:05.678Z`). ⚠ UNCONFIRMED:
 * the v5 pages give no example; documented in docs/deviations.md.
 */
export function formatV5Time(ms: number): string {
  return new Date(ms).toISOString();
}
