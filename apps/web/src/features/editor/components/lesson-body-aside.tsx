import { LESSON_MAX_WORDS, LESSON_MIN_WORDS, lessonStats } from '#curriculum';
import { useTranslation } from '../../../lib/i18n';
import { Markdown } from '../../../components/markdown';

/**
 * Beside each language of a lesson body: its length against the 300–900 word rule, reading time, the outline of its
 * headings and a live preview rendered by the learner's own renderer and sanitiser (components/markdown.tsx).
 */
export function LessonBodyAside({ source, locale }: { source: string; locale: 'es' | 'en' }) {
  const { t } = useTranslation();
  const stats = lessonStats(source);
  const inRange = stats.words >= LESSON_MIN_WORDS && stats.words <= LESSON_MAX_WORDS;
  return (
    <div className="lesson-aside">
      <p className={inRange ? 'stat-note' : 'flag flag--stale'}>
        {t('editor.lesson.stats', { words: stats.words, minutes: stats.readingMinutes })}
        {!inRange && ` ${t('editor.lesson.wordRange', { min: LESSON_MIN_WORDS, max: LESSON_MAX_WORDS })}`}
      </p>
      {stats.headings.length > 0 && (
        <nav aria-label={t('editor.lesson.outline', { language: t(`language.${locale}`) })}>
          <ol className="outline">
            {stats.headings.map((heading, index) => <li key={index} className={`outline__h${heading.level}`}>{heading.text}</li>)}
          </ol>
        </nav>
      )}
      <details className="preview" open>
        <summary>{t('editor.lesson.preview', { language: t(`language.${locale}`) })}</summary>
        <div lang={locale}><Markdown source={source} /></div>
      </details>
    </div>
  );
}
