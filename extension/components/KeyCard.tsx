import { keyEnvLines, keyJson, kooCliCommand } from '../lib/export/key-export';
import type { HeldKey } from '../lib/keys/held-key';
import { formatRemaining } from '../lib/popup/countdown';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';
import { SecretText } from './SecretText';

interface Props {
  heldKey: HeldKey;
  now: number;
  region?: string;
  onDelete: (access: string) => void;
}

export const KOOCLI_PROFILE = 'iam-testbed-temp';

/** One held temporary key: AK, masked SK and token, live countdown, copy formats, delete. */
export function KeyCard({ heldKey: key, now, region, onDelete }: Props) {
  const { t } = usePopup();
  const left = key.expiresAt - now;
  return (
    <article class="key" aria-label={`${t('temporaryKeys')} ${key.access}`}>
      <div class="field">
        <span class="label">{t('ak')}</span>
        <code class="value">{key.access}</code>
        <CopyButton text={key.access} what={t('ak')} />
      </div>
      <SecretText label={t('sk')} value={key.secret} />
      <SecretText label={t('securityToken')} value={key.securityToken} />
      <p role="timer" class={left <= 0 ? 'error' : ''}>
        {left > 0 ? t('expiresIn', { time: formatRemaining(left) }) : t('expired')}
        {' · '}
        {key.source === 'page' ? t('fromPage') : t('fromMint', { endpoint: key.endpoint ?? '' })}
      </p>
      {!key.expiryKnown && <p class="hint">{t('expiryAssumed')}</p>}
      <div class="exports">
        <CopyButton text={keyEnvLines(key)} what={t('copyEnv')} label={t('copyEnv')} secret />
        <CopyButton text={keyJson(key)} what={t('copyJson')} label={t('copyJson')} secret />
        <CopyButton text={kooCliCommand(key, KOOCLI_PROFILE, region)} what={t('copyKooCli')} label={t('copyKooCli')} secret />
      </div>
      <button type="button" class="danger" onClick={() => onDelete(key.access)}>
        {t('deleteKey')}
      </button>
    </article>
  );
}
