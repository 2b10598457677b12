/**
 * @module popup/group-projects
 * Projects grouped by region for display: the console's current region first, then regions in
 * the order the page listed them; default project before its sub-projects. The filter matches
 * region ID, region name, project name or project ID.
 */
import { regionById, type Locale } from '@iam-testbed/shared';
import type { ScrapedProject } from '../scraper/types';

export interface RegionGroup {
  region: string;
  /** catalogue name in the UI locale, else what the page showed, else the ID */
  regionName: string;
  current: boolean;
  projects: ScrapedProject[];
}

function nameOf(region: string, projects: ScrapedProject[], locale: Locale): string {
  return (
    regionById(region)?.name[locale] ?? projects.find((p) => p.regionName)?.regionName ?? region
  );
}

export function groupProjects(
  projects: ScrapedProject[],
  currentRegion: string | undefined,
  locale: Locale,
  filter = '',
): RegionGroup[] {
  const needle = filter.trim().toLowerCase();
  const byRegion = new Map<string, ScrapedProject[]>();
  for (const p of projects) byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), p]);
  const groups: RegionGroup[] = [];
  for (const [region, list] of byRegion) {
    const regionName = nameOf(region, list, locale);
    const matches =
      needle === ''
        ? list
        : list.filter((p) =>
            [region, regionName, p.name, p.id, p.regionName ?? ''].some((s) =>
              s.toLowerCase().includes(needle),
            ),
          );
    if (matches.length === 0) continue;
    const sorted = [...matches].sort((a, b) => Number(a.subProject) - Number(b.subProject));
    groups.push({ region, regionName, current: region === currentRegion, projects: sorted });
  }
  return groups.sort((a, b) => Number(b.current) - Number(a.current));
}
