/**
 * @module testbed/glob
 * The path globs of fault rules (`"match": {"path": …}`, docs/control-plane.md "Faults"): `*`
 * matches any characters within one segment (not `/`), `**` any characters across segments
 * (`/` included), everything else itself, case-sensitively; one trailing `/` of the path is
 * ignored, as the router does.
 *
 * Why not a RegExp: `.*` per `**` makes a backtracking engine try every way to split the path,
 * so a pattern with eight `**` against a long path that does not match took seconds per request
 * and blocked the whole server. This matcher runs the pattern as a set of positions over the path
 * once (a Thompson-style simulation, no backtracking): at most 2 × (tokens + 1) steps per
 * character, so the work is O(pattern × path) whatever the pattern. `matchGlob` reports its steps so tests
 * can check that bound without timing anything.
 */

type Token = { kind: 'char'; ch: string } | { kind: 'star' } | { kind: 'globstar' };

export interface CompiledGlob {
  readonly source: string;
  readonly tokens: readonly Token[];
}

export interface GlobResult {
  matched: boolean;
  /** Pattern positions examined or entered: at most 2 × (tokens + 1) × (path length + 1), twice for a path ending in `//`. */
  steps: number;
}

/** Splits the pattern into tokens; runs of stars that contain `**` are one `**`. */
export function compileGlob(pattern: string): CompiledGlob {
  const trimmed = pattern.length > 1 && pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
  const tokens: Token[] = [];
  for (let i = 0; i < trimmed.length;) {
    if (trimmed[i] !== '*') {
      tokens.push({ kind: 'char', ch: trimmed[i] ?? '' });
      i += 1;
      continue;
    }
    let run = 0;
    while (trimmed[i + run] === '*') run += 1;
    tokens.push(run >= 2 ? { kind: 'globstar' } : { kind: 'star' });
    i += run;
  }
  return { source: pattern, tokens };
}

/** Adds position `i` and every position reachable from it without reading (stars may match nothing). */
function enter(tokens: readonly Token[], set: Uint8Array, start: number): number {
  let steps = 0;
  for (let i = start; i <= tokens.length && !set[i]; i++) {
    set[i] = 1;
    steps += 1;
    if (tokens[i]?.kind === 'char' || i === tokens.length) break;
  }
  return steps;
}

function run(glob: CompiledGlob, text: string): GlobResult {
  const { tokens } = glob;
  const n = tokens.length;
  let current = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  let steps = enter(tokens, current, 0);
  // UTF-16 code units on both sides (the pattern was split the same way); only '/' is special.
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    next.fill(0);
    for (let i = 0; i < n; i++) {
      if (!current[i]) continue;
      steps += 1;
      const t = tokens[i];
      if (t?.kind === 'char') {
        if (t.ch === ch) steps += enter(tokens, next, i + 1);
      } else if (t?.kind === 'globstar' || ch !== '/') {
        // A star consumes the character and stays (it may also stop there: enter() adds i + 1).
        steps += enter(tokens, next, i);
      }
    }
    [current, next] = [next, current];
    if (!current.includes(1)) return { matched: false, steps };
  }
  return { matched: current[n] === 1, steps };
}

/**
 * Whether `path` matches, with the semantics of the former `^<glob>/?$` test on the path without
 * one trailing slash: so `/a` matches `/a`, `/a/` and `/a//`.
 */
export function matchGlob(glob: CompiledGlob, path: string): GlobResult {
  const text = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const whole = run(glob, text);
  if (whole.matched || !text.endsWith('/')) return whole;
  const shorter = run(glob, text.slice(0, -1));
  return { matched: shorter.matched, steps: whole.steps + shorter.steps };
}
