import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n';

/**
 * A button that asks before acting: pressing it shows the consequence and Confirm / Cancel in place, with focus on
 * Cancel (the safe choice). Escape cancels and focus returns to the first button.
 */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, busy = false, danger = false }: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => unknown;
  busy?: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return <button ref={trigger} type="button" className={danger ? 'button button--danger' : 'button'} onClick={() => setAsking(true)} disabled={busy}>{label}</button>;
  }
  return (
    <div className="confirm" role="group" aria-labelledby={questionId} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <p id={questionId} className="confirm__question">{question}</p>
      <div className="button-row">
        <button type="button" className={danger ? 'button button--danger' : 'button button--primary'} disabled={busy}
          onClick={async () => {
            await onConfirm();
            setAsking(false);
          }}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button" onClick={() => setAsking(false)}>{t('trainer.cancel')}</button>
      </div>
    </div>
  );
}
