/**
 * @module http/control-origin
 * A web page in the user's browser must not be able to drive the control plane (create tenants,
 * later reset or read state): requests whose `Origin` is present and not the emulator's own are
 * refused (emulator-anchors.md §7.1; Firebase's hub does the same).
 */
import { IamError } from '../domain/errors.js';
import type { ApiRequest } from './api.js';

export function checkControlOrigin(req: ApiRequest): void {
  const origin = req.headers.origin;
  if (origin === undefined || origin === req.baseUrl) return;
  throw new IamError('CONTROL_ORIGIN_REFUSED', { origin: origin.slice(0, 200), own: req.baseUrl });
}
