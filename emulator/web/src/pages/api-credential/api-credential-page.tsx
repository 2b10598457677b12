/**
 * `#/mine/apiCredential`: IAM user name and ID, account name and ID, and the Projects table.
 * Rendered after the data arrives (the real page is an asynchronous single-page app too).
 */
import { useMemo, useState } from 'preact/hooks';
import type { ApiCredentialInfo } from '../../api/contract';
import { useConsole } from '../../app/console-context';
import { ErrorAlert } from '../../components/error-alert';
import { IdField } from '../../components/id-field';
import { SearchIcon } from '../../components/icons';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/use-load';
import { filterGroups, groupByRegion } from './group-projects';
import { ProjectsTable } from './projects-table';

export function ApiCredentialPage() {
  const { t } = useI18n();
  const { api } = useConsole();
  const [state, reload] = useLoad(() => api.apiCredential());
  return (
    <section class="page" aria-labelledby="page-title">
      <PageHeader title={t('apiCredential.title')} intro={t('apiCredential.intro')} />
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? <Credentials info={state.data} /> : null}
    </section>
  );
}

function Credentials({ info }: { info: ApiCredentialInfo }) {
  const { t } = useI18n();
  return (
    <>
      <div class="card">
        <dl class="field-grid" aria-label={t('apiCredential.identity')}>
          <IdField label={t('field.iamUserName')} value={info.user.name} copy />
          <IdField label={t('field.iamUserId')} value={info.user.id} copy mono />
          <IdField label={t('field.accountName')} value={info.domain.name} copy />
          <IdField label={t('field.accountId')} value={info.domain.id} copy mono />
        </dl>
      </div>
      <Projects info={info} />
    </>
  );
}

function Projects({ info }: { info: ApiCredentialInfo }) {
  const { t, locale } = useI18n();
  const { query: consoleQuery } = useConsole();
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () => groupByRegion(info.projects, consoleQuery.region),
    [info, consoleQuery.region],
  );
  const shown = useMemo(() => filterGroups(groups, query, locale), [groups, query, locale]);
  const openRegions = useMemo(
    () =>
      new Set(
        query.trim()
          ? shown.map((g) => g.region.id)
          : consoleQuery.region
            ? [consoleQuery.region]
            : [],
      ),
    [shown, query, consoleQuery.region],
  );

  return (
    <div class="card">
      <div class="card-header">
        <h2>{t('projects.title')}</h2>
        <p class="muted">
          {t('projects.summary', { projects: info.projects.length, regions: groups.length })}
        </p>
      </div>
      <div class="search">
        <label for="project-search" class="visually-hidden">
          {t('projects.search')}
        </label>
        <SearchIcon />
        <input
          id="project-search"
          type="search"
          value={query}
          placeholder={t('projects.searchPlaceholder')}
          onInput={(e) => setQuery(e.currentTarget.value)}
          autocomplete="off"
        />
      </div>
      {groups.length === 0 ? <p class="empty">{t('projects.none')}</p> : null}
      {groups.length > 0 && shown.length === 0 ? (
        <p class="empty">{t('projects.noMatch', { query })}</p>
      ) : null}
      {shown.length > 0 ? <ProjectsTable groups={shown} openRegions={openRegions} /> : null}
      <p class="hint">{t('projects.hint')}</p>
    </div>
  );
}
