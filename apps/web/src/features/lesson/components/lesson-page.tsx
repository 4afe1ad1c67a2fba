import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { Markdown } from '../../../components/markdown';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useJourney } from '../../../lib/journey/journey-context';
import { findLesson } from '../../../lib/journey/outline-lookup';
import { coursePath, lessonPath, stepPath } from '../../../lib/journey/step-path';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { useQueued, useQueuedSubmission } from '../../../lib/offline/use-queued';
import { completeLesson, getLesson, type SubmissionResult } from '../api/lesson-api';
import { ActionPlanForm } from './action-plan-form';
import { SourceList } from './source-list';

/** A lesson: sanitised Markdown, its sources, and "mark as read and continue". */
export function LessonPage() {
  const { moduleKey = '', lessonKey = '' } = useParams();
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const lang = useContentLanguage();
  const { enrolmentId, outline, view, accept, refresh } = useJourney();
  const { submit, busy, error } = useQueuedSubmission({ onRejected: refresh });
  const found = findLesson(outline, moduleKey, lessonKey);
  const progress = view.modules.find((m) => m.key === moduleKey);
  const lesson = useQuery(() => (found ? getLesson(enrolmentId, lessonKey, lang) : Promise.resolve(null)), [enrolmentId, lessonKey, lang, Boolean(found)]);
  const nextInModule = found?.module.lessons[found.lessonNumber]; // lessonNumber is 1-based: this is the following one
  const rereadingNow = Boolean(progress?.lessonsRead.includes(lessonKey) && !progress.quiz.lessonsToReview.includes(lessonKey));
  /** Recorded by the server, at once or when the queue delivers a "read" given offline. */
  function recorded(response: SubmissionResult) {
    const next = accept(response.journey);
    // A re-read just moves on within the module; otherwise the journey says what comes next.
    if (rereadingNow) navigate(nextInModule ? lessonPath(enrolmentId, moduleKey, nextInModule.key) : coursePath(enrolmentId));
    else navigate(stepPath(enrolmentId, next.nextStep));
  }
  const queued = useQueued<SubmissionResult>(enrolmentId, `lesson-${lessonKey}`, recorded);

  if (!found || !progress) return <StepUnavailable title={t('learn.unavailable.title')} reason={t('learn.unavailable.notFound')} />;
  if (progress.status === 'locked') return <StepUnavailable title={found.lesson.title} reason={t('learn.unavailable.moduleLocked')} />;
  if (!lesson.data) return lesson.error ? <ErrorMessage error={lesson.error} /> : <Loading />;

  const reviewing = progress.quiz.lessonsToReview.includes(lessonKey);
  const alreadyRead = progress.lessonsRead.includes(lessonKey);
  const rereading = alreadyRead && !reviewing;

  async function onDone() {
    // Outside the learning stage a re-read records nothing (the machine would refuse it): just move on.
    if (rereading && view.stage !== 'learning') {
      navigate(nextInModule ? lessonPath(enrolmentId, moduleKey, nextInModule.key) : coursePath(enrolmentId));
      return;
    }
    queued.dismiss();
    const outcome = await submit((key) => completeLesson(enrolmentId, lessonKey, key, lesson.data?.title));
    if (outcome?.state === 'sent') recorded(outcome.data);
    else if (outcome) queued.markWaiting();
  }

  const label = reviewing ? t('learn.lesson.markReviewed') : rereading ? t('learn.lesson.next') : t('learn.lesson.markRead');
  return (
    <article className="card lesson" aria-labelledby="lesson-title">
      <p className="crumbs">
        {t('learn.lesson.position', { module: found.number, number: found.lessonNumber, count: found.module.lessons.length })}
        {reviewing && <span className="tag">{t('learn.lesson.reviewTag')}</span>}
      </p>
      <PageHeading id="lesson-title">{lesson.data.title}</PageHeading>
      <Markdown source={lesson.data.body} />
      <SourceList sources={lesson.data.sources} />
      {lesson.data.actionPlan && <ActionPlanForm enrolmentId={enrolmentId} />}
      <ErrorMessage error={error ?? queued.refusedError} />
      {queued.waiting ? (
        <div className="actions">
          <p role="status" className="queued-notice">{t('learn.offline.lessonQueued')}</p>
          {nextInModule && <Link className="primary button-link" to={lessonPath(enrolmentId, moduleKey, nextInModule.key)}>{t('learn.lesson.next')}</Link>}
          <Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void onDone()} disabled={busy}>
            {busy ? t('learn.sending') : label}
          </button>
          <Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link>
        </div>
      )}
    </article>
  );
}
