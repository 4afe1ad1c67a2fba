import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation, useParams } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { Markdown } from '../../../components/markdown';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useQueued } from '../../../lib/offline/use-queued';
import { useJourney } from '../../../lib/journey/journey-context';
import { findLesson } from '../../../lib/journey/outline-lookup';
import { coursePath, lessonPath, stepPath } from '../../../lib/journey/step-path';
import { useJourneyAction, useStepGate } from '../../../lib/journey/use-journey-step';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getLesson } from '../api/lesson-api';
import { ActionPlanForm } from './action-plan-form';
import { SourceList } from './source-list';

/** A lesson: its text (parsed by the API), its sources, and "mark as read and continue". */
export function LessonPage() {
  const { moduleKey = '', lessonKey = '' } = useParams();
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const lang = useContentLanguage();
  const { enrolmentId, outline, view } = useJourney();
  const open = useStepGate({ kind: 'openLesson', moduleKey, lessonKey });
  // Whether marking it read is a step the journey records now (first read, review, re-read while learning).
  const recorded = useStepGate({ kind: 'completeLesson', moduleKey, lessonKey }) === null;
  const planClosed = useStepGate({ kind: 'actionPlan' });
  const { run, error } = useJourneyAction();
  const found = findLesson(outline, moduleKey, lessonKey);
  const progress = view.modules.find((m) => m.key === moduleKey);
  // "Read" given offline and still on this phone: said here until the queue delivers it.
  const queued = useQueued(enrolmentId, `lesson-${lessonKey}`, () => undefined);
  const lesson = useQuery(() => (open === null ? getLesson(enrolmentId, lessonKey, lang) : Promise.resolve(null)), [enrolmentId, lessonKey, lang, open === null]);

  if (open || !found || !progress) return <StepUnavailable title={found?.lesson.title ?? t('learn.unavailable.title')} code={open ?? 'UNKNOWN_ITEM'} />;
  if (!lesson.data) return lesson.error ? <ErrorMessage error={lesson.error} /> : <Loading />;

  const reviewing = progress.quiz.lessonsToReview.includes(lessonKey);
  const rereading = progress.lessonsRead.includes(lessonKey) && !reviewing;
  const nextInModule = found.module.lessons[found.lessonNumber]; // lessonNumber is 1-based: this is the following one

  function onDone() {
    // The actor moves at once; the server hears about it in the background (the journey notice reports trouble).
    const started = recorded ? run({ kind: 'lesson', moduleKey, lessonKey }) : null;
    if (started && !started.accepted) return;
    // A re-read just moves on within the module; otherwise the journey says what comes next.
    if (rereading || !started) navigate(nextInModule ? lessonPath(enrolmentId, moduleKey, nextInModule.key) : coursePath(enrolmentId));
    else navigate(stepPath(enrolmentId, started.view.nextStep));
  }

  const label = reviewing ? t('learn.lesson.markReviewed') : rereading || !recorded ? t('learn.lesson.next') : t('learn.lesson.markRead');
  return (
    <article className="card lesson" aria-labelledby="lesson-title">
      <p className="crumbs">
        {t('learn.lesson.position', { module: found.number, number: found.lessonNumber, count: found.module.lessons.length })}
        {reviewing && <span className="tag">{t('learn.lesson.reviewTag')}</span>}
      </p>
      <PageHeading id="lesson-title">{lesson.data.title}</PageHeading>
      <Markdown tree={lesson.data.body} />
      <SourceList sources={lesson.data.sources} />
      {lesson.data.actionPlan && <ActionPlanForm enrolmentId={enrolmentId} closed={planClosed} />}
      <ErrorMessage error={error} />
      {queued.waiting && <p role="status" className="queued-notice">{t('learn.offline.lessonQueued')}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>{label}</button>
        <Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link>
      </div>
    </article>
  );
}
