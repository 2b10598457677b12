import { useState } from 'preact/hooks';
import { groupProjects } from '../lib/popup/group-projects';
import type { ScrapedProject } from '../lib/scraper/types';
import type { UiLocale } from '../lib/options/options';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';
import { SearchIcon } from './icons';

interface Props {
  projects: ScrapedProject[];
  currentRegion?: string;
  locale: UiLocale;
}

/** Projects grouped by region (current region first) with a filter box and a copy button per ID. */
export function ProjectList({ projects, currentRegion, locale }: Props) {
  const { t } = usePopup();
  const [filter, setFilter] = useState('');
  const groups = groupProjects(projects, currentRegion, locale, filter);
  return (
    <section class="card" aria-labelledby="projects-title">
      <div class="card-head">
        <h2 id="projects-title">{t('projects')}</h2>
        <span class="count" aria-hidden="true">
          {projects.length}
        </span>
      </div>
      <div class="card-body">
        <div class="search">
          <SearchIcon />
          <input
            type="search"
            aria-label={t('filterProjects')}
            placeholder={t('filterProjects')}
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </div>
        {groups.length === 0 && <p class="empty-line">{t('noProjectsMatch')}</p>}
      </div>
      {groups.map((g) => (
        <section
          key={g.region}
          class={g.current ? 'region current' : 'region'}
          aria-label={`${g.regionName} (${g.region})`}
        >
          <h3 class="region-head">
            <span class="region-name">{g.regionName}</span>{' '}
            <small class="region-id">{g.region}</small>{' '}
            {g.current && <span class="badge">{t('currentRegion')}</span>}
          </h3>
          <ul class="rows">
            {g.projects.map((p) => (
              <li key={p.id} class={p.subProject ? 'row project sub' : 'row project'}>
                {/* A region's default project is named after the region, which the heading shows. */}
                <div class={p.name === g.region ? 'row-label sr-only' : 'row-label'}>
                  <span class="name">{p.name}</span>{' '}
                  {p.subProject && <small class="chip">{t('subProject')}</small>}
                </div>
                <div class="row-value">
                  <code class="value mono">{p.id}</code>
                  <CopyButton text={p.id} what={t('projectIdOf', { name: p.name })} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="hint card-foot">{t('projectsMayBeIncomplete')}</p>
    </section>
  );
}
