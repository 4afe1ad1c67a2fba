import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { OfflineHelp } from '../../../components/offline-help';
import { ContinueLink } from '../../../components/continue-link';
import { PageHeading } from '../../../components/page-heading';
import { ProgressMeter } from '../../../components/progress-meter';
import { useJourney } from '../../../lib/journey/journey-context';
import { findModule } from '../../../lib/journey/outline-lookup';
import { withdrawPath } from '../../../lib/journey/step-path';
import { useStepGate } from '../../../lib/journey/use-journey-step';
import { useStepLabel } from '../../../lib/journey/use-step-label';
import { formatDate } from '../../../lib/use-content-language';
import { ModuleItem } from './module-item';
import { PathStage } from './path-stage';

/** The course at a glance: progress, what comes next, and every module with its status. */
export function CoursePage() {
  const { t, i18n } = useTranslation();
  const { enrolmentId, outline, view, snapshot } = useJourney();
  const stepLabel = useStepLabel();
  const { stage, nextStep } = view;
  const current = view.currentModuleKey ? findModule(outline, view.currentModuleKey) : null;
  const continueLabel =
    nextStep.kind === 'waitFollowUp' || nextStep.kind === 'done'
      ? t('learn.course.seeCertificate')
      : view.percentComplete === 0
        ? t('learn.course.start')
        : t('learn.course.continue');
  // The path's two ends are open when the machine would take their next step.
  const consentOpen = useStepGate({ kind: 'consent' }) === null;
  const preOpen = useStepGate({ kind: 'assessment', wave: 'pre', part: view.pre.pending[0] ?? 'knowledge' }) === null;
  const postOpen = useStepGate({ kind: 'assessment', wave: 'post', part: view.post.pending[0] ?? 'knowledge' }) === null;
  const mayLeave = useStepGate({ kind: 'withdraw' }) === null;
  const certificate = useStepGate({ kind: 'certificate' }) === null;
  const beforeStatus = view.pre.pending.length === 0 ? 'done' : consentOpen || preOpen ? 'available' : 'locked';
  const afterStatus = view.completedAt !== null ? 'done' : postOpen ? 'available' : 'locked';
  const declined = snapshot.context.withdrawnFrom === 'consent';

  return (
    <section aria-labelledby="course-title" className="course">
      <PageHeading id="course-title">{outline.title}</PageHeading>
      <ProgressMeter label={t('learn.progress.label')} value={view.percentComplete} text={t('learn.progress.value', { percent: view.percentComplete })} />
      <div className="card next-step">
        {stage === 'withdrawn' ? (
          <p role="status">{t(declined ? 'learn.course.declined' : 'learn.course.withdrawn', { date: formatDate(view.withdrawnAt ?? Date.now(), i18n.language) })}</p>
        ) : (
          <>
            <p className="next-step__stage">
              {stage === 'learning' && current
                ? t('learn.course.inModule', { number: current.number, title: current.module.title })
                : t(`learn.stage.${stage}`)}
            </p>
            {stage === 'waiting' && view.waitlist && (
              <p className="notice" role="status">{t('learn.waitlist.waiting', { date: formatDate(view.waitlist.secondBaselineAt, i18n.language) })}</p>
            )}
            <p className="muted">{t('learn.course.nextStep', { step: stepLabel(nextStep) })}</p>
            <ContinueLink label={continueLabel} />
          </>
        )}
      </div>

      <h2>{t('learn.course.pathTitle')}</h2>
      <ol className="module-list">
        <PathStage title={t('learn.course.before')} detail={t('learn.course.beforeDetail')} status={beforeStatus} />
        {outline.modules.map((module, index) => {
          const progress = view.modules.find((m) => m.key === module.key);
          return progress ? <ModuleItem key={module.key} enrolmentId={enrolmentId} module={module} progress={progress} number={index + 1} /> : null;
        })}
        <PathStage title={t('learn.course.after')} detail={t('learn.course.afterDetail')} status={afterStatus}>
          {certificate && <Link to={`/learn/${enrolmentId}/certificate`}>{t('learn.course.seeCertificate')}</Link>}
        </PathStage>
      </ol>

      <OfflineHelp />

      {mayLeave && (
        <p className="discreet">
          <Link to={withdrawPath(enrolmentId)}>{t(view.consentedAt === null ? 'learn.decline.link' : 'learn.withdraw.link')}</Link>
        </p>
      )}
    </section>
  );
}
