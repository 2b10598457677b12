#!/usr/bin/env node
// `npm start`: bootstrap, build the extension and the emulator when their sources changed, then run the emulator on its
// embedded lowdb store with the default seed. Extra flags pass through: `npm start -- --port 0`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, bootstrap, fail } from './bootstrap.mjs';
import { buildChanged } from './build-cache.mjs';

const CLI = join(ROOT, 'emulator', 'dist', 'cli.mjs');
const CHROME_BUILD = join(ROOT, 'extension', '.output', 'chrome-mv3');
const FIREFOX_BUILD = join(ROOT, 'extension', '.output', 'firefox-mv3');

function extensionBanner() {
  const lines = ['', 'Browser extension (built):'];
  lines.push(`  Chrome/Chromium: ${CHROME_BUILD}`);
  lines.push('    chrome://extensions → Developer mode → Load unpacked → choose the folder above');
  if (existsSync(FIREFOX_BUILD)) {
    lines.push(`  Firefox:         ${join(FIREFOX_BUILD, 'manifest.json')}`);
    lines.push(
      '    about:debugging#/runtime/this-firefox → Load Temporary Add-on → choose manifest.json',
    );
  }
  lines.push(
    `  Zips for stores: ${relative(process.cwd(), join(ROOT, 'extension', '.output'))}/*.zip`,
    '',
  );
  return lines.join('\n');
}

export function runEmulator(args, { banner = '' } = {}) {
  if (!existsSync(CLI)) fail(`the emulator is not built (${CLI} missing). Run: npm run build`);
  if (banner) process.stdout.write(banner + '\n');
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pnpm = bootstrap();
  // Only what changed is rebuilt: a second start goes straight to the banner.
  if (!buildChanged(pnpm, ['shared', 'emulator', 'extension']))
    fail('the build failed (see above)');
  const args = process.argv.slice(2);
  // The extension's paths belong with the running emulator's banner, not with help or version.
  const justAsking = args.some((a) =>
    ['--help', '-h', '--version', '-v', 'help', 'version'].includes(a),
  );
  runEmulator(args, { banner: justAsking ? '' : extensionBanner() });
}
