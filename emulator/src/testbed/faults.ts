/**
 * @module testbed/faults
 * Fault injection (`/_emulator/faults`), in the shape of LocalStack's Chaos API
 * (docs/reference/emulator-anchors.md §7.7): ordered rules, the first rule that matches a request decides. A
 * rule can answer an error (status, error_code, error_msg), add latency, drop the connection
 * without an answer, fire with a probability, and stop after `times` firings. Faults apply to
 * the Huawei paths (not the console API, not `/_emulator` itself: a test must always be able
 * to remove them). A faulted request changes nothing and is journaled with the rule's ID.
 */
import type { RandomSource } from '../domain/random.js';
import { compileGlob, matchGlob, type CompiledGlob } from './glob.js';

export interface FaultMatch {
  /** Exact HTTP method, any case. */
  method?: string;
  /** Raw path; `*` matches within one segment, `**` across segments (testbed/glob.ts: linear time). */
  path?: string;
  /** Operation name (journal `operation`, docs/architecture.md), e.g. `createTemporaryAccessKey`. */
  operation?: string;
}

export type FaultAction = 'respond' | 'drop';

export interface FaultRuleInput {
  match?: FaultMatch;
  /** 400-599: answer this status instead of running the request. */
  status?: number;
  error_code?: string;
  error_msg?: string;
  /** 0-1, default 1. Rolled per matching request; a miss lets the request through. */
  probability?: number;
  /** Delay before the fault (or, without status/drop, before the request runs normally). */
  latency_ms?: number;
  /** Fire at most this many times (default: until removed). */
  times?: number;
  /** `drop`: close the connection without any response. @default 'respond' */
  action?: FaultAction;
}

export interface FaultRule {
  id: string;
  match: FaultMatch;
  status: number | null;
  error_code: string | null;
  error_msg: string | null;
  probability: number;
  latency_ms: number;
  times: number | null;
  action: FaultAction;
  /** How often it has fired. */
  fired: number;
  /** Firings left, `times - fired` (null: unlimited); a rule at 0 no longer matches. */
  remaining: number | null;
}

/** A rule as kept: `remaining` is derived, in the view. */
type StoredRule = Omit<FaultRule, 'remaining'>;

const view = (rule: StoredRule): FaultRule => ({
  ...rule,
  match: { ...rule.match },
  remaining: rule.times === null ? null : rule.times - rule.fired,
});

const exhausted = (rule: StoredRule) => rule.times !== null && rule.fired >= rule.times;

export interface FaultTarget {
  method: string;
  path: string;
  operation: string | null;
}

export class FaultBook {
  private rules: Array<{ rule: StoredRule; path: CompiledGlob | null }> = [];
  private nextId = 1;

  /** `chance` supplies the probability rolls (deterministic with --seed-random). */
  constructor(private readonly chance: RandomSource) {}

  /** Appends rules (in order) and returns them with their IDs. */
  add(inputs: readonly FaultRuleInput[]): FaultRule[] {
    return inputs.map((input) => {
      const rule: StoredRule = {
        id: `f${this.nextId++}`,
        match: { ...input.match },
        status: input.status ?? null,
        error_code: input.error_code ?? null,
        error_msg: input.error_msg ?? null,
        probability: input.probability ?? 1,
        latency_ms: input.latency_ms ?? 0,
        times: input.times ?? null,
        action: input.action ?? 'respond',
        fired: 0,
      };
      this.rules.push({
        rule,
        path: input.match?.path === undefined ? null : compileGlob(input.match.path),
      });
      return view(rule);
    });
  }

  /** How many rules are active. */
  get size(): number {
    return this.rules.length;
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule }) => view(rule));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /**
   * The rule that fires for this request, if any: the first live rule that matches decides; if
   * its probability roll misses, the request goes through untouched.
   */
  pick(target: FaultTarget): FaultRule | null {
    const hit = this.rules.find((r) => !exhausted(r.rule) && matches(r.rule.match, r.path, target));
    if (!hit) return null;
    const { rule } = hit;
    if (rule.probability < 1 && this.roll() >= rule.probability) return null;
    rule.fired += 1;
    return view(rule);
  }

  /** Uniform in [0, 1). */
  private roll(): number {
    return Buffer.from(this.chance(4)).readUInt32BE(0) / 2 ** 32;
  }
}

function matches(match: FaultMatch, path: CompiledGlob | null, target: FaultTarget): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== target.method.toUpperCase())
    return false;
  if (match.operation !== undefined && match.operation !== target.operation) return false;
  if (path && !matchGlob(path, target.path).matched) return false;
  return true;
}
