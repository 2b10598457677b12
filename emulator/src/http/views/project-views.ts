/**
 * @module http/views/project-views
 * Projects as the Keystone API shows them (docs/reference/huawei-iam-api.md §4.1, §4.2): each with its
 * `links.self`, and lists with `self`/`previous`/`next` page links built from the URL the client
 * called. Filtering and paging are the domain's (domain/projects.ts).
 *
 * Why wire views live here, in the HTTP adapter, and not in the domain: a view is the Huawei body
 * of one API (field names, Keystone's microsecond times or v5's, links built from the URL the
 * client called), so it changes with the API, never with a rule. The domain returns records and
 * owns the rules a view shows (the 15-minute last-use rule, who is an administrator); routes and
 * the console's rows call the same views, so a field reads the same everywhere
 * (docs/architecture.md, "Domain").
 */
import type { ListProjectsResponse, Project } from '@iam-testbed/shared';
import type { ProjectPage } from '../../domain/projects.js';
import type { ProjectRecord } from '../../domain/state.js';
import type { ApiRequest } from '../api.js';

export function projectView(p: ProjectRecord, baseUrl: string): Project {
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

/** `GET /v3/projects`: page links keep the client's query and change only `page`. */
export function projectListView(page: ProjectPage, req: ApiRequest): ListProjectsResponse {
  const selfUrl = `${req.baseUrl}/v3/projects`;
  const pageUrl = (n: number | null) => {
    if (n === null) return null;
    const q = new URLSearchParams(req.rawQuery);
    q.set('page', String(n));
    return `${selfUrl}?${q.toString()}`;
  };
  return {
    links: {
      self: req.rawQuery ? `${selfUrl}?${req.rawQuery}` : selfUrl,
      previous: pageUrl(page.previous),
      next: pageUrl(page.next),
    },
    projects: page.projects.map((p) => projectView(p, req.baseUrl)),
  };
}

/** `GET /v3/auth/projects`: every project of the caller's account, on one page. */
export function authProjectListView(
  projects: readonly ProjectRecord[],
  baseUrl: string,
): ListProjectsResponse {
  return {
    links: { self: `${baseUrl}/v3/auth/projects`, previous: null, next: null },
    projects: projects.map((p) => projectView(p, baseUrl)),
  };
}
