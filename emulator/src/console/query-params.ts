/**
 * @module console/query-params
 * The console API's query rule: the parameters a route declares (`query`, with `param.string` of
 * http/query-params.ts), checked before anything else of a console call
 * (console/session-admission.ts), in the console's wording. Strict on purpose: an unknown,
 * repeated, empty or malformed parameter is a 400 CONSOLE.BAD_REQUEST naming it, never silently
 * ignored or defaulted — a tester who mistypes `?user_id=` must hear about it, not get the
 * caller's own keys back. The console's own page sends no query parameters; today no route
 * declares any.
 */
import type { StringQuerySpec } from '../http/query-params.js';
import { ConsoleError } from './console-error.js';

const bad = (message: string) => new ConsoleError('badRequest', message);

/** A name or value as the error quotes it: short, one line. */
const shown = (text: string) =>
  (text.length > 64 ? `${text.slice(0, 64)}…` : text).replace(/[\u0000-\u001f\u007f]/g, '?');

/** `what` names the part in the error: the raw name, or the parameter whose value it is. */
function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw bad(
      `${what} is not valid percent-encoding; encode query names and values with encodeURIComponent.`,
    );
  }
}

/**
 * Parses the raw query string (without `?`) against the route's spec: the accepted parameters
 * by name, each given once with a non-empty value matching its pattern.
 */
export function parseQuery(
  raw: string,
  spec: StringQuerySpec,
  path: string,
): Readonly<Record<string, string>> {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const counts = new Map<string, number>();
  if (raw === '') return values;
  const parts = raw.split('&');
  if (parts.includes(''))
    throw bad(`The query string of ${path} has an empty parameter (a stray "&"); remove it.`);
  for (const part of parts) {
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const name = decode(rawName, `The query parameter name ${shown(rawName)}`);
    if (!Object.hasOwn(spec, name)) {
      const accepted = Object.keys(spec);
      const offer = accepted.length === 0 ? 'no query parameters' : `only ${accepted.join(', ')}`;
      throw bad(`Unknown query parameter '${shown(name)}': ${path} accepts ${offer}.`);
    }
    const value =
      eq < 0 ? '' : decode(part.slice(eq + 1), `The value of query parameter '${shown(name)}'`);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    values[name] = value;
  }
  for (const [name, count] of counts) {
    if (count > 1)
      throw bad(`Query parameter '${shown(name)}' is given ${count} times; give it once.`);
    const value = values[name] ?? '';
    if (value === '')
      throw bad(
        `Query parameter '${shown(name)}' is empty; give a value or leave the parameter out.`,
      );
    const param = spec[name];
    if (param?.pattern && !param.pattern.test(value))
      throw bad(
        `Query parameter '${shown(name)}' must be ${param.expected ?? 'as documented'}; got '${shown(value)}'.`,
      );
  }
  return values;
}
