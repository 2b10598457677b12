import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { CONTENT_SCRIPT_MATCHES } from '../lib/console/console-hosts';
import { documentedManifest, manifestLists, sorted, type Browser } from './helpers/permissions-doc';

async function configuredManifest(browser: Browser): Promise<Record<string, unknown>> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function')
    throw new Error('wxt.config manifest must be a function of the browser');
  const resolved = await manifest({
    browser,
    manifestVersion: 3,
    mode: 'production',
    command: 'build',
  });
  // Content-script matches come from the entrypoint (defineContentScript), not from wxt.config.
  return { ...resolved, content_scripts: [{ matches: CONTENT_SCRIPT_MATCHES }] };
}

describe.each(['chrome', 'firefox'] as const)(
  '%s manifest vs docs/extension-permissions.md',
  (browser) => {
    it('lists exactly the documented permissions, hosts and content-script matches', async () => {
      expect(manifestLists(await configuredManifest(browser))).toEqual(
        sorted(documentedManifest(browser)),
      );
    });

    it('declares an explicit CSP for extension pages without remote or eval sources', async () => {
      const csp = (await configuredManifest(browser)).content_security_policy as {
        extension_pages: string;
      };
      expect(csp.extension_pages).toBe("script-src 'self'; object-src 'self'");
    });

    it('keeps broad hosts optional', async () => {
      const m = manifestLists(await configuredManifest(browser));
      for (const host of m.host_permissions) expect(host).not.toMatch(/\*\.|<all_urls>|^\*:/);
    });
  },
);

describe('the documentation parser', () => {
  it('fails loudly on an unknown kind or a missing explanation', () => {
    expect(() =>
      documentedManifest('chrome', '| `tabs` | perm | chrome | why | install |'),
    ).toThrow(/unknown kind/);
    expect(() =>
      documentedManifest('chrome', '| `tabs` | permission | chrome |  | install |'),
    ).toThrow(/no explanation/);
  });
});
