/**
 * Fuzz: malformed calls to the console API (`/console-api/*`) with a signed-in session and its
 * CSRF token — malformed JSON, wrong types, unknown and missing fields, huge and odd strings, bad
 * query parameters and AKs, wrong methods and content types — and calls that break the session,
 * CSRF or body rules. Each must get a documented 4xx and change nothing (run-cases.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzFixture } from './fixture';
import { consoleCases } from './console-cases';
import { figuresTable, findingsText, runCases } from './run-cases';
import { fuzzSeed } from './seed';

const seed = fuzzSeed('test/fuzz/console-api.test.ts');
const RUNS = seed.runs(200);

describe('fuzz: the console API', () => {
  let fx: FuzzFixture;
  beforeAll(async () => {
    fx = await FuzzFixture.start();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it(`answers ${RUNS} malformed requests with a documented 4xx and changes nothing`, async () => {
    const cases = fc.sample(consoleCases(fx.ids), { seed: seed.seed, numRuns: RUNS });
    const report = await runCases(fx, cases);
    console.log(`[fuzz] console API, seed ${seed.seed}\n${figuresTable(report)}`);
    expect(report.findings.length, `${report.findings.length} malformed requests were mishandled:\n${findingsText(report)}\nReplay: ${seed.replay}`).toBe(0);
  }, 120_000);
});
