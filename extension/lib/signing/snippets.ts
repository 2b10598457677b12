/**
 * @module signing/snippets
 * A signed request as a shell `curl` command or a JavaScript `fetch` call. Both carry the
 * signature and the security token, so copying them counts as copying a secret.
 */
import type { SignedRequest } from '@iam-testbed/shared';
import { fetchHeaders } from './user-request';

/** POSIX shell single-quoting: safe for any byte except NUL. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A value as a shell word: bare when it is made of safe characters, quoted otherwise. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_.@:/+=,-]+$/.test(value) ? value : shellQuote(value);
}

const NOTE = 'Signed with X-Sdk-Date; servers reject it after about 15 minutes.';

export function curlSnippet(signed: SignedRequest, body: string): string {
  const lines = [`# ${NOTE}`, `curl -X ${signed.method} ${shellQuote(signed.url)}`];
  for (const [name, value] of Object.entries(fetchHeaders(signed)))
    lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  if (body !== '') lines.push(`  --data-raw ${shellQuote(body)}`);
  return lines.join(' \\\n').replace(` \\\ncurl`, '\ncurl');
}

export function fetchSnippet(signed: SignedRequest, body: string): string {
  const init: Record<string, unknown> = { method: signed.method, headers: fetchHeaders(signed) };
  if (body !== '') init.body = body;
  return `// ${NOTE}\nconst response = await fetch(${JSON.stringify(signed.url)}, ${JSON.stringify(init, null, 2)});\nconsole.log(response.status, await response.text());`;
}
