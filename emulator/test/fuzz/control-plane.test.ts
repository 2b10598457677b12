/**
 * Fuzz: malformed requests to the control plane (`/_emulator/*`) — bad tenant, clock, fault,
 * console-session and state-import bodies, bad query parameters (reset's `domain_id` above all),
 * bad path IDs, wrong methods and content types, unknown paths. Each must get a documented 4xx
 * and change nothing: not the store, the clock or the fault rules (run-cases.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlCases } from './control-cases';
import { FuzzFixture } from './fixture';
import { figuresTable, findingsText, runCases } from './run-cases';
import { fuzzSeed } from './seed';
import type { Json } from './values';

const seed = fuzzSeed('test/fuzz/control-plane.test.ts');
const RUNS = seed.runs(200);

describe('fuzz: the control plane', () => {
  let fx: FuzzFixture;
  beforeAll(async () => {
    fx = await FuzzFixture.start();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it(`answers ${RUNS} malformed requests with a documented 4xx and changes nothing`, async () => {
    const exported = (await fx.observe()).exported as Json;
    const cases = fc.sample(controlCases(fx.ids, exported), { seed: seed.seed, numRuns: RUNS });
    const report = await runCases(fx, cases);
    console.log(`[fuzz] control plane, seed ${seed.seed}\n${figuresTable(report)}`);
    expect(report.findings.length, `${report.findings.length} malformed requests were mishandled:\n${findingsText(report)}\nReplay: ${seed.replay}`).toBe(0);
  }, 120_000);
});
