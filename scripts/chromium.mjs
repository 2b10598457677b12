// Finds Debian's Chromium for the e2e suite, installing it with apt when missing and running as root.
// puppeteer's own browser download cannot work on these machines (no network beyond the registries).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { log } from './bootstrap.mjs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
// Chinese labels render as empty boxes in screenshots without a CJK font.
const PACKAGES = ['chromium', 'fonts-wqy-microhei'];

function found() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return process.env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => existsSync(p));
}

function apt(args) {
  const res = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return res.status === 0;
}

/** Returns the Chromium path, or throws an Error that says how to get one. */
export function ensureChromium() {
  const existing = found();
  if (existing) return existing;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      'Chromium is not installed and this is not root, so it cannot be installed here. ' +
        'Install it with: sudo apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH).',
    );
  }
  log('installing Debian chromium with apt-get (about 30 s)');
  if (
    !apt(['update', '-qq']) ||
    !apt(['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES])
  ) {
    throw new Error(
      'apt-get could not install chromium. Try: apt-get update && apt-get install -y chromium',
    );
  }
  const installed = found();
  if (!installed)
    throw new Error('chromium was installed but no binary was found in ' + CANDIDATES.join(', '));
  return installed;
}
