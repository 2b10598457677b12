/**
 * @module domain/projects
 * Projects: one per region, named after the region ID, whose parent is the account; and
 * sub-projects named `<region>_<name>` under a region project (docs/reference/huawei-iam-api.md §4.1).
 * ⚠ UNCONFIRMED: the OBS default project `MOS` is not created.
 */
import { newHex32Id, type ListProjectsQuery } from '@iam-testbed/shared';
import type { CallerContext, DomainContext } from './context.js';
import type { ProjectRecord, TenantDoc } from './state.js';

export function createRegionProject(
  state: TenantDoc,
  domainId: string,
  region: string,
  ctx: DomainContext,
): ProjectRecord {
  const project: ProjectRecord = {
    id: newHex32Id(ctx.random),
    domain_id: domainId,
    name: region,
    region,
    parent_id: domainId,
    description: '',
    enabled: true,
  };
  state.projects[project.id] = project;
  return project;
}

/** `name` must be a valid `<region>_<name>` of the parent's region (createAccount checks it first). */
export function createSubProject(
  state: TenantDoc,
  parent: ProjectRecord,
  name: string,
  ctx: DomainContext,
): ProjectRecord {
  const project: ProjectRecord = {
    id: newHex32Id(ctx.random),
    domain_id: parent.domain_id,
    name,
    region: parent.region,
    parent_id: parent.id,
    description: '',
    enabled: true,
  };
  state.projects[project.id] = project;
  return project;
}

export function projectsOf(state: TenantDoc, domainId: string): ProjectRecord[] {
  return Object.values(state.projects)
    .filter((p) => p.domain_id === domainId)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findProject(
  state: TenantDoc,
  domainId: string,
  ref: { id?: string; name?: string },
): ProjectRecord | undefined {
  return projectsOf(state, domainId).find((p) =>
    ref.id !== undefined ? p.id === ref.id : p.name === ref.name,
  );
}

/** One page of `GET /v3/projects`; the route renders it (views and page links are HTTP work). */
export interface ProjectPage {
  projects: ProjectRecord[];
  /** The page before and after this one, when `page`/`per_page` were given and they exist. */
  previous: number | null;
  next: number | null;
}

/**
 * `GET /v3/projects`: the caller's account only; filters combine with AND. A `domain_id` of
 * another account matches nothing rather than failing, so account boundaries do not leak.
 */
export function listProjects(
  state: TenantDoc,
  filters: ListProjectsQuery,
  ctx: CallerContext,
): ProjectPage {
  const all = projectsOf(state, ctx.caller.domain_id).filter(
    (p) =>
      (filters.domain_id === undefined || p.domain_id === filters.domain_id) &&
      (filters.name === undefined || p.name === filters.name) &&
      (filters.parent_id === undefined || p.parent_id === filters.parent_id) &&
      (filters.enabled === undefined || p.enabled === filters.enabled) &&
      filters.is_domain !== true,
  );
  const { page, per_page: perPage } = filters;
  const start = page !== undefined && perPage !== undefined ? (page - 1) * perPage : 0;
  const hasNext = perPage !== undefined && start + perPage < all.length;
  return {
    projects: perPage !== undefined ? all.slice(start, start + perPage) : all,
    previous: page !== undefined && page > 1 ? page - 1 : null,
    next: hasNext && page !== undefined ? page + 1 : null,
  };
}
