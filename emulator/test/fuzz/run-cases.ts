/**
 * @module Runs a fuzz corpus one request at a time: observe → send → judge the answer → observe
 * again. Every finding is kept (not just the first), with the request and the answer, so one run
 * reports all the inputs that fail and why; after a finding the fixture restores the emulator so
 * the next case starts from the same state. Comparing after every request (a batch of one) pins
 * a state change to the request that made it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { RawResult } from '../support/raw';
import { describeCase, type FuzzCase } from './fuzz-case';
import type { FuzzFixture, Observation } from './fixture';
import { answerProblems } from './verdict';

export interface Finding {
  c: FuzzCase;
  status: number;
  response: string;
  problems: string[];
}

export interface CategoryFigures {
  tried: number;
  fiveXx: number;
  accepted: number;
  stateChanged: number;
  badShape: number;
  /** Signed cases that got past authentication (so their validation was exercised). */
  pastAuth: number;
  signed: number;
}

export interface Report {
  figures: Map<string, CategoryFigures>;
  findings: Finding[];
}

/** Top-level paths of what differs between two observations (for the failure message). */
function differences(before: Observation, after: Observation): string[] {
  const out: string[] = [];
  const b = before.state as Record<string, Record<string, unknown>>;
  const a = after.state as Record<string, Record<string, unknown>>;
  for (const collection of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const [x = {}, y = {}] = [b[collection], a[collection]];
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      if (!isDeepStrictEqual(x, y)) out.push(collection);
      continue;
    }
    for (const id of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (!isDeepStrictEqual(x[id], y[id]))
        out.push(`${collection}.${id}${id in x ? (id in y ? ' changed' : ' removed') : ' added'}`);
    }
  }
  if (!isDeepStrictEqual(before.clock, after.clock))
    out.push(`clock ${JSON.stringify(before.clock)} → ${JSON.stringify(after.clock)}`);
  if (!isDeepStrictEqual(before.faults, after.faults)) out.push('fault rules');
  return out;
}

const figuresOf = (report: Report, key: string): CategoryFigures => {
  let f = report.figures.get(key);
  if (!f)
    report.figures.set(
      key,
      (f = {
        tried: 0,
        fiveXx: 0,
        accepted: 0,
        stateChanged: 0,
        badShape: 0,
        pastAuth: 0,
        signed: 0,
      }),
    );
  return f;
};

export async function runCases(fx: FuzzFixture, cases: readonly FuzzCase[]): Promise<Report> {
  const report: Report = { figures: new Map(), findings: [] };
  let before = await fx.observe();
  for (const c of cases) {
    const f = figuresOf(report, `${c.surface} ${c.category}`);
    f.tried += 1;
    let res: RawResult;
    try {
      res = await fx.send(c);
    } catch (error) {
      // A dropped connection is as bad as a 5xx: the client gets no answer at all.
      report.findings.push({
        c,
        status: 0,
        response: String(error),
        problems: ['no answer (connection failed)'],
      });
      f.fiveXx += 1;
      continue;
    }
    const problems = answerProblems(c, res);
    if (res.status >= 500) f.fiveXx += 1;
    else if (res.status < 400) f.accepted += 1;
    else if (problems.length > 0) f.badShape += 1;
    if (c.auth === 'signed') {
      f.signed += 1;
      if (res.status !== 401) f.pastAuth += 1;
      else await fx.heal();
    }
    const after = await fx.observe();
    const changed = differences(before, after);
    if (changed.length > 0) {
      f.stateChanged += 1;
      problems.push(
        `changed: ${changed.slice(0, 6).join('; ')}${changed.length > 6 ? ` (+${changed.length - 6})` : ''}`,
      );
    }
    if (problems.length > 0) {
      report.findings.push({ c, status: res.status, response: res.text.slice(0, 400), problems });
      // Also renews the console session, which an accepted login or logout would have replaced.
      await fx.restore(before, after);
      before = await fx.observe();
    }
  }
  return report;
}

/** A table of the figures per surface and category, for the log. */
export function figuresTable(report: Report): string {
  const rows = [...report.figures.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce(
    (t, [, f]) => ({
      tried: t.tried + f.tried,
      fiveXx: t.fiveXx + f.fiveXx,
      accepted: t.accepted + f.accepted,
      stateChanged: t.stateChanged + f.stateChanged,
      badShape: t.badShape + f.badShape,
    }),
    { tried: 0, fiveXx: 0, accepted: 0, stateChanged: 0, badShape: 0 },
  );
  const line = (
    name: string,
    f: Omit<CategoryFigures, 'pastAuth' | 'signed'> & Partial<CategoryFigures>,
  ) =>
    `${name.padEnd(32)} ${String(f.tried).padStart(5)} ${String(f.fiveXx).padStart(4)} ${String(f.accepted).padStart(8)} ${String(f.stateChanged).padStart(7)} ${String(f.badShape).padStart(6)}${f.signed ? `   ${f.pastAuth}/${f.signed} past auth` : ''}`;
  return [
    `${'surface category'.padEnd(32)} tried  5xx accepted changed shape`,
    ...rows.map(([k, f]) => line(k, f)),
    line('TOTAL', total),
  ].join('\n');
}

/** The findings, grouped by surface and category, each with the request and the answer. */
export function findingsText(report: Report, perCategory = 8): string {
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings)
    groups.set(`${f.c.surface} ${f.c.category}`, [
      ...(groups.get(`${f.c.surface} ${f.c.category}`) ?? []),
      f,
    ]);
  const parts: string[] = [];
  for (const [key, list] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    parts.push(`── ${key}: ${list.length} failing`);
    for (const f of list.slice(0, perCategory)) {
      parts.push(
        `  ${describeCase(f.c)}\n    → ${f.status} ${f.response}\n    ✗ ${f.problems.join(' | ')}`,
      );
    }
    if (list.length > perCategory) parts.push(`  … ${list.length - perCategory} more`);
  }
  return parts.join('\n');
}
