import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import { StaffError } from '../../../components/staff/staff-error';
import { ApiError } from '../../../lib/api/api-client';
import { useBusyAction } from '../../../lib/use-busy-action';
import { formatDate } from '../../../lib/use-content-language';
import { type Course, createDraft, publishVersion, type ValidationReport, validateVersion } from '../api/courses';
import { ProblemsList } from './problems-list';
import { VersionHistory } from './version-history';

/** One course: its latest published version, the open draft (create, validate, publish) and the version history. */
export function CourseCard({ course, onChange }: { course: Course; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const [validation, setValidation] = useState<ValidationReport | null>(null);
  const [message, setMessage] = useState('');
  const [refresh, setRefresh] = useState(0);
  const draft = course.draft;

  async function act(work: () => Promise<void>) {
    setMessage('');
    await run(work);
    setRefresh((r) => r + 1);
  }

  const validate = (versionId: string) => act(async () => setValidation(await validateVersion(versionId)));
  const publish = (versionId: string) => act(async () => {
    try {
      const published = await publishVersion(versionId);
      setValidation(null);
      setMessage(t('trainer.admin.content.published', { version: published.version }));
      onChange();
    } catch (e) {
      // Refused because the draft has problems: show them with their paths.
      if (e instanceof ApiError && e.code === 'DRAFT_INVALID') setValidation(await validateVersion(versionId));
      throw e;
    }
  });

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
            <button type="button" className="button" disabled={busy} onClick={() => void validate(draft.id)}>{t('trainer.admin.content.validate')}</button>
            <ConfirmAction busy={busy} label={t('trainer.admin.content.publish')} confirmLabel={t('trainer.admin.content.publishConfirm')}
              question={t('trainer.admin.content.publishQuestion')} onConfirm={() => publish(draft.id)} />
          </div>
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="button" disabled={busy}
            onClick={() => void act(async () => { await createDraft(course.id); setMessage(t('trainer.admin.content.draftCreated')); onChange(); })}>
            {t('trainer.admin.content.createDraft')}
          </button>
        </div>
      )}
      <p role="status" className="status">{message}</p>
      {validation && <ProblemsList report={validation} />}
      <StaffError error={error} />
      <details>
        <summary>{t('trainer.admin.content.history')}</summary>
        <VersionHistory courseId={course.id} refresh={refresh} />
      </details>
    </article>
  );
}
