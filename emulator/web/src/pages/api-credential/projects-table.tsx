/**
 * The Projects table: Project ID, Project Name and Region columns, one `<tbody>` per region.
 * The region row shows the default project; a toggle unfolds the sub-projects. Collapsed rows
 * stay in the DOM with `hidden`, so a scraper reads them without clicking.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ProjectRow } from '../../api/contract';
import { CopyButton } from '../../components/copy-button';
import { ChevronIcon } from '../../components/icons';
import { useI18n } from '../../i18n/i18n';
import type { RegionGroup } from './group-projects';

export interface ProjectsTableProps {
  groups: RegionGroup[];
  /** Regions open from the start (the current region, or every match while searching). */
  openRegions: ReadonlySet<string>;
}

export function ProjectsTable({ groups, openRegions }: ProjectsTableProps) {
  const { t } = useI18n();
  return (
    <div class="table-wrap">
      <table class="table projects-table">
        <thead>
          <tr>
            <th scope="col" class="col-toggle">
              <span class="visually-hidden">{t('projects.toggleColumn')}</span>
            </th>
            <th scope="col">{t('projects.projectId')}</th>
            <th scope="col">{t('projects.projectName')}</th>
            <th scope="col">{t('projects.region')}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <RegionRows
            key={group.region.id}
            group={group}
            startOpen={openRegions.has(group.region.id)}
          />
        ))}
      </table>
    </div>
  );
}

function RegionRows({ group, startOpen }: { group: RegionGroup; startOpen: boolean }) {
  const { t, locale } = useI18n();
  const [isOpen, setOpen] = useState(startOpen);
  // A search that matches inside the group opens it; closing stays the user's choice.
  useEffect(() => {
    if (startOpen) setOpen(true);
  }, [startOpen]);
  const regionName = group.region.name[locale];
  const hasSubs = group.subProjects.length > 0;
  const subIds = group.subProjects.map((p) => `sub-${p.id}`);
  return (
    <tbody class="region-group" data-region={group.region.id}>
      <tr class="region-row">
        <td class="col-toggle">
          {hasSubs ? (
            <button
              type="button"
              class={`icon-button toggle${isOpen ? ' is-open' : ''}`}
              aria-expanded={isOpen}
              aria-controls={subIds.join(' ')}
              aria-label={t(isOpen ? 'projects.collapse' : 'projects.expand', {
                region: regionName,
              })}
              onClick={() => setOpen(!isOpen)}
            >
              <ChevronIcon />
            </button>
          ) : null}
        </td>
        {group.main ? (
          <ProjectCells project={group.main} subCount={group.subProjects.length} />
        ) : (
          <>
            <td class="muted">—</td>
            <td class="muted">—</td>
          </>
        )}
        <td data-label={t('projects.region')}>{regionName}</td>
      </tr>
      {group.subProjects.map((project) => (
        <tr key={project.id} id={`sub-${project.id}`} class="sub-row" hidden={!isOpen}>
          <td class="col-toggle" />
          <ProjectCells project={project} />
          <td data-label={t('projects.region')}>{regionName}</td>
        </tr>
      ))}
    </tbody>
  );
}

/** The Region cell holds the region name only, so readers can take the cell's text as it is. */
function ProjectCells({ project, subCount = 0 }: { project: ProjectRow; subCount?: number }) {
  const { t } = useI18n();
  return (
    <>
      <td data-label={t('projects.projectId')}>
        <span class="id-value">
          <code>{project.id}</code>
          <CopyButton value={project.id} label={`${t('projects.projectId')} ${project.name}`} />
        </span>
      </td>
      <td data-label={t('projects.projectName')}>
        <span>{project.name}</span>
        {subCount > 0 ? (
          <span class="badge badge-count">{t('projects.subCount', { n: subCount })}</span>
        ) : null}
      </td>
    </>
  );
}
