import { CONSOLE_HOSTS } from '@iam-testbed/shared';
import { myCredentialsUrl } from '../lib/console/console-url';
import type { MessageKey } from '../lib/i18n/i18n';
import type { LastRead } from '../lib/last-read/last-read-store';
import type { UiLocale } from '../lib/options/options';
import type { CredentialsView, ElsewhereReason } from '../lib/popup/credentials-view';
import { usePopup } from './context';
import { ExportButtons } from './ExportButtons';
import { IdentityCard } from './IdentityCard';
import { InfoIcon, OpenIcon } from './icons';
import { ProjectList } from './ProjectList';

function Credentials({
  data,
  locale,
  currentRegion,
}: {
  data: Pick<LastRead, 'identity' | 'projects'>;
  locale: UiLocale;
  currentRegion?: string;
}) {
  return (
    <>
      <IdentityCard identity={data.identity} />
      {data.projects.length > 0 && (
        <ProjectList
          projects={data.projects}
          locale={locale}
          {...(currentRegion ? { currentRegion } : {})}
        />
      )}
      <ExportButtons
        data={{
          identity: data.identity,
          projects: data.projects,
          ...(currentRegion ? { currentRegion } : {}),
        }}
      />
    </>
  );
}

function OpenButtons({ view }: { view: Extract<CredentialsView, { kind: 'elsewhere' }> }) {
  const { api, t } = usePopup();
  const open = (origin: string) =>
    void api.openUrl(
      view.tabId,
      myCredentialsUrl(origin, {
        ...(view.page?.region ? { region: view.page.region } : {}),
        ...(view.page?.locale ? { locale: view.page.locale } : {}),
      }),
    );
  if (view.page) {
    return (
      <button type="button" class="btn btn-primary" onClick={() => open(view.page!.origin)}>
        <OpenIcon />
        {t('openMyCredentials')}
      </button>
    );
  }
  return (
    <div class="open-list" role="group" aria-label={t('openMyCredentials')}>
      {Object.values(CONSOLE_HOSTS).map((host) => (
        <button type="button" class="btn" key={host} onClick={() => open(`https://${host}`)}>
          <OpenIcon />
          {t('openOn', { host })}
        </button>
      ))}
    </div>
  );
}

/** What the tab is, when its IDs are not shown: other tabs of My Credentials are not "elsewhere". */
const ELSEWHERE_MESSAGE: Record<ElsewhereReason, MessageKey> = {
  'other-page': 'notOnPage',
  'credentials-tab': 'onOtherCredentialsTab',
  'not-read': 'pageNotRead',
};

/** Identity and projects of the page, or how to get there and what was read last. */
export function CredentialsPanel({
  view,
  locale,
}: {
  view: CredentialsView | undefined;
  locale: UiLocale;
}) {
  const { t } = usePopup();
  // A direct child of <main>: e2e/src/popup.ts waits for it to go before reading the popup.
  if (!view)
    return (
      <p role="status" class="loading">
        {t('reading')}
      </p>
    );
  if (view.kind === 'page') {
    const { result, page, earlier } = view;
    const complete = result.status === 'complete';
    return (
      <>
        {result.message && (
          <p
            role={complete ? 'note' : 'alert'}
            class={complete ? 'callout' : 'callout callout-error'}
          >
            {!complete && <strong>{t('readFailed')}: </strong>}
            {result.message}
          </p>
        )}
        {!result.projectsListed && <p class="callout">{t('noProjectsListed')}</p>}
        <Credentials
          data={{
            identity: result.identity,
            projects: result.projects.length > 0 ? result.projects : (earlier?.projects ?? []),
          }}
          locale={locale}
          {...(page.region ? { currentRegion: page.region } : {})}
        />
      </>
    );
  }
  const last = view.lastRead;
  return (
    <>
      <section class="card empty-state">
        <span class="empty-icon">
          <InfoIcon />
        </span>
        <p>{t(ELSEWHERE_MESSAGE[view.reason])}</p>
        <OpenButtons view={view} />
        {!last && <p class="hint">{t('nothingReadYet')}</p>}
      </section>
      {last && (
        <section class="stack" aria-labelledby="last-read-title">
          <h2 id="last-read-title" class="stack-title">
            {t('lastRead', {
              when: new Date(last.readAt).toLocaleString(locale),
              origin: last.origin,
            })}
          </h2>
          <Credentials
            data={last}
            locale={locale}
            {...(view.page?.region ? { currentRegion: view.page.region } : {})}
          />
        </section>
      )}
    </>
  );
}
