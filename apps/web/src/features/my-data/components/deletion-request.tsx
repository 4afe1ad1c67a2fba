import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../lib/use-content-language';
import { useBusyAction } from '../../../lib/use-busy-action';
import { cancelDeletion, type DeletionStatus, requestDeletion } from '../api/my-data-api';

/** The right to cancellation: ask for the account to be deleted (an administrator confirms), choosing what happens to certificates. */
export function DeletionRequest({ requests, onChange }: { requests: DeletionStatus[]; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState<'keep' | 'revoke'>('keep');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useBusyAction();
  const pending = requests.find((r) => r.status === 'pending');

  const act = (work: () => Promise<unknown>) => run(async () => {
    await work();
    setConfirming(false);
    onChange();
  });

  return (
    <section aria-labelledby="deletion-title">
      <h2 id="deletion-title">{t('myData.deletion.title')}</h2>
      <p>{t('myData.deletion.intro')}</p>
      {pending ? (
        <>
          <p role="status" className="verdict-box">
            {t('myData.deletion.pending', { date: formatDate(pending.requestedAt, i18n.language), choice: t(`myData.deletion.choice.${pending.certificateChoice}`) })}
          </p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void act(cancelDeletion)}>{t('myData.deletion.cancel')}</button>
        </>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); setConfirming(true); }}>
          <fieldset>
            <legend>{t('myData.deletion.certificates')}</legend>
            {(['keep', 'revoke'] as const).map((c) => (
              <label key={c} className="choice">
                <input type="radio" name="certificate-choice" value={c} checked={choice === c} onChange={() => setChoice(c)} />
                {t(`myData.deletion.choice.${c}`)}
              </label>
            ))}
          </fieldset>
          {confirming ? (
            <div role="group" aria-label={t('myData.deletion.confirmQuestion')}>
              <p>{t('myData.deletion.confirmQuestion')}</p>
              <button type="button" className="button--danger" disabled={busy} onClick={() => void act(() => requestDeletion(choice))}>{t('myData.deletion.confirm')}</button>{' '}
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t('myData.deletion.back')}</button>
            </div>
          ) : (
            <button type="submit" className="secondary">{t('myData.deletion.request')}</button>
          )}
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
