/**
 * @module Runs one protected console call from a dialog: collects the verification proof when
 * operation protection requires it, shows what is missing, and keeps the server's refusal in
 * place (a wrong code keeps the dialog open with the reason).
 */
import { useState } from 'preact/hooks';
import type { ProtectionInfo, Verification } from '../../api/contract';
import { useSessionGuard } from '../../app/console-context';
import {
  initialDraft,
  toVerification,
  type VerificationDraft,
} from '../../components/verification-form';
import type { MessageKey } from '../../i18n/i18n';

export interface ProtectedCall {
  draft: VerificationDraft;
  setDraft: (draft: VerificationDraft) => void;
  missing: MessageKey | undefined;
  error: unknown;
  busy: boolean;
  /** Runs `call` with the proof (undefined when protection is off). */
  submit: (withProof: boolean) => Promise<void>;
}

export function useProtectedCall(
  protection: ProtectionInfo,
  call: (verification?: Verification) => Promise<void>,
): ProtectedCall {
  const guard = useSessionGuard();
  const [draft, setDraft] = useState(() => initialDraft(protection.options));
  const [missing, setMissing] = useState<MessageKey | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (withProof: boolean) => {
    let verification: Verification | undefined;
    if (withProof) {
      const proof = toVerification(draft);
      if (typeof proof === 'string') {
        setMissing(proof);
        return;
      }
      verification = proof;
    }
    setMissing(undefined);
    setError(null);
    setBusy(true);
    try {
      await call(verification);
    } catch (e) {
      setError(guard(e));
    } finally {
      setBusy(false);
    }
  };

  return { draft, setDraft, missing, error, busy, submit };
}
