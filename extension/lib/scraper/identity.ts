/**
 * @module scraper/identity
 * Account and IAM user, found by label and checked by shape: IDs must be 32 lower-case hex
 * (docs/reference/huawei-iam-api.md; user IDs assumed the same shape, docs/reference/console-and-extension.md §2.7).
 */
import { type Accept, findLabelledValue, isLabelText } from './locate';
import { IDENTITY_LABELS } from './labels';
import { isPlausibleName } from './shapes';
import { IDENTITY_FIELDS, type Identity, type IdentityField, type PageLocale } from './types';

const HEX32_TOKEN = /(?<![0-9a-z])[0-9a-f]{32}(?![0-9a-z])/;

export const acceptId: Accept = (piece) => HEX32_TOKEN.exec(piece)?.[0];

export const acceptName: Accept = (piece) =>
  isPlausibleName(piece) && !isLabelText(piece) ? piece : undefined;

const ACCEPT: Record<IdentityField, Accept> = {
  accountName: acceptName,
  accountId: acceptId,
  userName: acceptName,
  userId: acceptId,
};

export interface IdentityScan {
  identity: Identity;
  missing: IdentityField[];
  /** elements holding identity values, so project search can skip them */
  valueElements: Element[];
  locale?: PageLocale;
}

export function scanIdentity(doc: Document): IdentityScan {
  const identity: Identity = {};
  const missing: IdentityField[] = [];
  const valueElements: Element[] = [];
  let locale: PageLocale | undefined;
  for (const field of IDENTITY_FIELDS) {
    const found = findLabelledValue(doc, IDENTITY_LABELS[field], ACCEPT[field]);
    if (!found) {
      missing.push(field);
      continue;
    }
    identity[field] = found.value;
    valueElements.push(found.element);
    locale ??= found.locale;
  }
  return { identity, missing, valueElements, locale };
}
