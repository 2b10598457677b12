/**
 * @module clipboard/offscreen-protocol
 * Messages between the Chrome service worker and its offscreen clipboard document.
 */

export type OffscreenRequest =
  | { target: 'offscreen'; type: 'clipboard/read' }
  | { target: 'offscreen'; type: 'clipboard/write'; text: string };

export type OffscreenResponse = { ok: true; text?: string } | { ok: false };

export function isOffscreenRequest(v: unknown): v is OffscreenRequest {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.target === 'offscreen' &&
    (o.type === 'clipboard/read' || (o.type === 'clipboard/write' && typeof o.text === 'string'))
  );
}

/**
 * Chrome cannot `execCommand('copy')` an empty selection, so "clear" writes a NUL character, as
 * Bitwarden's MV3 client does (browser-platform-utils.service.ts).
 */
export const CHROME_CLEARED_VALUE = '\u0000';
