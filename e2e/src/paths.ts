import { fileURLToPath } from 'node:url';

/** The repository root, from this package's location. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The emulator CLI exactly as `npm start` runs it (bundled by `pnpm -r build`). */
export const EMULATOR_CLI = fileURLToPath(new URL('../../emulator/dist/cli.mjs', import.meta.url));
/** The Chrome MV3 build of the extension (`pnpm --filter @iam-testbed/extension build`). */
export const EXTENSION_DIR = fileURLToPath(
  new URL('../../extension/.output/chrome-mv3', import.meta.url),
);
/** Screenshots and failure artefacts of each run; ignored by git. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** Screenshots the README shows (committed). */
export const DOCS_SCREENSHOTS_DIR = fileURLToPath(
  new URL('../../docs/screenshots/', import.meta.url),
);
/** Runs the official SDK with credentials from HUAWEICLOUD_SDK_* only (journey 5). */
export const SDK_FROM_ENV_SCRIPT = fileURLToPath(new URL('./sdk-from-env.mjs', import.meta.url));
