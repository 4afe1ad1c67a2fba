import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import type { ModuleView } from '#journey';
import type { OutlineModule } from '../../../lib/journey/journey-types';
import { lessonPath, quizPath, scenarioPath } from '../../../lib/journey/step-path';
import { useStepGate } from '../../../lib/journey/use-journey-step';

interface Props {
  enrolmentId: string;
  module: OutlineModule;
  progress: ModuleView;
  number: number;
}

/** A step of the module: a link when the journey allows it now, else its name and the journey's reason. */
function StepLink({ to, label, gate, done }: { to: string; label: string; gate: string | null; done: string | null }) {
  const { t } = useTranslation();
  if (gate === null) return <Link to={to}>{label}</Link>;
  return (
    <>
      <span className="muted">{label}</span>{' '}
      {done ? <span className="tag tag--done">{done}</span> : <span className="muted" data-reason={gate}>{t(`errors.${gate}`)}</span>}
    </>
  );
}

/** One module of the path: its status in words, and links to what the learner may open in it. */
export function ModuleItem({ enrolmentId, module, progress, number }: Props) {
  const { t } = useTranslation();
  const { status } = progress;
  const quizGate = useStepGate({ kind: 'quiz', moduleKey: module.key });
  const scenarioGate = useStepGate({ kind: 'scenario', moduleKey: module.key });
  const links = (
    <ul className="module__steps">
      {module.lessons.map((lesson) => {
        const read = progress.lessonsRead.includes(lesson.key);
        return (
          <li key={lesson.key}>
            <Link to={lessonPath(enrolmentId, module.key, lesson.key)}>{lesson.title}</Link>
            {read && <span className="tag tag--done">{t('learn.module.read')}</span>}
          </li>
        );
      })}
      <li>
        <StepLink to={quizPath(enrolmentId, module.key)} label={t('learn.module.quiz')} gate={quizGate}
          done={quizGate === 'QUIZ_ALREADY_PASSED' ? t('learn.module.passed') : null} />
      </li>
      {module.scenario && (
        <li>
          <StepLink to={scenarioPath(enrolmentId, module.key)} label={t('learn.module.scenario', { title: module.scenario.title })} gate={scenarioGate}
            done={scenarioGate === 'ALREADY_SUBMITTED' ? t('learn.module.done') : null} />
        </li>
      )}
    </ul>
  );
  return (
    <li className={`module module--${status}`}>
      <h3 className="module__title">
        <span className="module__number">{t('learn.module.number', { number })}</span> {module.title}
      </h3>
      <p className="module__meta">
        <span className={`badge badge--${status}`}>{t(`learn.module.status.${status}`)}</span>{' '}
        {t('learn.module.lessonsRead', { read: progress.lessonsRead.length, count: progress.lessonCount })}
        {' · '}
        {t('learn.module.minutes', { minutes: module.estimatedMinutes })}
      </p>
      {status === 'available' && (
        <>
          <p>{module.summary}</p>
          {links}
        </>
      )}
      {status === 'done' && (
        <details>
          <summary>{t('learn.module.revisit')}</summary>
          {links}
        </details>
      )}
    </li>
  );
}
