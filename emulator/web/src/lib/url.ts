/**
 * @module URLs of the console pages. The real console keeps `region` and `locale` in the query and
 * the page route in the hash (`/iam/?region=cn-north-4&locale=zh-cn#/mine/accessKey`,
 * docs/reference/console-and-extension.md §2.1); every link we build keeps both.
 */
import { REGION_ID_SHAPE } from '@iam-testbed/shared';
import { CONSOLE_LOCALES, type ConsoleLocale } from '../api/contract';

export const ROUTES = {
  apiCredential: '/mine/apiCredential',
  accessKey: '/mine/accessKey',
  temporaryAccessKey: '/mine/temporaryAccessKey',
  /** ⚠ UNCONFIRMED: the real IAM console's route for Security Settings. */
  securitySettings: '/iam/securitySettings',
} as const;

export type RoutePath = (typeof ROUTES)[keyof typeof ROUTES];

export const DEFAULT_ROUTE: RoutePath = ROUTES.apiCredential;
export const LOGIN_PATH = '/authui/login';
export const CONSOLE_PATH = '/iam/';

export interface ConsoleQuery {
  region?: string;
  locale?: ConsoleLocale;
}

export function isLocale(value: string | null | undefined): value is ConsoleLocale {
  return (CONSOLE_LOCALES as readonly string[]).includes(value ?? '');
}

/** `region` and `locale` from a query string; malformed values are dropped. */
export function readQuery(search: string): ConsoleQuery {
  const params = new URLSearchParams(search);
  const region = params.get('region');
  const locale = params.get('locale');
  return {
    ...(region && REGION_ID_SHAPE.test(region) ? { region } : {}),
    ...(isLocale(locale) ? { locale } : {}),
  };
}

function queryString(query: ConsoleQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (query.region) params.set('region', query.region);
  if (query.locale) params.set('locale', query.locale);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * `/iam/?region=…&locale=…#/mine/…`. `route` is usually one of {@link ROUTES}, but any hash path
 * is accepted (older links, unknown routes); `string & {}` keeps editor completion for the known ones.
 */
export function consoleHref(route: RoutePath | (string & {}), query: ConsoleQuery): string {
  return `${CONSOLE_PATH}${queryString(query)}#${route}`;
}

/** The hash part of a route link, for in-page navigation. */
export function routeHash(route: RoutePath): string {
  return `#${route}`;
}

/** `/authui/login?…&service=<where to go after sign-in>`. */
export function loginHref(
  query: ConsoleQuery,
  service?: string,
  reason?: 'expired' | 'signed_out',
): string {
  return `${LOGIN_PATH}${queryString(query, {
    ...(service ? { service } : {}),
    ...(reason ? { reason } : {}),
  })}`;
}

/**
 * Where to go after sign-in. Only same-origin console paths are accepted (no open redirect);
 * anything else falls back to API Credentials.
 */
export function safeService(raw: string | null, query: ConsoleQuery): string {
  if (raw && raw.startsWith(CONSOLE_PATH) && !raw.startsWith('//')) return raw;
  return consoleHref(DEFAULT_ROUTE, query);
}

/** The same URL with one query parameter replaced (hash kept). */
export function withQueryParam(href: string, key: 'region' | 'locale', value: string): string {
  const url = new URL(href);
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${url.hash}`;
}
