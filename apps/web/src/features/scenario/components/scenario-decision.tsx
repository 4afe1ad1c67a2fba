import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { Markdown } from '../../../components/markdown';
import { choicesOf, type ScenarioRun } from '../api/scenario-api';
import { ScreenHeading } from './screen-heading';

interface Props {
  run: ScenarioRun;
  busy: boolean;
  error: unknown;
  focus: boolean;
  onChoose(choiceKey: string): void;
}

/** One decision: the situation, the possible actions as radios, and an explicit confirm (no accidental taps). */
export function ScenarioDecision({ run, busy, error, focus, onChoose }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!choice) return setMissing(true);
    onChoose(choice);
  }
  return (
    <form onSubmit={onSubmit} className="scenario-decision">
      <ScreenHeading focus={focus}>{t('learn.scenario.decision', { number: run.steps.length + 1 })}</ScreenHeading>
      <Markdown className="situation" tree={run.current.situation ?? []} />
      <fieldset className="question">
        <legend>
          <span className="question__prompt">{t('learn.scenario.whatDoYouDo')}</span>
        </legend>
        <div className="options">
          {choicesOf(run).map((c) => (
            <label key={c.key} className="option">
              <input type="radio" name="choice" value={c.key} checked={choice === c.key} onChange={() => { setChoice(c.key); setMissing(false); }} />
              <span>{c.text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {missing && <p role="alert" className="form-error">{t('learn.scenario.chooseFirst')}</p>}
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('learn.sending') : t('learn.scenario.confirm')}
      </button>
    </form>
  );
}
