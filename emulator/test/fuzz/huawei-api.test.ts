/**
 * Fuzz: malformed requests to the emulated Huawei API (v3, v3.0 OS-CREDENTIAL / OS-USER /
 * OS-SECURITYPOLICY, v5) — malformed JSON, wrong types, unknown and missing fields, huge and odd
 * strings, bad query parameters, bad path IDs, wrong methods and content types, broken
 * credentials. Each must get a documented 4xx and change nothing (run-cases.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzFixture } from './fixture';
import { huaweiCases } from './huawei-cases';
import { figuresTable, findingsText, runCases } from './run-cases';
import { fuzzSeed } from './seed';

const seed = fuzzSeed('test/fuzz/huawei-api.test.ts');
const RUNS = seed.runs(300);

describe('fuzz: the Huawei API', () => {
  let fx: FuzzFixture;
  beforeAll(async () => {
    fx = await FuzzFixture.start();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it(`answers ${RUNS} malformed requests with a documented 4xx and changes nothing`, async () => {
    const cases = fc.sample(huaweiCases(fx.ids), { seed: seed.seed, numRuns: RUNS });
    const report = await runCases(fx, cases);
    console.log(`[fuzz] Huawei API, seed ${seed.seed}\n${figuresTable(report)}`);
    expect(report.findings.length, `${report.findings.length} malformed requests were mishandled:\n${findingsText(report)}\nReplay: ${seed.replay}`).toBe(0);
  }, 120_000);
});
