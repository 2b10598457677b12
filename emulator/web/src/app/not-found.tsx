import { PageHeader } from '../components/page-header';
import { useI18n } from '../i18n/i18n';
import { DEFAULT_ROUTE, routeHash } from '../lib/url';

export function NotFoundPage({ route }: { route: string }) {
  const { t } = useI18n();
  return (
    <section class="page" aria-labelledby="page-title">
      <PageHeader title={t('notFound.title')} intro={t('notFound.body', { route })} />
      <a class="button button-secondary" href={routeHash(DEFAULT_ROUTE)}>
        {t('notFound.back')}
      </a>
    </section>
  );
}
