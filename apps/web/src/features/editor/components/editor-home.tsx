import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation } from 'wouter';
import { CourseListPage } from '../../../components/staff/course-list-page';
import { StaffError } from '../../../components/staff/staff-error';
import { type CourseSummary, createDraft } from '../../../lib/api/courses';
import { formatDate } from '../../../lib/use-content-language';
import { useBusyAction } from '../../../lib/use-busy-action';
import { downloadVersionFiles } from '../api/editor-api';
import { YamlImport } from './yaml-import';

function CourseEntry({ course, onChange }: { course: CourseSummary; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { busy, error, run } = useBusyAction();
  const latest = course.latestPublished;
  return (
    <article className="card" aria-labelledby={`course-${course.id}`}>
      <h2 id={`course-${course.id}`}>{course.title}</h2>
      <p>{latest ? t('editor.home.latest', { version: latest.version, date: formatDate(latest.publishedAt ?? latest.createdAt, i18n.language) }) : t('editor.home.noPublished')}</p>
      <div className="button-row">
        {course.draft ? (
          <Link className="button button--primary" to={`/editor/${course.draft.id}`}>{t('editor.home.openDraft')}</Link>
        ) : (
          <button type="button" className="button button--primary" disabled={busy || !latest}
            onClick={() => void run(async () => navigate(`/editor/${(await createDraft(course.id)).id}`))}>{t('editor.home.createDraft')}</button>
        )}
        {latest && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => downloadVersionFiles(latest.id))}>
            {t('editor.files.downloadPublished', { version: latest.version })}
          </button>
        )}
      </div>
      {course.draft && <p className="hint">{t('editor.home.draftSince', { date: formatDate(course.draft.createdAt, i18n.language) })}</p>}
      <StaffError error={error} />
      <YamlImport courseId={course.id} onImported={onChange} />
    </article>
  );
}

/** /editor — the courses, each with its published version and its draft (open, or create one), and YAML in and out. */
export function EditorHome() {
  const { t } = useTranslation();
  return (
    <CourseListPage title={t('editor.home.title')} intro={t('editor.home.intro')}>
      {(course, reload) => <CourseEntry course={course} onChange={reload} />}
    </CourseListPage>
  );
}
