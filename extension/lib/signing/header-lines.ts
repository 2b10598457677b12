/**
 * @module signing/header-lines
 * The sign panel's header box: one `Name: value` per line, blank lines ignored.
 */

export type HeaderParse =
  { ok: true; headers: Array<[string, string]> } | { ok: false; line: number; message: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function parseHeaderLines(text: string): HeaderParse {
  const headers: Array<[string, string]> = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const colon = raw.indexOf(':');
    const name = colon > 0 ? raw.slice(0, colon).trim() : '';
    if (!TOKEN.test(name))
      return { ok: false, line: i + 1, message: `Line ${i + 1}: write "Name: value".` };
    headers.push([name, raw.slice(colon + 1).trim()]);
  }
  return { ok: true, headers };
}
