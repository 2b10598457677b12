/**
 * @module export/credentials-export
 * "Copy all" for identity and projects: JSON, `.env` lines and CSV. IDs and names only.
 * The `.env` names `HUAWEICLOUD_SDK_DOMAIN_ID`/`_PROJECT_ID` are the ones the SDKs read from the
 * environment (docs/reference/sdk-wire.md §2); the per-region project lines are our own convention.
 */
import { shellWord } from '../signing/snippets';
import type { Identity, ScrapedProject } from '../scraper/types';

export interface CredentialsExport {
  identity: Identity;
  projects: ScrapedProject[];
  /** the console's current region: its default project becomes HUAWEICLOUD_SDK_PROJECT_ID */
  currentRegion?: string;
}

export function toJson({ identity, projects }: CredentialsExport): string {
  return JSON.stringify(
    {
      account: { name: identity.accountName ?? null, id: identity.accountId ?? null },
      user: { name: identity.userName ?? null, id: identity.userId ?? null },
      projects: projects.map((p) => ({
        region: p.region,
        region_name: p.regionName ?? null,
        name: p.name,
        id: p.id,
      })),
    },
    null,
    2,
  );
}

function envName(projectName: string): string {
  return `HUAWEICLOUD_PROJECT_ID_${projectName.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

export function toEnv({ identity, projects, currentRegion }: CredentialsExport): string {
  const lines: string[] = [];
  const add = (name: string, value: string | undefined) =>
    value !== undefined && lines.push(`${name}=${shellWord(value)}`);
  add('HUAWEICLOUD_SDK_DOMAIN_ID', identity.accountId);
  add('HUAWEICLOUD_ACCOUNT_NAME', identity.accountName);
  add('HUAWEICLOUD_USER_ID', identity.userId);
  add('HUAWEICLOUD_USER_NAME', identity.userName);
  const current = projects.find((p) => p.name === currentRegion);
  add('HUAWEICLOUD_SDK_PROJECT_ID', current?.id);
  for (const p of projects) add(envName(p.name), p.id);
  return lines.join('\n') + '\n';
}

/** RFC 4180: quote fields holding a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv({ identity, projects }: CredentialsExport): string {
  const rows: string[][] = [['kind', 'region', 'region_name', 'name', 'id']];
  rows.push(['account', '', '', identity.accountName ?? '', identity.accountId ?? '']);
  rows.push(['user', '', '', identity.userName ?? '', identity.userId ?? '']);
  for (const p of projects)
    rows.push([
      p.subProject ? 'sub-project' : 'project',
      p.region,
      p.regionName ?? '',
      p.name,
      p.id,
    ]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
