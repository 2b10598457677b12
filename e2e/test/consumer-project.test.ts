/**
 * "Use it from another project", proven from outside the workspace: pack the tarballs, install
 * them with plain npm into an empty folder, and run what the README's section says, as written
 * (its code blocks are extracted from README.md, so the docs cannot rot): `exec` with the official
 * SDK reading the environment, exit codes, the temporary-key and msw examples under the README's
 * `npm test` script, `startEmulator` from plain Node, and a strict `tsc` over the public types.
 * Needs the npm registry (the SDK, express, lowdb, zod, msw, typescript), as `npm test` does.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths.js';
import { namedBlocks, section, shellLines } from '../src/readme-blocks.js';

const README = section(
  readFileSync(join(ROOT, 'README.md'), 'utf8'),
  'Use it from another project',
);
const BLOCKS = namedBlocks(README);
const INSTALL_LATER = 'msw@2.15.0 typescript@7.0.2 @types/node@20.19.43';
const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-consumer-'));
let installOutput = '';

interface Result {
  code: number | null;
  out: string;
}

/** A command line in the consumer project (or `cwd`), through the shell as a user types it. */
function sh(command: string, cwd = dir): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out }));
  });
}

async function ok(command: string, cwd?: string): Promise<string> {
  const res = await sh(command, cwd);
  if (res.code !== 0) throw new Error(`"${command}" exited ${res.code}:\n${res.out}`);
  return res.out;
}

function block(file: string): string {
  const found = BLOCKS.find((b) => b.file === file);
  if (!found) throw new Error(`README "Use it from another project" has no block for ${file}`);
  return found.code;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

beforeAll(async () => {
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2),
  );
  // The README's own commands: `npm run pack` in this repo, then its npm install lines there.
  const [pack, ...installs] = shellLines(README);
  expect(pack).toMatch(/^npm run pack/);
  await ok(pack ?? '', ROOT);
  for (const line of installs)
    installOutput += await ok(`${line.replace('/path/to/iam-testbed', ROOT)} --no-fund --no-audit`);
  for (const b of BLOCKS.filter((x) => x.file !== 'package.json')) write(b.file, b.code);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a project with only the tarballs and the official SDK', () => {
  it('has no engine warnings from our packages, and the bin answers --version', async () => {
    expect(installOutput).not.toMatch(/EBADENGINE|Unsupported engine/i);
    const pkg = JSON.parse(
      readFileSync(join(dir, 'node_modules/@iam-testbed/emulator/package.json'), 'utf8'),
    );
    expect((await ok('npx iam-testbed --version')).trim()).toBe(pkg.version);
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@iam-testbed/shared',
      'express',
      'lowdb',
      'zod',
    ]);
    for (const name of ['emulator', 'shared']) {
      expect(
        existsSync(join(dir, 'node_modules/@iam-testbed', name, 'LICENSE')),
        `${name} ships LICENSE`,
      ).toBe(true);
      expect(
        existsSync(join(ROOT, name, 'LICENSE')),
        `pack leaves no LICENSE copy in ${name}/`,
      ).toBe(false);
    }
    expect(pkg.peerDependenciesMeta).toEqual({ msw: { optional: true } });
  });

  it('`exec` runs an SDK script that takes credentials and endpoint from the environment', async () => {
    const out = await ok('npx iam-testbed exec -- node --test test/list-keys.test.cjs');
    expect(out).toMatch(/^# pass 1$/m);
    expect(out).toMatch(/^# fail 0$/m);
  });

  it("`exec` exits with the command's code, also through the shell", async () => {
    expect((await sh('npx iam-testbed exec -- node -e "process.exit(3)"')).code).toBe(3);
    expect((await sh('npx iam-testbed exec --quiet -- "exit 4"')).code).toBe(4);
    const failing = await sh('npx iam-testbed exec -- node --test test/does-not-exist.test.cjs');
    expect(failing.code).not.toBe(0);
  });
});

describe('the README examples, with msw and typescript added', () => {
  beforeAll(async () => {
    await ok(`npm install --save-dev --no-fund --no-audit ${INSTALL_LATER}`);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    pkg.scripts = { ...pkg.scripts, ...JSON.parse(block('package.json')).scripts };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  }, 300_000);

  it("the README's `npm test` script runs every test block (temporary key, msw) and passes", async () => {
    const tests = BLOCKS.filter((b) => b.file.endsWith('.test.cjs'));
    expect(tests.map((b) => b.file)).toEqual(
      expect.arrayContaining(['test/temporary-key.test.cjs', 'test/in-process.test.cjs']),
    );
    const out = await ok('npm test');
    expect(out).toMatch(new RegExp(`^# pass ${tests.length}$`, 'm'));
    expect(out).toMatch(/^# fail 0$/m);
  });

  it('a strict tsc accepts the global setup and a file using every public entry', async () => {
    write(
      'types-check.ts',
      [
        "import { startServer, ListenError, VERSION, type StateDoc } from '@iam-testbed/emulator';",
        "import { EmulatorClient, startEmulator, type JournalEntry, type TenantSummary, type TenantView } from '@iam-testbed/emulator/client';",
        "import { createIamHandlers, type IamHandlers } from '@iam-testbed/emulator/msw';",
        "import { signRequest, REGIONS } from '@iam-testbed/shared';",
        'export async function use(client: EmulatorClient): Promise<string> {',
        '  const tenants: TenantSummary[] = await client.listTenants();',
        '  const entries: JournalEntry[] = await client.requests({ limit: 1 });',
        '  const handlers: IamHandlers = createIamHandlers();',
        '  const view: TenantView | undefined = undefined;',
        '  const state: StateDoc | undefined = undefined;',
        '  return [VERSION, tenants.length, entries[0]?.status, handlers.baseUrl, view, state, typeof startServer, typeof startEmulator,',
        '    ListenError.name, typeof signRequest, REGIONS.length].join();',
        '}',
        '',
      ].join('\n'),
    );
    const strict = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        types: ['node'],
        outDir: 'build',
      },
      files: ['global-setup.ts', 'types-check.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(strict, null, 2));
    await ok('npx tsc -p tsconfig.json');
  });

  it('the global setup (compiled by tsc) starts an emulator from plain Node, exports the variables and stops it', async () => {
    const driver = [
      "const setup = require('./build/global-setup.js').default;",
      '(async () => {',
      '  const stop = await setup();',
      "  const health = await fetch(process.env.IAM_TESTBED_URL + '/_emulator/health');",
      "  console.log('health', health.status, /^EMUP/.test(process.env.HUAWEICLOUD_SDK_AK), /^[0-9a-f]{32}$/.test(process.env.SUITE_DOMAIN_ID));",
      '  await stop();',
      "  await fetch(process.env.IAM_TESTBED_URL + '/_emulator/health').then(() => console.log('still up'), () => console.log('stopped'));",
      '})();',
    ].join('\n');
    write('run-setup.cjs', driver);
    const out = await ok('node run-setup.cjs');
    expect(out).toContain('health 200 true true');
    expect(out).toContain('stopped');
  });
});
