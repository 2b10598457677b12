/**
 * @module One fuzz file's body: start a fixture, sample the surface's malformed cases with the
 * logged seed, run them (run-cases.ts) and fail with every finding and the replay command.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzFixture } from './fixture';
import type { FuzzCase } from './fuzz-case';
import { figuresTable, findingsText, runCases } from './run-cases';
import { fuzzSeed } from './seed';

export interface FuzzSurface {
  /** Shown in the test name and the figures line, e.g. "the console API". */
  name: string;
  /** The test file, relative to emulator/ (for the replay command). */
  file: string;
  /** Inputs per run unless FUZZ_RUNS says otherwise. */
  runs: number;
  cases(fx: FuzzFixture): Promise<fc.Arbitrary<FuzzCase>> | fc.Arbitrary<FuzzCase>;
}

export function describeFuzz(surface: FuzzSurface): void {
  const seed = fuzzSeed(surface.file);
  const runs = seed.runs(surface.runs);
  describe(`fuzz: ${surface.name}`, () => {
    let fx: FuzzFixture;
    beforeAll(async () => {
      fx = await FuzzFixture.start();
    });
    afterAll(async () => {
      await fx?.stop();
    });

    it(`answers ${runs} malformed requests with a documented 4xx and changes nothing`, async () => {
      const cases = fc.sample(await surface.cases(fx), { seed: seed.seed, numRuns: runs });
      const report = await runCases(fx, cases);
      console.log(`[fuzz] ${surface.name}, seed ${seed.seed}\n${figuresTable(report)}`);
      expect(
        report.findings.length,
        `${report.findings.length} malformed requests were mishandled:\n${findingsText(report)}\nReplay: ${seed.replay}`,
      ).toBe(0);
    }, 120_000);
  });
}
