/**
 * @module messages/parse-scrape
 * A scrape result as it arrives from a content script: checked field by field, IDs by shape, and
 * rebuilt so that nothing unexpected (extra keys, secrets, markup) is carried along.
 */
import {
  HEX32_RE,
  parseProjectName,
  PROJECT_NAME_MAX_LENGTH,
  REGION_ID_SHAPE,
} from '@iam-testbed/shared';
import {
  IDENTITY_FIELDS,
  type Identity,
  type ScrapedProject,
  type ScrapeResult,
} from '../scraper/types';
import { arr, bool, fail, obj, oneOf, optStr, str } from './shape';

const NAME = { max: 128, re: /^[^\n\r\t]+$/ };
const MAX_PROJECTS = 2000;

/** Identity fields by shape: IDs 32 lower-case hex, names one line; absent fields stay absent. */
export function parseIdentity(v: unknown): Identity {
  const o = obj(v, 'identity');
  const out: Identity = {};
  for (const field of IDENTITY_FIELDS) {
    const isId = field === 'accountId' || field === 'userId';
    const value = optStr(o[field], `identity.${field}`, isId ? { re: HEX32_RE } : NAME);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

export function parseProject(v: unknown, i: number): ScrapedProject {
  const o = obj(v, `projects[${i}]`);
  const name = str(o.name, `projects[${i}].name`, { max: PROJECT_NAME_MAX_LENGTH });
  const parts = parseProjectName(name) ?? fail(`projects[${i}].name has the wrong shape`);
  const region = str(o.region, `projects[${i}].region`, { re: REGION_ID_SHAPE });
  // Exact: `cn-north-41` must not pass as a project of `cn-north-4`.
  if (parts.region !== region) fail(`projects[${i}] has a name outside its region`);
  const subProject = bool(o.subProject, `projects[${i}].subProject`);
  if (subProject !== parts.subProject) fail(`projects[${i}].subProject contradicts its name`);
  const regionName = optStr(o.regionName, `projects[${i}].regionName`, NAME);
  return {
    id: str(o.id, `projects[${i}].id`, { re: HEX32_RE }),
    name,
    region,
    subProject,
    ...(regionName !== undefined ? { regionName } : {}),
  };
}

export function parseScrapeResult(v: unknown): ScrapeResult {
  const o = obj(v, 'result');
  const identity = parseIdentity(o.identity);
  const missing = arr(o.missing, 'missing', IDENTITY_FIELDS.length).map((m) =>
    oneOf(m, 'missing[]', IDENTITY_FIELDS),
  );
  const locale =
    o.locale === undefined ? undefined : oneOf(o.locale, 'locale', ['en-us', 'zh-cn'] as const);
  const message = optStr(o.message, 'message', { max: 1000 });
  return {
    status: oneOf(o.status, 'status', ['complete', 'partial', 'not-found'] as const),
    identity,
    missing,
    projects: arr(o.projects, 'projects', MAX_PROJECTS).map(parseProject),
    projectsListed: bool(o.projectsListed, 'projectsListed'),
    ...(locale ? { locale } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}
