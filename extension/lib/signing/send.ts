/**
 * @module signing/send
 * Sends a signed request and reports what came back. The response is data for the user to read;
 * it is capped so that a large download cannot fill the popup or the message channel.
 */
import type { SignedRequest } from '@iam-testbed/shared';
import { ExtensionError } from '../messages/errors';
import { fetchHeaders } from './user-request';

export const MAX_RESPONSE_CHARS = 256 * 1024;

export interface SentResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
  truncated: boolean;
}

export async function sendSigned(
  signed: SignedRequest,
  body: string,
  doFetch: typeof fetch,
): Promise<SentResponse> {
  let response: Response;
  try {
    response = await doFetch(signed.url, {
      method: signed.method,
      headers: fetchHeaders(signed),
      body: body === '' ? undefined : body,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ExtensionError(
      'NETWORK',
      `Could not reach ${new URL(signed.url).origin}. Check the URL and that the extension may access this host.`,
    );
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new ExtensionError(
      'REDIRECT_REFUSED',
      'The server answered with a redirect. A signature covers one host and path, so it was not followed: sign the final URL instead.',
    );
  }
  const text = await response.text();
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body: text.slice(0, MAX_RESPONSE_CHARS),
    truncated: text.length > MAX_RESPONSE_CHARS,
  };
}
