/**
 * Reads the permissions table of docs/extension-permissions.md into what each browser's manifest
 * must list, so tests compare manifests with the documentation rather than with a copy of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Browser = 'chrome' | 'firefox';

export interface ExpectedManifest {
  permissions: string[];
  optional_permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_scripts: string[];
}

const KIND_TO_KEY: Record<string, keyof ExpectedManifest> = {
  permission: 'permissions',
  'optional permission': 'optional_permissions',
  host: 'host_permissions',
  'optional host': 'optional_host_permissions',
  'content script': 'content_scripts',
};

export const DOC_PATH = join(import.meta.dirname, '../../../docs/extension-permissions.md');

export function documentedManifest(
  browser: Browser,
  markdown = readFileSync(DOC_PATH, 'utf8'),
): ExpectedManifest {
  const out: ExpectedManifest = {
    permissions: [],
    optional_permissions: [],
    host_permissions: [],
    optional_host_permissions: [],
    content_scripts: [],
  };
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const entry = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!entry) continue;
    const key = KIND_TO_KEY[cells[2] ?? ''];
    if (!key)
      throw new Error(`docs/extension-permissions.md: unknown kind "${cells[2]}" for ${entry}`);
    const browsers = (cells[3] ?? '').split(',').map((b) => b.trim());
    if (!cells[4]) throw new Error(`docs/extension-permissions.md: ${entry} has no explanation`);
    if (browsers.includes(browser)) out[key].push(entry);
  }
  return out;
}

/** The same five lists from a manifest object, sorted, for comparison. */
export function manifestLists(manifest: Record<string, unknown>): ExpectedManifest {
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  const scripts = list(manifest.content_scripts) as unknown as Array<{ matches?: string[] }>;
  return sorted({
    permissions: list(manifest.permissions),
    optional_permissions: list(manifest.optional_permissions),
    host_permissions: list(manifest.host_permissions),
    optional_host_permissions: list(manifest.optional_host_permissions),
    content_scripts: scripts.flatMap((s) => s.matches ?? []),
  });
}

export function sorted(m: ExpectedManifest): ExpectedManifest {
  const s = (a: string[]) => [...new Set(a)].sort();
  return {
    permissions: s(m.permissions),
    optional_permissions: s(m.optional_permissions),
    host_permissions: s(m.host_permissions),
    optional_host_permissions: s(m.optional_host_permissions),
    content_scripts: s(m.content_scripts),
  };
}
