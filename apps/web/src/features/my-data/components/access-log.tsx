import { useTranslation } from '../../../lib/i18n';
import { formatDate } from '../../../lib/use-content-language';
import type { MyData } from '../api/my-data-api';

/** Who among the staff read or changed this person's data (from the audit log), newest first. */
export function AccessLog({ entries }: { entries: MyData['accessLog'] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="access-log-title">
      <h2 id="access-log-title">{t('myData.accessLog.title')}</h2>
      <p>{t('myData.accessLog.intro')}</p>
      {entries.length === 0 ? <p>{t('myData.accessLog.none')}</p> : (
        <ul className="access-log">
          {entries.slice(0, 100).map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{formatDate(e.at, i18n.language)}</time>{' — '}
              {t('myData.accessLog.entry', {
                who: e.actorName ?? t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }),
                role: t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }),
                what: t(`auditActions.${e.action}`),
              })}
              {e.cohortNames.length > 0 && ` (${e.cohortNames.join(', ')})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
