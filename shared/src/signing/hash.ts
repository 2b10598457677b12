/**
 * @module signing/hash
 * SHA-256 and HMAC-SHA256 over WebCrypto only (`globalThis.crypto.subtle`), so the same code runs
 * in Node 20, an MV3 service worker and a page. No `node:crypto` here, on purpose.
 */

const UTF8 = new TextEncoder();

/** WebCrypto wants an ArrayBuffer-backed view; copy only when given something else. */
function toBufferSource(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return UTF8.encode(data);
  return data.buffer instanceof ArrayBuffer
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data);
}

// No return annotation: `SubtleCrypto` is a DOM type name, and consumers without the DOM lib
// (the emulator) type `globalThis.crypto` through @types/node instead.
function subtle() {
  const s = globalThis.crypto?.subtle;
  if (!s) {
    throw new Error(
      'WebCrypto is unavailable (globalThis.crypto.subtle is undefined). Use Node >= 20, or a secure (https/localhost) browser context.',
    );
  }
  return s;
}

/** Lower-case hex of bytes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const byte of view) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * Lower-case hex SHA-256 of a string's UTF-8 bytes or of raw bytes.
 * @example await hexSha256('') // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export async function hexSha256(data: string | Uint8Array): Promise<string> {
  return toHex(await subtle().digest('SHA-256', toBufferSource(data)));
}

/**
 * Lower-case hex HMAC-SHA256. The key is the secret key's UTF-8 bytes: SDK-HMAC-SHA256 has no
 * key derivation (unlike AWS SigV4).
 */
export async function hmacSha256Hex(
  key: string | Uint8Array,
  data: string | Uint8Array,
): Promise<string> {
  const cryptoKey = await subtle().importKey(
    'raw',
    toBufferSource(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return toHex(await subtle().sign('HMAC', cryptoKey, toBufferSource(data)));
}
