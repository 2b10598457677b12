/**
 * @module scraper/shapes
 * Value shapes the scraper trusts more than markup. IDs come from the shared catalogue; the
 * region-ID *shape* is ours, because the page may list regions newer than `REGIONS`.
 */
import { HEX32_RE, isRegionId } from '@iam-testbed/shared';

export { HEX32_RE };

/** `cn-north-4`, `ap-southeast-1`, `eu-west-101`, `ae-ad-1`: two letters, words, a number. */
export const REGION_ID_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,3}$/;

/** A project name: a region ID, or `<region ID>_<name>` for a sub-project (iam_05_0001). */
const PROJECT_NAME_SHAPE = /^([a-z]{2}(?:-[a-z]+)+-\d{1,3})(?:_([A-Za-z0-9_.-]{1,64}))?$/;

export interface ProjectNameParts {
  region: string;
  subProject: boolean;
}

export function parseProjectName(text: string): ProjectNameParts | undefined {
  const m = PROJECT_NAME_SHAPE.exec(text);
  if (!m || !m[1]) return undefined;
  return { region: m[1], subProject: m[2] !== undefined };
}

export function looksLikeRegionId(text: string): boolean {
  return isRegionId(text) || REGION_ID_SHAPE.test(text);
}

/** A display name: one line, not absurdly long. */
export function isPlausibleName(text: string): boolean {
  return text.length > 0 && text.length <= 128 && !/[\n\r\t]/.test(text);
}
