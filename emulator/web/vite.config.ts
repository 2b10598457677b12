/**
 * Builds the emulated console (a Preact SPA) into `emulator/dist/web/`; run as `vite build web`
 * from `emulator/`. The console router serves the assets under `/console-assets/` and
 * `index.html` for `/iam/` and `/authui/*`. No Preact preset: Vite 8 compiles the JSX itself.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console-assets/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});
