import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { isPersistedJourney, whyNotRule } from '#journey';
import { ProgressMeter } from '../../../components/progress-meter';
import { formatDate } from '../../../lib/use-content-language';
import type { MyCourse } from '../api/get-my-courses';
import { EvaluationUseChoice } from './evaluation-use-choice';

export function CourseCard({ course }: { course: MyCourse }) {
  const { t, i18n } = useTranslation();
  const { enrolment, journey } = course;
  // The follow-up date follows the cohort's current setting (the server applies it): shown until it is answered.
  const followUp = journey?.followUpOpensAt && (journey.stage === 'completed' || journey.stage === 'followUp')
    ? t(journey.stage === 'followUp' ? 'learn.myCourses.followUpOpen' : 'learn.myCourses.followUpOn', { date: formatDate(journey.followUpOpensAt, i18n.language) })
    : null;
  // A study's waitlist: the date its second baseline (and the course) opens, until it has.
  const waiting = journey?.secondBaselineAt && (journey.stage === 'baseline' || journey.stage === 'waiting')
    ? t('learn.myCourses.waitingOn', { date: formatDate(journey.secondBaselineAt, i18n.language) })
    : null;
  const title = enrolment.courseTitle ?? t('learn.myCourses.untitled');
  // libs/journey decides whether the consent choice can still change (the machine itself is not bundled here).
  const choiceOpen = journey !== null && isPersistedJourney(journey.snapshot) && whyNotRule(journey.snapshot, { kind: 'evaluationUse' }, Date.now()) === null;
  const action = !journey
    ? null
    : journey.stage === 'withdrawn'
      ? t('learn.myCourses.view')
      : journey.percentComplete === 0
        ? t('learn.myCourses.start')
        : ['completed', 'followUp', 'done'].includes(journey.stage)
          ? t('learn.myCourses.view')
          : t('learn.myCourses.continue');
  return (
    <li className="course-card">
      <h3 className="course-card__title">{title}</h3>
      <p className="muted">{t('learn.myCourses.cohort', { name: enrolment.cohortName })}</p>
      {journey ? (
        <>
          <ProgressMeter
            label={t('learn.progress.label')}
            value={journey.percentComplete}
            text={t('learn.progress.value', { percent: journey.percentComplete })}
          />
          <p className="muted">{t(`learn.stage.${journey.stage}`)}</p>
          {followUp && <p className="notice">{followUp}</p>}
          {waiting && <p className="notice">{waiting}</p>}
          <Link className="primary button-link" to={`/learn/${enrolment.id}`} aria-label={`${action}: ${title}`}>
            {action}
          </Link>
          {choiceOpen && <EvaluationUseChoice enrolmentId={enrolment.id} initial={enrolment.evaluationUse ?? false} />}
        </>
      ) : (
        <p>{t('learn.myCourses.notReady')}</p>
      )}
    </li>
  );
}
