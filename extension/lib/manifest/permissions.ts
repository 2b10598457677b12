/**
 * @module manifest/permissions
 * Every permission the extension asks for, in one place. `docs/extension-permissions.md` explains
 * each one, and test/manifest-permissions.test.ts fails when the two disagree (for both builds).
 */

export type TargetBrowser = 'chrome' | 'firefox';

export interface PermissionSet {
  permissions: string[];
  optional_permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
}

/** Hosts the background calls: the global IAM endpoint and the emulator on loopback. */
export const REQUIRED_HOSTS = [
  'https://iam.myhuaweicloud.com/*',
  'http://127.0.0.1/*',
  'http://localhost/*',
];

/** Regional IAM endpoints and other Huawei service endpoints, requested when first used. */
export const OPTIONAL_HOSTS = ['https://*.myhuaweicloud.com/*', 'https://*.myhuaweicloud.eu/*'];

export function permissionsFor(browser: TargetBrowser): PermissionSet {
  // Firefox has no offscreen API: its MV3 background is an event page with a DOM, which can
  // reach the clipboard itself.
  const chromeOnly = browser === 'chrome' ? ['offscreen'] : [];
  return {
    permissions: ['storage', 'alarms', 'activeTab', 'clipboardWrite', ...chromeOnly],
    optional_permissions: ['clipboardRead'],
    host_permissions: [...REQUIRED_HOSTS],
    optional_host_permissions: [...OPTIONAL_HOSTS],
  };
}

/**
 * MV3 default for extension pages, written out so that it is visible and reviewed: only our own
 * bundled scripts, no eval, no plugins, no remote code.
 */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'";

export const GECKO_ID = 'iam-testbed@example.invalid';
/** 128: first Firefox with optional_host_permissions in MV3 (storage.session needs 115). */
export const GECKO_MIN_VERSION = '128.0';
