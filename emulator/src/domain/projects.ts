/**
 * @module domain/projects
 * Projects: one per region, named after the region ID, whose parent is the account; and
 * sub-projects named `<region>_<name>` under a region project (huawei-iam-api.md §4.1).
 * ⚠ UNCONFIRMED: the OBS default project `MOS` is not created.
 */
import { newHex32Id } from '@iam-testbed/shared';
import type { CallerContext, DomainContext } from './context.js';
import type { ProjectRecord, StateDoc } from './state.js';

export function createRegionProject(state: StateDoc, domainId: string, region: string, ctx: DomainContext): ProjectRecord {
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

/** `name` must already carry the `<region>_` prefix (checked by the caller's schema). */
export function createSubProject(state: StateDoc, parent: ProjectRecord, name: string, ctx: DomainContext): ProjectRecord {
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

export function projectsOf(state: StateDoc, domainId: string): ProjectRecord[] {
  return Object.values(state.projects)
    .filter((p) => p.domain_id === domainId)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findProject(state: StateDoc, domainId: string, ref: { id?: string; name?: string }): ProjectRecord | undefined {
  return projectsOf(state, domainId).find((p) => (ref.id !== undefined ? p.id === ref.id : p.name === ref.name));
}

export function projectView(p: ProjectRecord, baseUrl: string) {
  return {
    is_domain: false,
    description: p.description,
    links: { self: `${baseUrl}/v3/projects/${p.id}` },
    enabled: p.enabled,
    id: p.id,
    parent_id: p.parent_id,
    domain_id: p.domain_id,
    name: p.name,
  };
}

export interface ProjectFilters {
  domain_id?: string;
  name?: string;
  parent_id?: string;
  enabled?: boolean;
  is_domain?: boolean;
  page?: number;
  per_page?: number;
}

interface ListLinks {
  /** e.g. `http://127.0.0.1:8790/v3/projects` */
  selfUrl: string;
  /** the query string as received, without `?` */
  rawQuery: string;
}

/**
 * `GET /v3/projects`: the caller's account only; filters combine with AND. A `domain_id` of
 * another account matches nothing rather than failing, so account boundaries do not leak.
 */
export function listProjects(state: StateDoc, filters: ProjectFilters, links: ListLinks, baseUrl: string, ctx: CallerContext) {
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
  const items = perPage !== undefined ? all.slice(start, start + perPage) : all;
  const pageUrl = (n: number) => {
    const q = new URLSearchParams(links.rawQuery);
    q.set('page', String(n));
    return `${links.selfUrl}?${q.toString()}`;
  };
  const hasNext = perPage !== undefined && start + perPage < all.length;
  return {
    links: {
      self: links.rawQuery ? `${links.selfUrl}?${links.rawQuery}` : links.selfUrl,
      previous: page !== undefined && page > 1 ? pageUrl(page - 1) : null,
      next: hasNext && page !== undefined ? pageUrl(page + 1) : null,
    },
    projects: items.map((p) => projectView(p, baseUrl)),
  };
}

/** `GET /v3/auth/projects`: every project of the caller's account. */
export function listAuthProjects(state: StateDoc, baseUrl: string, ctx: CallerContext) {
  return {
    links: { self: `${baseUrl}/v3/auth/projects`, previous: null, next: null },
    projects: projectsOf(state, ctx.caller.domain_id).map((p) => projectView(p, baseUrl)),
  };
}
