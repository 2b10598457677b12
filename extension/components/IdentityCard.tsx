import type { Identity, IdentityField } from '../lib/scraper/types';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';

const ROWS: IdentityField[] = ['accountName', 'accountId', 'userName', 'userId'];

export function IdentityCard({ identity }: { identity: Identity }) {
  const { t } = usePopup();
  return (
    <section aria-labelledby="identity-title">
      <h2 id="identity-title">{t('identity')}</h2>
      <dl class="identity">
        {ROWS.filter((f) => identity[f] !== undefined).map((field) => (
          <div class="field" key={field}>
            <dt>{t(field)}</dt>
            <dd>
              <code>{identity[field]}</code>
              <CopyButton text={identity[field] ?? ''} what={t(field)} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
