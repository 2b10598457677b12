import type { Identity, IdentityField } from '../lib/scraper/types';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';

const ROWS: IdentityField[] = ['accountName', 'accountId', 'userName', 'userId'];
const IDS = new Set<IdentityField>(['accountId', 'userId']);

/** Label above value (IDs in monospace on one line), copy button at the row's end. */
export function IdentityCard({ identity }: { identity: Identity }) {
  const { t } = usePopup();
  return (
    <section class="card" aria-labelledby="identity-title">
      <div class="card-head">
        <h2 id="identity-title">{t('identity')}</h2>
      </div>
      <dl class="identity rows">
        {ROWS.filter((f) => identity[f] !== undefined).map((field) => (
          <div class="field row" key={field}>
            <dt class="row-label">{t(field)}</dt>
            <dd class="row-value">
              <code class={IDS.has(field) ? 'value mono' : 'value text'} title={identity[field]}>
                {identity[field]}
              </code>
              <CopyButton text={identity[field] ?? ''} what={t(field)} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
