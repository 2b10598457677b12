import { useState } from 'preact/hooks';
import { groupProjects } from '../lib/popup/group-projects';
import type { ScrapedProject } from '../lib/scraper/types';
import type { UiLocale } from '../lib/options/options';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';

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
    <section aria-labelledby="projects-title">
      <h2 id="projects-title">{t('projects')}</h2>
      <input type="search" aria-label={t('filterProjects')} placeholder={t('filterProjects')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      {groups.length === 0 && <p>{t('noProjectsMatch')}</p>}
      {groups.map((g) => (
        <section key={g.region} class="region" aria-label={`${g.regionName} (${g.region})`}>
          <h3>
            {g.regionName} <small>{g.region}</small> {g.current && <span class="badge">{t('currentRegion')}</span>}
          </h3>
          <ul>
            {g.projects.map((p) => (
              <li key={p.id} class={p.subProject ? 'sub' : ''}>
                <span class="name">{p.name}</span> {p.subProject && <small>{t('subProject')}</small>}
                <code>{p.id}</code>
                <CopyButton text={p.id} what={t('projectIdOf', { name: p.name })} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="hint">{t('projectsMayBeIncomplete')}</p>
    </section>
  );
}
