import { useTranslation } from '../../../lib/i18n';
import { Loading } from '../../../components/loading';
import { Markdown } from '../../../components/markdown';
import { StaffError } from '../../../components/staff/staff-error';
import { formatDate } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { versionHistory } from '../api/courses';

/** Every version of a course, newest first: published ones are immutable; learners stay on the version they started. */
export function VersionHistory({ courseId, refresh }: { courseId: string; refresh: number }) {
  const { t, i18n } = useTranslation();
  const history = useQuery(() => versionHistory(courseId), [courseId, refresh]);
  if (history.error) return <StaffError error={history.error} />;
  if (!history.data) return <Loading />;
  return (
    <ol className="version-list">
      {history.data.map((v) => (
        <li key={v.id}>
          <strong>{v.version === null ? t('trainer.admin.content.draftLabel') : t('trainer.admin.content.versionLabel', { version: v.version })}</strong>
          {' · '}{t(`trainer.admin.content.status.${v.status}`)}
          {' · '}{t(`trainer.admin.content.source.${v.source}`)}
          {' · '}{formatDate(v.publishedAt ?? v.createdAt, i18n.language)}
          <span className="stat-note"> · <code>{v.contentHash.slice(0, 10)}</code></span>
          {v.changeNote && (
            <details>
              <summary>{t('trainer.admin.content.changeNote')}</summary>
              <Markdown source={i18n.language === 'en' ? v.changeNote.en : v.changeNote.es} />
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
