/**
 * @module scraper/shapes
 * Value shapes the scraper trusts more than markup. IDs, region IDs and project names are the
 * shared rules (`HEX32_RE`, `REGION_ID_SHAPE`, `parseProjectName` from `@iam-testbed/shared`), so
 * the scraper and the message checks cannot disagree; only the display-name rule is ours.
 */

/** A display name: one line, not absurdly long. */
export function isPlausibleName(text: string): boolean {
  return text.length > 0 && text.length <= 128 && !/[\n\r\t]/.test(text);
}
