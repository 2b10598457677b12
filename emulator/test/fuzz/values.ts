/**
 * @module Building blocks of malformed input, shared by the three surfaces: values of the wrong
 * type, strings that break a format, unknown field names, bodies that are not JSON (or not an
 * object), odd content types and malformed query strings. Every generator here yields input that
 * is invalid by construction, so a 2xx answer to it is a finding, never a false alarm.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonPath = readonly string[];

const smallJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const array = fc.array(smallJson, { maxLength: 3 });
const object = fc.dictionary(fc.string({ maxLength: 6 }), smallJson, { maxKeys: 3 });
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** Values of every JSON type but the one a field wants. */
export const notString: fc.Arbitrary<Json> = fc.oneof(
  number,
  fc.boolean(),
  fc.constant(null),
  array,
  object,
);
export const notBoolean: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom('true', 'false', '1', ''),
  number,
  fc.constant(null),
  array,
  object,
);
export const notNumber: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom('900', '1', ''),
  fc.boolean(),
  fc.constant(null),
  array,
  object,
);
export const notObject: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 10 }),
  number,
  fc.boolean(),
  fc.constant(null),
  array,
);
export const notArray: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 10 }),
  number,
  fc.boolean(),
  fc.constant(null),
  object,
);

/** Strings that exercise odd code points: controls, lone surrogates, emoji, RTL, NUL. */
export const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '😀'.repeat(5),
    '\u202e' + 'abc',
    ' ',
    '\t\n',
    '../../etc/passwd',
    '<script>',
    '%00',
    "'; DROP TABLE users; --",
  ),
);

/** Between `min` and `min + 2000` characters (a huge string where a format caps the length). */
export const longString = (min: number) =>
  fc
    .tuple(fc.integer({ min, max: min + 2000 }), fc.constantFrom('x', 'é', '9', 'A'))
    .map(([n, ch]) => ch.repeat(n));

/** A string that is not one of `values` (an enum field given something else). */
export const notIn = (values: readonly string[]) =>
  fc
    .oneof(
      oddString,
      fc.string({ maxLength: 12 }),
      fc.constantFrom(...values.map((v) => v.toUpperCase()), ...values.map((v) => ` ${v}`)),
    )
    .filter((s) => !values.includes(s));

/** A string that does not match `re` (an ID or name field given something else). */
export const notMatching = (re: RegExp, extra: readonly string[] = []) =>
  fc
    .oneof(oddString, fc.string({ maxLength: 40 }), longString(65), fc.constantFrom('', ...extra))
    .filter((s) => !re.test(s));

/** Field names a body does not define: random, look-alikes, prototype names. */
export const unknownKey = (known: readonly string[]) =>
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 16 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'x', ''),
      fc.constantFrom(...known).map((k) => k.toUpperCase()),
      fc.constantFrom(...known).map((k) => `${k} `),
    )
    .filter((k) => !known.includes(k));

/** Text that JSON.parse refuses. */
export const malformedJson = fc
  .oneof(
    fc.constantFrom(
      '{',
      '{"a":',
      '{"a":1,}',
      "{'a':1}",
      '[1,2',
      'nul',
      'undefined',
      '{"a":1}}',
      '{"a" 1}',
      '\u0000{}',
      '{"a":NaN}',
      '{"a":01}',
    ),
    fc.string({ minLength: 1, maxLength: 60 }),
    fc.json({ maxDepth: 2 }).map((j) => (j.length > 1 ? j.slice(0, -1) : `${j},`)),
  )
  .filter((text) => {
    if (text.trim() === '') return false; // an empty body counts as {}
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });

/** JSON that parses but is not an object. */
export const nonObjectJson = fc
  .oneof(array, number, fc.string({ maxLength: 10 }), fc.boolean(), fc.constant(null))
  .map((v) => JSON.stringify(v));

/** Content types that are not JSON (a JSON body under one of them is refused). */
export const nonJsonContentType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'text/html; charset=utf-8',
  'application/octet-stream',
  'application/jsonp',
  'json',
);

/** A deep copy of `value` with `path` set to `v` (parents created as objects). */
export function setAt(value: Json, path: JsonPath, v: Json): Json {
  if (path.length === 0) return v;
  const [head = '', ...rest] = path;
  const base = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const copy: { [key: string]: Json } = { ...base };
  // defineProperty: a key such as "__proto__" must become an own field, not the prototype.
  Object.defineProperty(copy, head, {
    value: setAt(base[head] ?? {}, rest, v),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A deep copy of `value` without `path`. */
export function removeAt(value: Json, path: JsonPath): Json {
  if (path.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value))
    return value;
  const [head = '', ...rest] = path;
  const copy: { [key: string]: Json } = { ...value };
  if (rest.length === 0) delete copy[head];
  else copy[head] = removeAt(value[head] ?? {}, rest);
  return copy;
}

/** The value at `path`, if any. */
export function getAt(value: Json, path: JsonPath): Json | undefined {
  let v: Json | undefined = value;
  for (const key of path)
    v = typeof v === 'object' && v !== null && !Array.isArray(v) ? v[key] : undefined;
  return v;
}

/** What makes a body wrong, described per route (see bodyMutations). */
export interface BodySpec {
  /** A valid body: each mutation breaks exactly one thing in it. */
  template: Json;
  /** Paths of the strict objects in it (where an unknown field is refused); [] is the root. */
  objects: readonly JsonPath[];
  /** Paths that must be present. */
  required: readonly JsonPath[];
  /** Per path, values that are wrong for it. */
  invalid: ReadonlyArray<readonly [JsonPath, fc.Arbitrary<Json>]>;
}

export interface BodyMutation {
  category: 'malformed-json' | 'not-an-object' | 'unknown-field' | 'missing-field' | 'wrong-value';
  body: string;
  /** What was broken, for the failure report. */
  note: string;
}

/** Every way to break the spec's template, as serialised bodies. */
export function bodyMutations(spec: BodySpec): fc.Arbitrary<BodyMutation> {
  const options: Array<fc.Arbitrary<BodyMutation>> = [
    malformedJson.map((body) => ({ category: 'malformed-json' as const, body, note: 'not JSON' })),
    nonObjectJson.map((body) => ({
      category: 'not-an-object' as const,
      body,
      note: 'JSON, not an object',
    })),
  ];
  if (spec.objects.length > 0) {
    options.push(
      fc.constantFrom(...spec.objects).chain((path) => {
        const here = getAt(spec.template, path);
        const known =
          typeof here === 'object' && here !== null && !Array.isArray(here)
            ? Object.keys(here)
            : [];
        return fc
          .tuple(unknownKey(known.length > 0 ? known : ['-']), smallJson)
          .map(([key, v]) => ({
            category: 'unknown-field' as const,
            body: JSON.stringify(setAt(spec.template, [...path, key], v)),
            note: `unknown field ${JSON.stringify([...path, key].join('.'))}`,
          }));
      }),
    );
  }
  if (spec.required.length > 0) {
    options.push(
      fc.constantFrom(...spec.required).map((path) => ({
        category: 'missing-field' as const,
        body: JSON.stringify(removeAt(spec.template, path)),
        note: `without ${path.join('.')}`,
      })),
    );
  }
  if (spec.invalid.length > 0) {
    options.push(
      fc.constantFrom(...spec.invalid).chain(([path, values]) =>
        values.map((v) => ({
          category: 'wrong-value' as const,
          body: JSON.stringify(setAt(spec.template, path, v)),
          note: `${path.join('.')} = ${JSON.stringify(v)?.slice(0, 60)}`,
        })),
      ),
    );
  }
  return fc.oneof(...options);
}

/**
 * Malformed query strings, given the parameters a route defines, which are numbers, and which are
 * flags (Keystone's `?nocatalog`: present without a value is their valid form). An empty value
 * counts as malformed for every other parameter (`?domain_id=` must not mean "no filter").
 */
export function badQuery(
  known: readonly string[],
  numeric: readonly string[] = [],
  flags: readonly string[] = [],
): fc.Arbitrary<{ query: string; note: string }> {
  const param = known.length > 0 ? fc.constantFrom(...known) : fc.constant('x');
  const valued = known.filter((k) => !flags.includes(k));
  const value = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
  const options: Array<fc.Arbitrary<{ query: string; note: string }>> = [
    fc
      .tuple(
        fc.oneof(
          fc.stringMatching(/^[a-z_]{1,12}$/),
          fc.constantFrom(
            'domain_id',
            'user_id',
            'limit',
            'marker',
            'x',
            'callback',
            'page',
            'User_Id',
          ),
        ),
        value,
      )
      .filter(([k]) => !known.includes(k))
      .map(([k, v]) => ({ query: `${k}=${v}`, note: 'unknown parameter' })),
    fc
      .constantFrom('=x', '=', '%zz=1', '=1&=2')
      .map((query) => ({ query, note: 'no parameter name' })),
  ];
  if (known.length > 0) {
    options.push(
      fc
        .tuple(param, value, value)
        .map(([k, a, b]) => ({ query: `${k}=${a}&${k}=${b}`, note: 'repeated parameter' })),
      ...(valued.length > 0
        ? [
            fc.constantFrom(...valued).map((k) => ({ query: `${k}=`, note: 'empty value' })),
            fc.constantFrom(...valued).map((k) => ({ query: k, note: 'no value' })),
          ]
        : []),
      fc
        .tuple(param, fc.constantFrom('[]', '[0]', '%5B%5D', '.x'), value)
        .map(([k, suffix, v]) => ({ query: `${k}${suffix}=${v}`, note: 'array/object syntax' })),
      fc
        .tuple(param, fc.constantFrom('%zz', '%', '%E0%A4%A', '%u0041', '%C3%28'))
        .map(([k, v]) => ({ query: `${k}=${v}`, note: 'malformed percent-encoding' })),
    );
  }
  if (numeric.length > 0) {
    options.push(
      fc
        .tuple(
          fc.constantFrom(...numeric),
          fc.constantFrom(
            '-1',
            '0',
            'abc',
            '1.5',
            '1e3',
            '99999999999999999999',
            '+1',
            ' 1',
            '0x10',
            'NaN',
            'Infinity',
          ),
        )
        .map(([k, v]) => ({
          query: `${k}=${encodeURIComponent(v)}`,
          note: `bad number ${k}=${v}`,
        })),
    );
  }
  return fc.oneof(...options);
}

/**
 * A path segment that is not a well-formed ID: percent-encoded as a client would send it, or a
 * broken escape sent raw (`%zz`, a cut UTF-8 sequence, an encoded NUL or slash).
 */
export const badPathId = (wellFormed: RegExp) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .oneof(
          oddString,
          fc.string({ minLength: 1, maxLength: 40 }),
          longString(100),
          fc.constantFrom('null', 'undefined', '0', '-1', '__proto__', 'constructor'),
        )
        .filter((s) => s !== '' && s !== '.' && s !== '..' && !wellFormed.test(s))
        .map((s) => encodeURIComponent(wellFormedUnicode(s))),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%zz',
        '%',
        'AB%2',
        '%E0%A4%A',
        '%C0%AF',
        '%00',
        '%2F',
        'a%2Fb',
        '%2e%2e',
        '%FF%FE',
      ),
    },
  );

/** Lone surrogates become U+FFFD (encodeURIComponent throws on them; UTF-8 cannot carry them). */
export const wellFormedUnicode = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
