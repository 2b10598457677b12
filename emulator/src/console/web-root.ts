/**
 * @module console/web-root
 * Where the built console (emulator/dist/web, from `vite build web`) is. Found relative to this
 * module, both when run from source (`src/console/` → `../../dist/web`) and from the bundled CLI
 * (`dist/cli.mjs` → `dist/web`). The source `web/index.html` is never served.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findWebRoot(
  from: string = dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) === 'dist' && existsSync(join(dir, 'web', 'index.html')))
      return join(dir, 'web');
    if (existsSync(join(dir, 'dist', 'web', 'index.html'))) return join(dir, 'dist', 'web');
    if (dirname(dir) === dir || existsSync(join(dir, 'pnpm-workspace.yaml'))) return undefined;
  }
}
