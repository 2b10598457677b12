/**
 * @module control/starting
 * What the server answers between listening and being ready (store opened, imported, seeded):
 * health is already 200, readiness 503, and every other request 503 IAMTB.0010 with
 * `Retry-After`. The server listens first so a health check or an orchestrator sees the process
 * at once and can wait on `GET /_emulator/ready` (docs/reference/emulator-anchors.md §7.8).
 */
import { IamError } from '../domain/errors.js';
import type { ApiResponse } from '../http/api.js';

export interface StartingInfo {
  version: string;
  /** Wall-clock ms the process started. */
  startedAt: number;
  now: number;
}

export function startingResponse(method: string, path: string, info: StartingInfo): ApiResponse {
  const bare = path.split('?')[0]?.replace(/\/$/, '') ?? '';
  const head = method === 'HEAD';
  if (bare === '/_emulator/health' && (method === 'GET' || head)) {
    return {
      status: 200,
      body: head
        ? undefined
        : {
            status: 'ok',
            version: info.version,
            uptime_s: Math.floor((info.now - info.startedAt) / 1000),
          },
    };
  }
  if (bare === '/_emulator/ready' && (method === 'GET' || head)) {
    return {
      status: 503,
      body: head ? undefined : { status: 'starting' },
      headers: { 'Retry-After': '1' },
    };
  }
  const error = new IamError('CONTROL_STARTING');
  return {
    status: 503,
    body: head ? undefined : error.toBody(''),
    headers: { 'Retry-After': '1' },
  };
}
