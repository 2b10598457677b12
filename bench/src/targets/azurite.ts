/**
 * @module targets/azurite
 * Azurite 3.37.0 (blob service), installed on demand into the git-ignored work dir — never a
 * package.json dependency, which would slow every `npm test` install — and a SharedKey-signed
 * List Containers, the authenticated read we compare our signed reads against.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerSpec } from '../proc.js';

export const AZURITE_VERSION = '3.37.0';
/** Azurite's well-known development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = Buffer.from(
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'base64',
);
const API_VERSION = '2021-08-06';

function installedVersion(prefix: string): string | undefined {
  const manifest = join(prefix, 'node_modules', 'azurite', 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

/**
 * Installs azurite@3.37.0 under `<workDir>/azurite` unless it is already there; returns the blob
 * service's entry script. Azurite declares `engines.node >=22`; it runs on Node 20 on every path
 * used here (docs/reference/perf-anchors.md), so the engine warning is expected.
 */
export function ensureAzurite(workDir: string, log: (line: string) => void): string {
  const prefix = join(workDir, 'azurite');
  if (installedVersion(prefix) !== AZURITE_VERSION) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(
      join(prefix, 'package.json'),
      `${JSON.stringify({ private: true, description: 'bench scratch: Azurite for comparison' })}\n`,
    );
    log(`installing azurite@${AZURITE_VERSION} into ${prefix} (once)`);
    const res = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-fund',
        '--no-audit',
        '--loglevel=error',
        `azurite@${AZURITE_VERSION}`,
      ],
      {
        stdio: 'inherit',
      },
    );
    if (res.status !== 0 || installedVersion(prefix) !== AZURITE_VERSION) {
      throw new Error(
        `npm install azurite@${AZURITE_VERSION} failed (status ${res.status}); check network access to the npm registry, or run with --no-azurite`,
      );
    }
  }
  return join(prefix, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
}

/** The blob service started directly with node (not npx: npx adds ~0.3 s and ~100 MiB, anchors). */
export function azuriteSpec(entry: string, port: number, location: string): ServerSpec {
  return {
    name: 'Azurite blob',
    cmd: process.execPath,
    args: [
      entry,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--location',
      location,
      '--silent',
    ],
    cwd: location,
    port,
  };
}

/**
 * Headers for a SharedKey-signed blob request (path-style URL), as the Azure SDKs send it.
 * @param path e.g. `/devstoreaccount1`
 * @param query e.g. `comp=list`
 */
export function sharedKeyHeaders(
  method: string,
  path: string,
  query: string,
  date = new Date(),
): Record<string, string> {
  const h: Record<string, string> = {
    'x-ms-date': date.toUTCString(),
    'x-ms-version': API_VERSION,
  };
  const xms = Object.keys(h)
    .filter((k) => k.startsWith('x-ms-'))
    .sort()
    .map((k) => `${k}:${h[k]}\n`)
    .join('');
  const params = [...new URLSearchParams(query)]
    .map(([k, v]) => [k.toLowerCase(), v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `\n${k}:${v}`)
    .join('');
  const stringToSign = `${[method, '', '', '', '', '', '', '', '', '', '', ''].join('\n')}\n${xms}/${ACCOUNT}${path}${params}`;
  const signature = createHmac('sha256', ACCOUNT_KEY).update(stringToSign).digest('base64');
  return { ...h, authorization: `SharedKey ${ACCOUNT}:${signature}` };
}

/** The signed List Containers request (`GET /devstoreaccount1?comp=list`). */
export function listContainersRequest(date?: Date): {
  path: string;
  headers: Record<string, string>;
} {
  return {
    path: `/${ACCOUNT}?comp=list`,
    headers: sharedKeyHeaders('GET', `/${ACCOUNT}`, 'comp=list', date),
  };
}
