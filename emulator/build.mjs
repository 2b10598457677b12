// Builds what the package ships (and what `npm start`, e2e and bench run):
// - dist/index.mjs, dist/client.mjs and dist/msw.mjs, with shared code in dist/chunks/.
//   @iam-testbed/shared is TypeScript source inside the workspace, so it is bundled in; the npm
//   dependencies (express, lowdb, zod, msw) stay imports, declared in package.json, so a
//   consumer's single copy of each is used.
// - dist/cli.mjs (the `iam-testbed` bin) as one file with everything in it, express included:
//   loading express's hundred CommonJS files from node_modules made start-up 1.5x slower
//   (bench, "CLI spawn → ready"). It runs in its own process, so its copy is never shared.
// - dist/types/: .d.ts for the public entries (tsc), which is where @iam-testbed/shared is needed
//   by a consumer (types only).
// The console SPA goes to dist/web (`vite build web`, run after this by the package's build script).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmod, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const dist = here('./dist/');

await Promise.all(
  ['chunks', 'types', 'cli.mjs', 'index.mjs', 'client.mjs', 'msw.mjs'].map((p) =>
    rm(dist + p, { recursive: true, force: true }),
  ),
);

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: {
    index: here('./src/index.ts'),
    client: here('./src/client/index.ts'),
    msw: here('./src/msw/index.ts'),
  },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  external: ['express', 'lowdb', 'lowdb/*', 'zod', 'msw', 'msw/*'],
});

await build({
  ...common,
  entryPoints: [here('./src/cli.ts')],
  outfile: dist + 'cli.mjs',
  banner: {
    // express is CommonJS: its bundled `require` calls need one in an ES module.
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __iamTestbedCreateRequire } from 'node:module';",
      'const require = __iamTestbedCreateRequire(import.meta.url);',
    ].join('\n'),
  },
});
await chmod(dist + 'cli.mjs', 0o755);

const tsc = spawnSync(here('./node_modules/.bin/tsc'), ['-p', here('./tsconfig.build.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log(`built ${dist}{cli,index,client,msw}.mjs and types/`);
