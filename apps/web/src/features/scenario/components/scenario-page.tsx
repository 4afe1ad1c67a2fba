import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { Markdown } from '../../../components/markdown';
import { PageHeading } from '../../../components/page-heading';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useJourney } from '../../../lib/journey/journey-context';
import { findModule } from '../../../lib/journey/outline-lookup';
import { coursePath } from '../../../lib/journey/step-path';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { QueuedNotice } from '../../../components/queued-notice';
import { useQueued, useQueuedSubmission } from '../../../lib/offline/use-queued';
import { chooseInScenario, choiceTarget, getScenarioRun, type ScenarioChoiceResult, type ScenarioRun, type ScenarioStep } from '../api/scenario-api';
import { ScenarioDecision } from './scenario-decision';
import { ScenarioEnding } from './scenario-ending';
import { ScenarioFeedback } from './scenario-feedback';

/** A role-play case: intro, one decision per screen, the consequence of each, and an ending. The run lives on the server. */
export function ScenarioPage() {
  const { moduleKey = '' } = useParams();
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const { enrolmentId, outline, view, accept, refresh } = useJourney();
  const found = findModule(outline, moduleKey);
  const progress = view.modules.find((m) => m.key === moduleKey);
  const scenarioKey = progress?.scenarioKey ?? null;
  const query = useQuery(
    () => (scenarioKey ? getScenarioRun(enrolmentId, scenarioKey, lang) : Promise.resolve(null)),
    [enrolmentId, scenarioKey, lang],
  );
  const [run, setRun] = useState<ScenarioRun | null>(null);
  const [started, setStarted] = useState(false);
  const [feedback, setFeedback] = useState<ScenarioStep | null>(null);
  const [moved, setMoved] = useState(false);
  const { submit, busy, error } = useQueuedSubmission({ onRejected: () => { refresh(); query.reload(); } });
  useEffect(() => {
    if (query.data) setRun(query.data);
  }, [query.data]);
  /** The consequence, from the server: at once, or when the queue delivers a decision made offline. */
  function chosen(response: ScenarioChoiceResult) {
    accept(response.journey);
    setRun(response);
    setFeedback(response.steps[response.steps.length - 1] ?? null);
    setMoved(true);
  }
  const queued = useQueued<ScenarioChoiceResult>(enrolmentId, choiceTarget(scenarioKey ?? '', run?.current.key ?? ''), chosen);

  if (!found || !progress || !scenarioKey) return <StepUnavailable title={t('learn.unavailable.title')} reason={t('learn.unavailable.notFound')} />;
  const title = found.module.scenario?.title ?? scenarioKey;
  if (progress.status === 'locked') return <StepUnavailable title={title} reason={t('learn.unavailable.moduleLocked')} />;
  if (!progress.quiz.passed) return <StepUnavailable title={title} reason={t('learn.scenario.quizFirst')} />;
  if (!run) return query.error ? <ErrorMessage error={query.error} /> : <Loading />;

  async function onChoose(choiceKey: string) {
    const nodeKey = run!.current.key;
    queued.dismiss();
    const outcome = await submit((key) => chooseInScenario(enrolmentId, scenarioKey!, nodeKey, choiceKey, key, lang, run!.title));
    if (outcome?.state === 'sent') chosen(outcome.data);
    else if (outcome) queued.markWaiting();
  }

  let screen;
  if (queued.waiting) {
    screen = <QueuedNotice message={t('learn.offline.choiceQueued')} />;
  } else if (feedback) {
    screen = <ScenarioFeedback step={feedback} onContinue={() => setFeedback(null)} />;
  } else if (run.finished) {
    screen = <ScenarioEnding run={run} focus={moved} />;
  } else if (run.steps.length === 0 && !started) {
    screen = (
      <div className="scenario-intro">
        <Markdown source={run.intro} />
        <button type="button" className="primary" onClick={() => { setStarted(true); setMoved(true); }}>
          {t('learn.scenario.start')}
        </button>
      </div>
    );
  } else {
    screen = <ScenarioDecision key={run.current.key} run={run} busy={busy} error={error ?? queued.refusedError} focus={moved} onChoose={(c) => void onChoose(c)} />;
  }

  return (
    <article className="card scenario" aria-labelledby="scenario-title">
      <p className="crumbs">{t('learn.scenario.kicker', { number: found.number })}</p>
      <PageHeading id="scenario-title">{run.title}</PageHeading>
      {screen}
      <p className="back-link"><Link to={coursePath(enrolmentId)}>{t('learn.backToCourse')}</Link></p>
    </article>
  );
}
