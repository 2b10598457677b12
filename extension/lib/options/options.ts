/**
 * @module options/options
 * User settings (storage.local: nothing secret here). Read through `parseOptions`, so a damaged
 * or older value falls back to defaults field by field instead of breaking the popup.
 */
import {
  EMULATOR_DEFAULT_ENDPOINT,
  GLOBAL_IAM_ENDPOINT,
  TEMP_KEY_MAX_SECONDS,
  TEMP_KEY_MIN_SECONDS,
} from '@iam-testbed/shared';
import { browser } from 'wxt/browser';
import { checkEndpoint } from '../keys/endpoints';
import { isObj } from '../messages/shape';

export type UiLocale = 'en-us' | 'zh-cn';

export interface Options {
  /** extra IAM endpoints offered in the mint form (e.g. the local emulator) */
  endpoints: string[];
  /** validity of a minted key, minutes (15 … 1440) */
  defaultDurationMinutes: number;
  /** clear a copied secret after this many seconds; 0 turns it off */
  clipboardClearSeconds: number;
  locale: UiLocale;
}

export const MIN_DURATION_MINUTES = TEMP_KEY_MIN_SECONDS / 60;
export const MAX_DURATION_MINUTES = TEMP_KEY_MAX_SECONDS / 60;
/** Chrome does not fire alarms sooner than 30 s after scheduling. */
export const MIN_CLEAR_SECONDS = 30;
export const MAX_CLEAR_SECONDS = 3600;

export const DEFAULT_OPTIONS: Options = {
  endpoints: [EMULATOR_DEFAULT_ENDPOINT],
  defaultDurationMinutes: 60,
  clipboardClearSeconds: 60,
  locale: 'en-us',
};

const STORAGE_KEY = 'options';

function intIn(v: unknown, min: number, max: number, fallback: number, allowZero = false): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) return fallback;
  if (allowZero && v === 0) return 0;
  return v >= min && v <= max ? v : fallback;
}

function endpointsOf(v: unknown): string[] {
  if (!Array.isArray(v)) return DEFAULT_OPTIONS.endpoints;
  const out: string[] = [];
  for (const e of v.slice(0, 20)) {
    try {
      const ok = typeof e === 'string' ? checkEndpoint(e) : undefined;
      if (ok && ok !== GLOBAL_IAM_ENDPOINT && !out.includes(ok)) out.push(ok);
    } catch {
      // dropped: not an endpoint we would send keys to
    }
  }
  return out;
}

export function parseOptions(v: unknown): Options {
  const o = isObj(v) ? v : {};
  return {
    endpoints: endpointsOf(o.endpoints),
    defaultDurationMinutes: intIn(
      o.defaultDurationMinutes,
      MIN_DURATION_MINUTES,
      MAX_DURATION_MINUTES,
      DEFAULT_OPTIONS.defaultDurationMinutes,
    ),
    clipboardClearSeconds: intIn(
      o.clipboardClearSeconds,
      MIN_CLEAR_SECONDS,
      MAX_CLEAR_SECONDS,
      DEFAULT_OPTIONS.clipboardClearSeconds,
      true,
    ),
    locale: o.locale === 'zh-cn' || o.locale === 'en-us' ? o.locale : DEFAULT_OPTIONS.locale,
  };
}

export async function loadOptions(): Promise<Options> {
  return parseOptions((await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]);
}

export async function saveOptions(options: Options): Promise<Options> {
  const clean = parseOptions(options);
  await browser.storage.local.set({ [STORAGE_KEY]: clean });
  return clean;
}
