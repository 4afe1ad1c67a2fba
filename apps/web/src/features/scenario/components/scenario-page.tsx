import { useEffect, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { Markdown } from '../../../components/markdown';
import { PageHeading } from '../../../components/page-heading';
import { QueuedNotice } from '../../../components/queued-notice';
import { StepUnavailable } from '../../../components/step-unavailable';
import { useQueued } from '../../../lib/offline/use-queued';
import { coursePath } from '../../../lib/journey/step-path';
import { useJourneyAction } from '../../../lib/journey/use-journey-step';
import { useModuleStep } from '../../../lib/journey/use-module-step';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getScenarioRun, type ScenarioRun, type ScenarioStep } from '../api/scenario-api';
import { ScenarioDecision } from './scenario-decision';
import { ScenarioEnding } from './scenario-ending';
import { ScenarioFeedback } from './scenario-feedback';

/** A role-play case: intro, one decision per screen, the consequence of each, and an ending. The run lives on the server. */
export function ScenarioPage() {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const { moduleKey, enrolmentId, gate, found, progress } = useModuleStep('scenario');
  const scenarioKey = progress?.scenarioKey ?? null;
  const query = useQuery(
    () => (scenarioKey ? getScenarioRun(enrolmentId, scenarioKey, lang) : Promise.resolve(null)),
    [enrolmentId, scenarioKey, lang],
  );
  const [run, setRun] = useState<ScenarioRun | null>(null);
  const [started, setStarted] = useState(false);
  const [feedback, setFeedback] = useState<ScenarioStep | null>(null);
  const [moved, setMoved] = useState(false);
  /** A decision of this visit reached the server: the page follows the run to its ending, whatever the journey says. */
  const [taken, setTaken] = useState(false);
  const { run: act, busy, error } = useJourneyAction();
  useEffect(() => {
    if (query.data) setRun(query.data);
  }, [query.data]);
  // A decision kept on this phone: its consequence comes from the server, shown when the queue delivers it.
  const queued = useQueued<ScenarioRun>(enrolmentId, `scenario-${scenarioKey}-${run?.current.key ?? ''}`, (response) => {
    setRun(response);
    setFeedback(response.steps[response.steps.length - 1] ?? null);
    setMoved(true);
  });

  const title = found?.module.scenario?.title ?? t('learn.unavailable.title');
  if (gate && !taken) return <StepUnavailable title={title} code={gate} />;
  if (!found || !scenarioKey) return <StepUnavailable title={title} code="UNKNOWN_ITEM" />;
  if (!run) return query.error ? <ErrorMessage error={query.error} /> : <Loading />;

  async function onChoose(choiceKey: string) {
    const nodeKey = run!.current.key;
    const wasTaken = taken;
    setTaken(true);
    const outcome = await act({ kind: 'scenario', moduleKey, scenarioKey: scenarioKey!, nodeKey, choiceKey }).outcome;
    if (outcome.status !== 'sent') {
      setTaken(wasTaken);
      // Another tab or device made this decision already: show the run where it is now.
      if (outcome.status === 'refused' && outcome.error.code === 'SCENARIO_STEP_MISMATCH') query.reload();
      return;
    }
    const response = outcome.result;
    setRun(response);
    setFeedback(response.steps[response.steps.length - 1] ?? null);
    setMoved(true);
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
        <Markdown tree={run.intro} />
        <button type="button" className="primary" onClick={() => { setStarted(true); setMoved(true); }}>
          {t('learn.scenario.start')}
        </button>
      </div>
    );
  } else {
    screen = <ScenarioDecision key={run.current.key} run={run} busy={busy} error={error} focus={moved} onChoose={(c) => void onChoose(c)} />;
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
