import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WxtVitest: the fake `browser` (in-memory storage, alarms, runtime, tabs), wxt.config's Vite
// settings and `import.meta.env.BROWSER`. DOM tests opt into happy-dom per file.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
