import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (src/**/*.test.ts); the black-box suite is in test/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The machine has 2 cores shared by several people: keep the worker count modest.
    maxWorkers: 2,
  },
});
