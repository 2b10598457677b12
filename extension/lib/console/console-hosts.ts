/**
 * @module console/console-hosts
 * Where the content script runs: the My Credentials part (`/iam/…`) of the three real console
 * sites, and the emulator's console on loopback (any port: match patterns without a port match
 * every port). The hash route (`#/mine/…`) cannot be matched here — match patterns ignore the
 * fragment — so the content script checks it itself (see routes.ts).
 */
import { CONSOLE_HOSTS } from '@iam-testbed/shared';

export const REAL_CONSOLE_HOSTS: readonly string[] = Object.values(CONSOLE_HOSTS);
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

export const CONTENT_SCRIPT_MATCHES: string[] = [
  ...REAL_CONSOLE_HOSTS.map((host) => `https://${host}/iam/*`),
  ...LOOPBACK_HOSTS.map((host) => `http://${host}/iam/*`),
];

/** True for a console origin the extension knows (real site over https, emulator over http on loopback). */
export function isConsoleOrigin(url: URL): boolean {
  if (url.protocol === 'https:')
    return REAL_CONSOLE_HOSTS.includes(url.hostname) && url.port === '';
  return url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
}
