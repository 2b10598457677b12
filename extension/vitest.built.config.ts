import { defineConfig } from 'vitest/config';

// Checks on the build output (run by `pnpm build`, after `wxt zip`); not part of `pnpm test`,
// which must not depend on a previous build.
export default defineConfig({
  test: { include: ['test/built/*.check.ts'] },
});
