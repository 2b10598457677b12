/**
 * `/authui/login`: IAM-user sign-in (account name, IAM user name, password) and a federated-user
 * entry. On success the browser goes to `service` (same-origin console paths only) or to API
 * Credentials, keeping `region` and `locale`.
 */
import { useState } from 'preact/hooks';
import { useConsole } from '../../app/console-context';
import { Notice } from '../../components/notice';
import { useI18n } from '../../i18n/i18n';
import { safeService } from '../../lib/url';
import { LocaleSelect } from '../../app/locale-select';
import { BrandMark } from '../../app/brand';
import { LoginForm, type LoginField } from './login-form';

type Tab = 'iam' | 'federated';

const IAM_FIELDS: readonly LoginField[] = [
  { name: 'account_name', label: 'login.accountName', type: 'text', autocomplete: 'organization' },
  { name: 'user_name', label: 'login.userName', type: 'text', autocomplete: 'username' },
  { name: 'password', label: 'login.password', type: 'password', autocomplete: 'current-password' },
];

const FEDERATED_FIELDS: readonly LoginField[] = [
  { name: 'account_name', label: 'login.accountName', type: 'text', autocomplete: 'organization' },
  { name: 'user_name', label: 'login.federatedUserName', type: 'text', autocomplete: 'username' },
];

export function LoginPage() {
  const { t } = useI18n();
  const { api, platform, query } = useConsole();
  const [tab, setTab] = useState<Tab>('iam');
  const params = new URLSearchParams(location.search);
  const reason = params.get('reason');
  const target = safeService(params.get('service'), query);

  const go = () => platform.navigate(target);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next: Tab = tab === 'iam' ? 'federated' : 'iam';
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div class="login-screen">
      <main class="login-card" aria-labelledby="login-title">
        <div class="login-top">
          <BrandMark />
          <LocaleSelect />
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <p class="muted">{t('login.subtitle')}</p>
        {reason === 'expired' ? <Notice tone="warning">{t('login.expired')}</Notice> : null}
        {reason === 'signed_out' ? <Notice tone="info">{t('login.signedOut')}</Notice> : null}
        <div class="tabs" role="tablist" aria-label={t('login.type')} onKeyDown={onKeyDown}>
          {(['iam', 'federated'] as const).map((id) => (
            <button
              key={id}
              id={`tab-${id}`}
              type="button"
              role="tab"
              class="tab"
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
            >
              {t(id === 'iam' ? 'login.tabIam' : 'login.tabFederated')}
            </button>
          ))}
        </div>
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'iam' ? (
            <LoginForm
              key="iam"
              id="login"
              fields={IAM_FIELDS}
              hint="login.seedHint"
              onSubmit={async (v) => {
                await api.login({
                  account_name: v.account_name ?? '',
                  user_name: v.user_name ?? '',
                  password: v.password ?? '',
                });
                go();
              }}
            />
          ) : (
            <LoginForm
              key="federated"
              id="federated"
              fields={FEDERATED_FIELDS}
              hint="login.federatedHint"
              onSubmit={async (v) => {
                await api.federatedLogin({
                  account_name: v.account_name ?? '',
                  user_name: v.user_name ?? '',
                });
                go();
              }}
            />
          )}
        </div>
        <p class="emulator-notice">{t('app.emulatorNotice')}</p>
      </main>
    </div>
  );
}
