/**
 * @module http/control-access
 * Who may drive the control plane (`/_emulator/*`). A web page in the user's browser must not be
 * able to reset, read or change the emulator (docs/reference/emulator-anchors.md §7.1; Firebase's hub refuses
 * browser origins too). In order:
 * 1. `Origin` present and not the emulator's own → 403 IAMTB.0001 (also `Sec-Fetch-Site` saying
 *    cross-site/same-site, which browsers send even on GETs that carry no Origin).
 * 2. Without a control token, `Host` must be an IP address, `localhost`, or a host the emulator
 *    was told about (`--host`, the msw base URL) → else 403 IAMTB.0007. This stops DNS
 *    rebinding, where a page's own name resolves to 127.0.0.1 and its Origin matches its Host.
 * 3. With `--control-token`, the `X-Iam-Testbed-Control-Token` header must equal it → else 401
 *    IAMTB.0006 (a page cannot know the token, so any Host is then accepted).
 *    Health and readiness (routes with `openToHealthChecks`) are exempt: a Docker HEALTHCHECK or
 *    a load balancer has no token, and they reveal only status, version and uptime.
 * The Huawei paths are not guarded: the browser extension calls them from
 * `chrome-extension://…` origins, as it would call the real cloud.
 */
import { isIP } from 'node:net';
import { constantTimeEqual } from '@iam-testbed/shared';
import { IamError } from '../domain/errors.js';
import type { Runtime } from '../runtime.js';
import type { ApiRequest } from './api.js';

export const CONTROL_TOKEN_HEADER = 'X-Iam-Testbed-Control-Token';

/** The host name of a Host header value (`[::1]:80` → `::1`, `a.b:80` → `a.b`), lower case. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

function isLocalName(name: string): boolean {
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost');
}

export interface ControlAccessOptions {
  /** Skip the control-token check (health and readiness only). */
  tokenExempt?: boolean;
}

export function checkControlAccess(
  rt: Runtime,
  req: ApiRequest,
  options: ControlAccessOptions = {},
): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== req.baseUrl) {
    throw new IamError('CONTROL_ORIGIN_REFUSED', {
      origin: origin.slice(0, 200),
      own: req.baseUrl,
    });
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new IamError('CONTROL_ORIGIN_REFUSED', {
      origin: `(Sec-Fetch-Site: ${site})`,
      own: req.baseUrl,
    });
  }
  if (rt.controlToken === null) {
    const host = req.headers.host;
    if (
      host !== undefined &&
      !isLocalName(hostName(host)) &&
      !rt.trustedHosts.has(hostName(host))
    ) {
      throw new IamError('CONTROL_HOST_REFUSED', { host: host.slice(0, 200) });
    }
    return;
  }
  if (options.tokenExempt) return;
  const sent = req.headers[CONTROL_TOKEN_HEADER.toLowerCase()];
  if (sent === undefined || !constantTimeEqual(sent, rt.controlToken))
    throw new IamError('CONTROL_TOKEN_REQUIRED');
}
