import { CONSOLE_HOSTS } from '@iam-testbed/shared';
import { myCredentialsUrl } from '../lib/console/console-url';
import type { LastRead } from '../lib/last-read/last-read-store';
import type { UiLocale } from '../lib/options/options';
import type { CredentialsView } from '../lib/popup/credentials-view';
import { usePopup } from './context';
import { ExportButtons } from './ExportButtons';
import { IdentityCard } from './IdentityCard';
import { ProjectList } from './ProjectList';

function Credentials({ data, locale, currentRegion }: { data: Pick<LastRead, 'identity' | 'projects'>; locale: UiLocale; currentRegion?: string }) {
  return (
    <>
      <IdentityCard identity={data.identity} />
      {data.projects.length > 0 && <ProjectList projects={data.projects} locale={locale} {...(currentRegion ? { currentRegion } : {})} />}
      <ExportButtons data={{ identity: data.identity, projects: data.projects, ...(currentRegion ? { currentRegion } : {}) }} />
    </>
  );
}

function OpenButtons({ view }: { view: Extract<CredentialsView, { kind: 'elsewhere' }> }) {
  const { api, t } = usePopup();
  const open = (origin: string) => void api.openUrl(view.tabId, myCredentialsUrl(origin, { ...(view.page?.region ? { region: view.page.region } : {}), ...(view.page?.locale ? { locale: view.page.locale } : {}) }));
  if (view.page) {
    return (
      <button type="button" onClick={() => open(view.page!.origin)}>
        {t('openMyCredentials')}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('openMyCredentials')}>
      {Object.values(CONSOLE_HOSTS).map((host) => (
        <button type="button" key={host} onClick={() => open(`https://${host}`)}>
          {t('openOn', { host })}
        </button>
      ))}
    </div>
  );
}

/** Identity and projects of the page, or how to get there and what was read last. */
export function CredentialsPanel({ view, locale }: { view: CredentialsView | undefined; locale: UiLocale }) {
  const { t } = usePopup();
  if (!view) return <p role="status">{t('reading')}</p>;
  if (view.kind === 'page') {
    const { result, page, earlier } = view;
    const complete = result.status === 'complete';
    return (
      <div>
        {result.message && (
          <p role={complete ? 'note' : 'alert'} class={complete ? 'hint' : 'error'}>
            {!complete && <strong>{t('readFailed')}: </strong>}
            {result.message}
          </p>
        )}
        {!result.projectsListed && <p class="hint">{t('noProjectsListed')}</p>}
        <Credentials data={{ identity: result.identity, projects: result.projects.length > 0 ? result.projects : (earlier?.projects ?? []) }} locale={locale} {...(page.region ? { currentRegion: page.region } : {})} />
      </div>
    );
  }
  const last = view.lastRead;
  return (
    <div>
      <p>{t('notOnPage')}</p>
      <OpenButtons view={view} />
      {last ? (
        <section aria-labelledby="last-read-title">
          <h2 id="last-read-title">{t('lastRead', { when: new Date(last.readAt).toLocaleString(locale), origin: last.origin })}</h2>
          <Credentials data={last} locale={locale} {...(view.page?.region ? { currentRegion: view.page.region } : {})} />
        </section>
      ) : (
        <p class="hint">{t('nothingReadYet')}</p>
      )}
    </div>
  );
}
