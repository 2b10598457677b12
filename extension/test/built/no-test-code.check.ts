/**
 * Run after `wxt zip` by the build script: nothing from `@iam-testbed/shared/testing` (probe keys
 * of the signing vectors, the node:crypto oracle) made it into the built extension.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUTPUT = join(import.meta.dirname, '../../.output');
// Strings only the testing entry holds: the Node SDK probe's AK and the oracle's function name.
const MARKERS = ['HPUAPROBEAK0000000001', 'probeTempSecretKey', 'oracleCanonicalRequest'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe.each(['chrome-mv3', 'firefox-mv3'])('built %s', (dir) => {
  it('holds no test code', () => {
    const root = join(OUTPUT, dir);
    expect(existsSync(root), `${root} missing: run the build first`).toBe(true);
    const scripts = files(root).filter((f) => /\.(js|html)$/.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    const offenders = scripts.filter((f) =>
      MARKERS.some((m) => readFileSync(f, 'utf8').includes(m)),
    );
    expect(offenders).toEqual([]);
  });
});
