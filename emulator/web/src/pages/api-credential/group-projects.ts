/**
 * @module Groups the Projects table by region, as the real page does: one group per region, its
 * default project (named after the region ID) first, sub-projects (`<region>_<name>`) under it
 * (docs/reference/console-and-extension.md §2.3). The console's current region comes first.
 */
import type { ConsoleLocale, ProjectRow, RegionRef } from '../../api/contract';

export interface RegionGroup {
  region: RegionRef;
  /** The region's default project; undefined if the account only has sub-projects there. */
  main?: ProjectRow;
  subProjects: ProjectRow[];
}

export function groupByRegion(
  projects: readonly ProjectRow[],
  currentRegion?: string,
): RegionGroup[] {
  const groups = new Map<string, RegionGroup>();
  for (const project of projects) {
    const group = groups.get(project.region.id) ?? { region: project.region, subProjects: [] };
    groups.set(project.region.id, group);
    if (project.parent_id === null && !group.main) group.main = project;
    else group.subProjects.push(project);
  }
  const list = [...groups.values()];
  const current = list.findIndex((g) => g.region.id === currentRegion);
  if (current > 0) list.unshift(...list.splice(current, 1));
  return list;
}

function matches(project: ProjectRow, needle: string, locale: ConsoleLocale): boolean {
  return [project.id, project.name, project.region.id, project.region.name[locale]].some((s) =>
    s.toLowerCase().includes(needle),
  );
}

/**
 * Keeps the projects that match `query` (ID, name, region ID or region name, case-insensitive);
 * a group stays when any of its projects matches, with only the matching sub-projects.
 */
export function filterGroups(
  groups: readonly RegionGroup[],
  query: string,
  locale: ConsoleLocale,
): RegionGroup[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...groups];
  const out: RegionGroup[] = [];
  for (const group of groups) {
    const regionHit = [group.region.id, group.region.name[locale]].some((s) =>
      s.toLowerCase().includes(needle),
    );
    const subProjects = regionHit
      ? group.subProjects
      : group.subProjects.filter((p) => matches(p, needle, locale));
    const mainHit = group.main !== undefined && matches(group.main, needle, locale);
    if (regionHit || mainHit || subProjects.length > 0) {
      out.push({ region: group.region, ...(group.main ? { main: group.main } : {}), subProjects });
    }
  }
  return out;
}
