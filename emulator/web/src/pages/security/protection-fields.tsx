/** The Operation Protection part of Security Settings: on/off, who verifies, where codes go. */
import type { SecuritySettings } from '../../api/contract';
import { useI18n, type MessageKey } from '../../i18n/i18n';

export interface ProtectionFieldsProps {
  draft: SecuritySettings;
  change: (patch: Partial<SecuritySettings>) => void;
  problem: MessageKey | null;
}

export function ProtectionFields({ draft, change, problem }: ProtectionFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('security.protection')}</h2>
      <p class="hint">{t('security.protectionHint')}</p>
      <fieldset class="radio-group radio-inline">
        <legend>{t('security.protection')}</legend>
        <Radio
          name="protection"
          checked={draft.operation_protection}
          label={t('security.enabled')}
          onSelect={() => change({ operation_protection: true })}
        />
        <Radio
          name="protection"
          checked={!draft.operation_protection}
          label={t('security.disabled')}
          onSelect={() => change({ operation_protection: false })}
        />
      </fieldset>
      {draft.operation_protection ? (
        <fieldset class="radio-group">
          <legend>{t('security.verifier')}</legend>
          <Radio
            name="verifier"
            checked={draft.verifier === 'self'}
            label={t('security.self')}
            onSelect={() => change({ verifier: 'self' })}
          />
          <Radio
            name="verifier"
            checked={draft.verifier === 'designated'}
            label={t('security.designated')}
            onSelect={() => change({ verifier: 'designated', scene: draft.scene || 'mobile' })}
          />
        </fieldset>
      ) : null}
      {draft.operation_protection && draft.verifier === 'designated' ? (
        <Designated draft={draft} change={change} problem={problem} />
      ) : null}
    </>
  );
}

function Designated({ draft, change, problem }: ProtectionFieldsProps) {
  const { t } = useI18n();
  const byEmail = draft.scene === 'email';
  return (
    <>
      <fieldset class="radio-group radio-inline">
        <legend>{t('security.scene')}</legend>
        <Radio
          name="scene"
          checked={!byEmail}
          label={t('security.sceneMobile')}
          onSelect={() => change({ scene: 'mobile' })}
        />
        <Radio
          name="scene"
          checked={byEmail}
          label={t('security.sceneEmail')}
          onSelect={() => change({ scene: 'email' })}
        />
      </fieldset>
      <div class="form-field">
        <label for="designated-contact">
          {byEmail ? t('security.email') : t('security.mobile')}
        </label>
        <input
          id="designated-contact"
          type={byEmail ? 'email' : 'tel'}
          autocomplete={byEmail ? 'email' : 'tel'}
          value={byEmail ? draft.email : draft.mobile}
          aria-invalid={problem !== null}
          aria-describedby="designated-contact-hint"
          onInput={(e) => {
            const value = e.currentTarget.value;
            change(byEmail ? { email: value } : { mobile: value });
          }}
        />
        <p id="designated-contact-hint" class={problem ? 'field-error' : 'hint'}>
          {problem ? t(problem) : byEmail ? '' : t('security.mobileHint')}
        </p>
      </div>
    </>
  );
}

function Radio({
  name,
  checked,
  label,
  onSelect,
}: {
  name: string;
  checked: boolean;
  label: string;
  onSelect: () => void;
}) {
  return (
    <label class="radio">
      <input type="radio" name={name} checked={checked} onChange={onSelect} />
      <span>{label}</span>
    </label>
  );
}
