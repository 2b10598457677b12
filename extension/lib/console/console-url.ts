/**
 * @module console/console-url
 * Where a tab is, in console terms: which console, which region and locale (query parameters
 * `region=` and `locale=`, docs/reference/console-and-extension.md §2.1), and which hash route.
 */
import type { Locale } from '@iam-testbed/shared';
import { isConsoleOrigin } from './console-hosts';

/** Hash routes of My Credentials, old and new (§2.1: `#/mine/…` and the older `#/myCredential`). */
export const API_CREDENTIALS_ROUTE = '#/mine/apiCredential';
const CREDENTIAL_ROUTES = [/^#\/mine(?:\/|$|\?)/, /^#\/myCredential(?:\/|$|\?)/];
const TEMPORARY_KEY_ROUTE = /^#\/mine\/temporaryAccessKey/;
/** My Credentials tabs known not to show identity (access keys, temporary keys). */
const NON_IDENTITY_ROUTES = [/^#\/mine\/accessKey/, TEMPORARY_KEY_ROUTE];

export interface ConsolePage {
  origin: string;
  /** true for the emulator's console on loopback */
  emulator: boolean;
  region?: string;
  locale?: Locale;
  /** the hash route without its own query, e.g. `#/mine/apiCredential` */
  route: string;
  /** under `/iam/` on a My Credentials hash route */
  onCredentials: boolean;
  /** on a My Credentials tab expected to show identity (API Credentials, or the new console's) */
  identityRoute: boolean;
  onTemporaryKeyPage: boolean;
}

export function isCredentialsRoute(hash: string): boolean {
  return CREDENTIAL_ROUTES.some((re) => re.test(hash));
}

function param(url: URL, name: string): string | undefined {
  const inHash = url.hash.includes('?')
    ? new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1)).get(name)
    : null;
  return url.searchParams.get(name) ?? inHash ?? undefined;
}

function asLocale(value: string | undefined): Locale | undefined {
  const v = value?.toLowerCase();
  return v === 'en-us' || v === 'zh-cn' ? v : undefined;
}

/** @returns undefined for a page that is not one of the consoles the extension knows */
export function parseConsoleUrl(href: string | undefined): ConsolePage | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!isConsoleOrigin(url)) return undefined;
  const route = url.hash.split('?')[0] ?? '';
  const underIam = url.pathname === '/iam' || url.pathname.startsWith('/iam/');
  const region = param(url, 'region');
  const locale = asLocale(param(url, 'locale'));
  const onCredentials = underIam && isCredentialsRoute(route);
  return {
    origin: url.origin,
    emulator: url.protocol === 'http:',
    ...(region ? { region } : {}),
    ...(locale ? { locale } : {}),
    route,
    onCredentials,
    identityRoute: onCredentials && !NON_IDENTITY_ROUTES.some((re) => re.test(route)),
    onTemporaryKeyPage: underIam && TEMPORARY_KEY_ROUTE.test(route),
  };
}

/** The API Credentials page of the same console, keeping region and locale. */
export function myCredentialsUrl(
  origin: string,
  keep: { region?: string; locale?: Locale } = {},
): string {
  const query = new URLSearchParams();
  if (keep.region) query.set('region', keep.region);
  if (keep.locale) query.set('locale', keep.locale);
  const q = query.toString();
  return `${origin}/iam/${q ? `?${q}` : ''}${API_CREDENTIALS_ROUTE}`;
}
