/**
 * @module signing/rfc3986
 * Percent-encoding as SDK-HMAC-SHA256 needs it: RFC 3986 "unreserved" characters
 * (`A-Z a-z 0-9 - . _ ~`) stay, every other UTF-8 byte becomes `%XY` with upper-case hex.
 * This is stricter than `encodeURIComponent`, which leaves `! ' ( ) *` raw.
 *
 * Decoding works on bytes, so a percent-escape that is not valid UTF-8 (for example `%FF`)
 * survives a decode/encode round trip unchanged instead of turning into U+FFFD.
 */

const UTF8 = new TextEncoder();
const HEX = '0123456789ABCDEF';

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e // - . _ ~
  );
}

/** RFC 3986-encodes raw bytes. */
export function rfc3986EncodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : '%' + HEX[byte >> 4] + HEX[byte & 15];
  }
  return out;
}

/**
 * RFC 3986-encodes a string's UTF-8 bytes.
 * @example rfc3986Encode("a b+c!*'()~é") // 'a%20b%2Bc%21%2A%27%28%29~%C3%A9'
 */
export function rfc3986Encode(value: string): string {
  return rfc3986EncodeBytes(UTF8.encode(value));
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Percent-decodes to bytes. `+` stays a literal plus (the SDKs send spaces as `%20`), and a `%`
 * not followed by two hex digits is kept as a literal `%` rather than rejected.
 */
export function percentDecodeBytes(value: string): Uint8Array {
  const raw = UTF8.encode(value);
  const out = new Uint8Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (byte === 0x25 && i + 2 < raw.length) {
      const hi = hexValue(raw[i + 1]!);
      const lo = hexValue(raw[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    out[n++] = byte;
  }
  return out.subarray(0, n);
}

const LENIENT_UTF8 = new TextDecoder('utf-8', { fatal: false });

/** Percent-decodes to a string (invalid UTF-8 becomes U+FFFD; use the bytes form to avoid that). */
export function percentDecode(value: string): string {
  return LENIENT_UTF8.decode(percentDecodeBytes(value));
}

/** Decodes then re-encodes: the canonical form of one path segment or query component. */
export function canonicalComponent(value: string): string {
  return rfc3986EncodeBytes(percentDecodeBytes(value));
}
