import { keyEnvLines, keyJson, kooCliCommand } from '../lib/export/key-export';
import type { HeldKey } from '../lib/keys/held-key';
import { formatRemaining } from '../lib/popup/countdown';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';
import { ClockIcon, TrashIcon } from './icons';
import { SecretText } from './SecretText';

interface Props {
  heldKey: HeldKey;
  now: number;
  region?: string;
  onDelete: (access: string) => void;
}

export const KOOCLI_PROFILE = 'iam-testbed-temp';

/** Under five minutes left, the countdown turns amber. */
const SOON_MS = 5 * 60 * 1000;

/** One held temporary key: AK, masked SK and token, live countdown, copy formats, delete. */
export function KeyCard({ heldKey: key, now, region, onDelete }: Props) {
  const { t } = usePopup();
  const left = key.expiresAt - now;
  const lifetime = Math.max(1, key.expiresAt - key.obtainedAt);
  const state = left <= 0 ? 'expired' : left <= SOON_MS ? 'soon' : 'ok';
  return (
    <article class="key" aria-label={`${t('temporaryKeys')} ${key.access}`}>
      <div class="key-head">
        <p role="timer" class={`countdown countdown-${state}`}>
          <ClockIcon />
          {left > 0 ? t('expiresIn', { time: formatRemaining(left) }) : t('expired')}
        </p>
        <span class="key-source" title={key.endpoint}>
          {key.source === 'page' ? t('fromPage') : t('fromMint', { endpoint: key.endpoint ?? '' })}
        </span>
      </div>
      <progress
        class={`ttl ttl-${state}`}
        max={lifetime}
        value={Math.max(0, left)}
        aria-hidden="true"
      />
      <div class="rows">
        <div class="field row">
          <span class="label row-label">{t('ak')}</span>
          <div class="row-value">
            <code class="value mono">{key.access}</code>
            <CopyButton text={key.access} what={t('ak')} />
          </div>
        </div>
        <SecretText label={t('sk')} value={key.secret} />
        <SecretText label={t('securityToken')} value={key.securityToken} />
      </div>
      {!key.expiryKnown && <p class="hint">{t('expiryAssumed')}</p>}
      <div class="key-foot">
        <div class="exports" role="group" aria-label={t('copyAs')}>
          <span class="toolbar-label" aria-hidden="true">
            {t('copyAs')}
          </span>
          <CopyButton
            text={keyEnvLines(key)}
            what={t('copyEnv')}
            label={t('envVarsShort')}
            secret
          />
          <CopyButton text={keyJson(key)} what={t('copyJson')} label="JSON" secret />
          <CopyButton
            text={kooCliCommand(key, KOOCLI_PROFILE, region)}
            what={t('copyKooCli')}
            label="KooCLI"
            secret
          />
        </div>
        <button type="button" class="btn btn-sm btn-danger" onClick={() => onDelete(key.access)}>
          <TrashIcon />
          {t('deleteKey')}
        </button>
      </div>
    </article>
  );
}
