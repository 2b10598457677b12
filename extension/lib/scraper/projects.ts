/**
 * @module scraper/projects
 * Projects from the old "API Credentials" page: rows grouped by region, sub-projects under their
 * region (docs/reference/console-and-extension.md §2.3). A row is the smallest element holding exactly one
 * 32-hex project ID and a project name shaped like a region ID (`cn-north-4`) or a sub-project
 * (`cn-north-4_dev`), because the project name "indicates the ID of the region". This works for
 * tables, grids of divs and definition lists alike, and for collapsed groups that are in the DOM
 * but hidden. ⚠ Groups that the console does not render until expanded cannot be read.
 */
import { HEX32_RE, parseProjectName } from '@iam-testbed/shared';
import { PROJECT_LABELS } from './labels';
import { leavesOf, within, type Leaf } from './leaves';
import { labelKey, textOf } from './text';
import type { ScrapedProject } from './types';

const REGION_LABEL_KEYS = new Set(
  ['region', 'regionname', '区域', '所属区域', '区域名称'].map(labelKey),
);
const PROJECT_LABEL_KEYS = new Set(
  [...PROJECT_LABELS['en-us'], ...PROJECT_LABELS['zh-cn']].map(labelKey),
);

function findRow(
  idLeaf: Leaf,
  idLeaves: Leaf[],
  nameLeaves: Leaf[],
  stop: Element,
): Element | undefined {
  for (let el = idLeaf.el.parentElement; el && el !== stop; el = el.parentElement) {
    if (within(el, idLeaves).length > 1) return undefined;
    if (within(el, nameLeaves).length > 0) return el;
  }
  return undefined;
}

/** The region shown in the row: a "Region" column of a table, or a "Region" label in the row. */
function regionNameIn(row: Element, exclude: Set<string>): string | undefined {
  const table = row.closest('table, [role="table"], [role="grid"], [role="treegrid"]');
  const cells = Array.from(row.children);
  if (table) {
    const headings = Array.from(table.querySelectorAll('th, [role="columnheader"]'));
    const heading = headings.find((h) => REGION_LABEL_KEYS.has(labelKey(textOf(h))));
    const column = heading
      ? Array.from(heading.parentElement?.children ?? []).indexOf(heading)
      : -1;
    const text = column >= 0 && cells[column] ? textOf(cells[column]) : '';
    if (text && !exclude.has(text)) return text;
  }
  for (const el of Array.from(row.querySelectorAll('*'))) {
    if (!REGION_LABEL_KEYS.has(labelKey(textOf(el)))) continue;
    const next = el.nextElementSibling ? textOf(el.nextElementSibling) : '';
    if (next && !exclude.has(next)) return next;
  }
  return undefined;
}

function projectFromRow(row: Element, id: string, nameLeaves: Leaf[]): ScrapedProject | undefined {
  const names = within(row, nameLeaves).map((l) => l.text);
  // A row may show both the region ID and a sub-project name; the sub-project name is the name.
  const name = names.find((n) => parseProjectName(n)?.subProject) ?? names[0];
  const parts = name ? parseProjectName(name) : undefined;
  if (!name || !parts) return undefined;
  const regionName = regionNameIn(row, new Set([id, name, parts.region]));
  return {
    id,
    name,
    region: parts.region,
    subProject: parts.subProject,
    ...(regionName ? { regionName } : {}),
  };
}

export interface ProjectScan {
  projects: ScrapedProject[];
  /** the page shows a projects list (heading or rows) */
  listed: boolean;
}

/** @param exclude identity values (account and user IDs) and the elements that hold them */
export function scanProjects(
  doc: Document,
  exclude: { ids: Set<string>; elements: Element[] },
): ProjectScan {
  const body = doc.body;
  if (!body) return { projects: [], listed: false };
  const leaves = leavesOf(body);
  const idLeaves = leaves.filter(
    (l) =>
      HEX32_RE.test(l.text) &&
      !exclude.ids.has(l.text) &&
      !exclude.elements.some((e) => e.contains(l.el)),
  );
  const nameLeaves = leaves.filter((l) => parseProjectName(l.text) !== undefined);
  const projects = new Map<string, ScrapedProject>();
  for (const leaf of idLeaves) {
    const row = findRow(leaf, idLeaves, nameLeaves, body);
    const project = row ? projectFromRow(row, leaf.text, nameLeaves) : undefined;
    if (project && !projects.has(project.id)) projects.set(project.id, project);
  }
  const headed = leaves.some((l) => PROJECT_LABEL_KEYS.has(labelKey(l.text)));
  return { projects: [...projects.values()], listed: headed || projects.size > 0 };
}
