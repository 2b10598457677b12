/**
 * @module keys/endpoints
 * IAM endpoints the extension may call: the global one, a regional one from the shared region
 * catalogue, or a local emulator. Secrets travel only over https, or over http to loopback
 * (the emulator), never to another plain-http host.
 */
import { GLOBAL_IAM_ENDPOINT, REGIONS, iamEndpointFor, type Locale } from '@iam-testbed/shared';
import { ExtensionError } from '../messages/errors';

export interface EndpointChoice {
  url: string;
  label: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Normalises an endpoint (origin plus optional path prefix, no trailing slash) or explains why not. */
export function checkEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ExtensionError(
      'ENDPOINT_NOT_ALLOWED',
      `"${value.slice(0, 100)}" is not a URL. Use e.g. ${GLOBAL_IAM_ENDPOINT} or http://127.0.0.1:<port>.`,
    );
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) {
    throw new ExtensionError(
      'ENDPOINT_NOT_ALLOWED',
      `Refusing ${url.origin}: keys are only sent over https, or over http to 127.0.0.1/localhost (the emulator).`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ExtensionError(
      'ENDPOINT_NOT_ALLOWED',
      'An endpoint is an origin with an optional path: remove credentials, query and fragment.',
    );
  }
  // The SDK signs `//v3…` when the endpoint ends in "/" (docs/reference/sdk-wire.md §7.3); we never do.
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Global first, then every catalogued region, in the user's locale. */
export function iamEndpointChoices(locale: Locale): EndpointChoice[] {
  return [
    {
      url: GLOBAL_IAM_ENDPOINT,
      label: locale === 'zh-cn' ? '全局 (iam.myhuaweicloud.com)' : 'Global (iam.myhuaweicloud.com)',
    },
    ...REGIONS.map((r) => ({ url: iamEndpointFor(r.id), label: `${r.name[locale]} (${r.id})` })),
  ];
}

/** The host-permission pattern covering an endpoint, for permissions.contains/request. */
export function originPattern(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.protocol}//${url.hostname}/*`;
}
