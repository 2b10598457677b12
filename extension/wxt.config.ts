import { defineConfig } from 'wxt';
import {
  EXTENSION_PAGES_CSP,
  GECKO_ID,
  GECKO_MIN_VERSION,
  permissionsFor,
} from './lib/manifest/permissions';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: easier to read and to test than auto-imports.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'IAM Testbed — My Credentials helper',
    description:
      'Read Huawei Cloud My Credentials, copy IDs, and hold and sign with temporary keys.',
    ...permissionsFor(browser === 'firefox' ? 'firefox' : 'chrome'),
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'My Credentials helper' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: GECKO_MIN_VERSION,
              // Nothing leaves the browser except the IAM calls the user asks for.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { zipSources: false, artifactTemplate: 'iam-testbed-extension-{{version}}-{{browser}}.zip' },
});
