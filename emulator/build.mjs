// Bundles the CLI into dist/cli.mjs so it starts with plain `node`, fast, without tsx.
// @iam-testbed/shared is TypeScript source with no build step, so it must be bundled in; the
// npm dependencies are bundled too (express is CommonJS, hence the createRequire banner).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const outfile = new URL('./dist/cli.mjs', import.meta.url).pathname;

await build({
  entryPoints: [new URL('./src/cli.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __iamTestbedCreateRequire } from 'node:module';",
      'const require = __iamTestbedCreateRequire(import.meta.url);',
    ].join('\n'),
  },
});
await chmod(outfile, 0o755);
console.log(`built ${outfile}`);
