/**
 * The console's component tests alone: `pnpm exec vitest run --config web/vitest.config.ts`
 * (from emulator/). Each file picks happy-dom with a `@vitest-environment` docblock.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    include: ['web/test/**/*.test.{ts,tsx}'],
    environment: 'node',
    maxWorkers: 2,
  },
});
