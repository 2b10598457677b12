/**
 * @module wire/projects
 * Projects, auth-projects, auth-domains and regions (docs/reference/huawei-iam-api.md §4).
 */

export interface Links {
  self: string;
  previous?: string | null;
  next?: string | null;
}

export interface Project {
  id: string;
  name: string;
  description: string;
  domain_id: string;
  /** the domain ID for a region's default project; the region project's ID for a sub-project */
  parent_id: string;
  enabled: boolean;
  is_domain: boolean;
  links: Links;
}

/** `GET /v3/projects?domain_id=&name=&parent_id=&enabled=&is_domain=&page=&per_page=` */
export interface ListProjectsQuery {
  domain_id?: string;
  name?: string;
  parent_id?: string;
  enabled?: boolean;
  is_domain?: boolean;
  page?: number;
  per_page?: number;
}

export interface ListProjectsResponse {
  links: Links;
  projects: Project[];
}

/** `GET /v3/auth/projects` */
export type ListAuthProjectsResponse = ListProjectsResponse;

export interface Domain {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  links: Links;
}

/** `GET /v3/auth/domains`; the SDK reads only `domains[0].id` and fails on an empty list. */
export interface ListAuthDomainsResponse {
  domains: Domain[];
  links: Links;
}

export interface RegionLocales {
  'zh-cn'?: string;
  'en-us'?: string;
  'pt-br'?: string;
  'es-us'?: string;
  'es-es'?: string;
}

export interface WireRegion {
  id: string;
  /** `'public'` for every region Huawei Cloud lists today; other values are passed through as sent. */
  type: 'public' | (string & {});
  description: string;
  parent_region_id: string | null;
  locales: RegionLocales;
  links: Links;
}

/** `GET /v3/regions` */
export interface ListRegionsResponse {
  regions: WireRegion[];
  links: Links;
}
