import { defineConfig } from 'vitest/config';

// One Chromium at a time: the machines have 2 cores and the journeys share nothing.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
