import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { StaffError } from '../../../components/staff/staff-error';
import { useBusyAction } from '../../../lib/use-busy-action';
import { formatDate } from '../../../lib/use-content-language';
import { createDraft } from '../../../lib/api/courses';
import type { Course } from '../api/courses';
import { VersionHistory } from './version-history';

/** One course: its latest published version, the open draft (edited, reviewed and published in the editor) and the history. */
export function CourseCard({ course, onChange }: { course: Course; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const [refresh, setRefresh] = useState(0);
  const draft = course.draft;

  return (
    <article className="card" aria-labelledby={`course-${course.id}`}>
      <h2 id={`course-${course.id}`}>{course.title}</h2>
      <p>
        {course.latestPublished
          ? t('trainer.admin.content.latest', { version: course.latestPublished.version, date: formatDate(course.latestPublished.publishedAt ?? course.latestPublished.createdAt, i18n.language) })
          : t('trainer.admin.content.noPublished')}
      </p>
      {draft ? (
        <>
          <p>{t('trainer.admin.content.draftOpen', { date: formatDate(draft.createdAt, i18n.language) })}</p>
          <div className="button-row">
            <Link className="button button--primary" to={`/editor/${draft.id}`}>{t('trainer.admin.content.openEditor')}</Link>
          </div>
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="button" disabled={busy || !course.latestPublished}
            onClick={() => void run(async () => { await createDraft(course.id); setRefresh((r) => r + 1); onChange(); })}>
            {t('trainer.admin.content.createDraft')}
          </button>
        </div>
      )}
      <StaffError error={error} />
      <details>
        <summary>{t('trainer.admin.content.history')}</summary>
        <VersionHistory courseId={course.id} refresh={refresh} />
      </details>
    </article>
  );
}
