/**
 * @module console/csrf
 * CSRF protection for state-changing console calls: the session's token in the `X-Console-Csrf`
 * header (a cross-site page can neither read the token nor set the header without a CORS
 * preflight we never answer), a JSON body type, and, when the browser sends one, an Origin equal
 * to this emulator. SameSite=Lax on the cookie is the second line.
 */
import { constantTimeEqual } from '@iam-testbed/shared';
import { CSRF_HEADER } from './contract.js';
import { ConsoleError } from './console-error.js';
import type { ConsoleSession } from './sessions.js';

const refuse = (why: string) =>
  new ConsoleError(
    'csrf',
    `${why} Reload the page; scripts must first GET /console-api/session and send its csrf_token in the ${CSRF_HEADER} header.`,
  );

/** Throws CONSOLE.CSRF unless a state-changing call carries what it must (`headers`: lower-case names). */
export function checkCsrf(
  headers: Readonly<Record<string, string | undefined>>,
  session: ConsoleSession | null,
): void {
  const origin = headers.origin;
  if (
    origin !== undefined &&
    origin !== `http://${headers.host ?? ''}` &&
    origin !== `https://${headers.host ?? ''}`
  ) {
    throw refuse(`Cross-origin request from ${origin} refused.`);
  }
  const type = headers['content-type'];
  if (type !== undefined && !/^application\/json\b/i.test(type))
    throw refuse(`Content-Type ${type} refused: console calls send JSON.`);
  if (!session) throw refuse('No console session.');
  const token = headers[CSRF_HEADER];
  if (typeof token !== 'string' || !constantTimeEqual(token, session.csrf))
    throw refuse('Missing or wrong CSRF token.');
}
