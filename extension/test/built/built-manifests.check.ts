/**
 * Run after `wxt zip` by the build script (vitest.built.config.ts): the manifests WXT actually
 * wrote must list exactly what docs/extension-permissions.md documents.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedManifest, manifestLists, sorted } from '../helpers/permissions-doc';

const OUTPUT = join(import.meta.dirname, '../../.output');

describe.each([
  ['chrome', 'chrome-mv3'],
  ['firefox', 'firefox-mv3'],
] as const)('built %s manifest', (browser, dir) => {
  const path = join(OUTPUT, dir, 'manifest.json');

  it('exists, is MV3, and lists only the documented permissions', () => {
    expect(existsSync(path), `${path} missing: run the build first`).toBe(true);
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(3);
    expect(manifestLists(manifest)).toEqual(sorted(documentedManifest(browser)));
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('has its zip', () => {
    const zips = existsSync(OUTPUT) ? readdirSync(OUTPUT).filter((f) => f.endsWith('.zip')) : [];
    expect(zips.some((z) => z.endsWith(`-${browser}.zip`))).toBe(true);
  });
});
