import { useTranslation } from '../../../lib/i18n';
import { formatDate } from '../../../lib/use-content-language';
import type { Source } from '../api/lesson-api';

/** Where the lesson's facts come from, when each source was last checked, and which ones are not settled. */
export function SourceList({ sources }: { sources: Source[] }) {
  const { t, i18n } = useTranslation();
  if (sources.length === 0) return null;
  const anyUncertain = sources.some((s) => s.certainty === 'uncertain');
  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('learn.lesson.sources')}</h2>
      {anyUncertain && <p className="hint">{t('learn.lesson.uncertainExplained')}</p>}
      <ol>
        {sources.map((source, index) => (
          <li key={index} className="source">
            {source.certainty === 'uncertain' && <span className="badge badge--uncertain">{t('learn.lesson.uncertain')}</span>}{' '}
            {source.url ? (
              <a href={source.url} rel="noopener noreferrer" target="_blank">
                {source.citation}
                <span className="visually-hidden"> {t('learn.lesson.newWindow')}</span>
              </a>
            ) : (
              source.citation
            )}
            <span className="source__reviewed">{t('learn.lesson.reviewedOn', { date: formatDate(source.reviewedOn, i18n.language) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
