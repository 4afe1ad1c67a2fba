import { useEffect, useState } from 'react';
import { useTranslation } from '../lib/i18n';
import type { OutboxEntry } from '../lib/offline/offline-db';
import { outbox } from '../lib/offline/replay';

/** Like the Moodle app: when the server discards answers that waited on this phone, the learner is told which and why. */
export function RefusedAnswers() {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    const read = () => void outbox.rejected().then(setRefused, () => undefined);
    read();
    return outbox.subscribe(read);
  }, []);
  if (!refused.length) return null;
  return (
    <div role="alert" className="refused-answers">
      {refused.map((entry) => (
        <p key={entry.key}>
          {t('learn.offline.refused', {
            label: entry.label ?? entry.target,
            reason: t(`errors.${entry.error?.code ?? 'INTERNAL_ERROR'}`, { defaultValue: t('errors.INTERNAL_ERROR') }),
          })}{' '}
          <button type="button" className="link-button" onClick={() => void outbox.forget(entry.key)}>{t('learn.offline.dismiss')}</button>
        </p>
      ))}
    </div>
  );
}
