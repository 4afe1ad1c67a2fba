import { resolveEnding, type Scenario, type ScenarioChoice, scenarioMaxScore } from '#curriculum';
import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Markdown } from '../../../components/markdown';

interface Step { nodeKey: string; choice: ScenarioChoice }

/**
 * "Play this scenario": the draft as a learner walks it — situation, choices, the consequence of each choice, and the
 * ending the whole path leads to (score band and critical errors, as the server decides it). Choices keep their order
 * here; learners see them shuffled.
 */
export function ScenarioPreview({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<'es' | 'en'>('es');
  const [steps, setSteps] = useState<Step[]>([]);
  const nodes = new Map(scenario.nodes.map((n) => [n.key, n] as const));
  const last = steps[steps.length - 1];
  const currentKey = last ? last.choice.next : scenario.start;
  const current = currentKey === undefined ? undefined : nodes.get(currentKey);
  const finished = steps.length > 0 && (currentKey === undefined || current?.kind === 'ending');
  const score = steps.reduce((sum, s) => sum + s.choice.points, 0);
  const critical = steps.some((s) => s.choice.critical === true);
  const ending = finished && current?.kind !== 'ending' ? resolveEnding(scenario, score, scenarioMaxScore(scenario) ?? 0, critical) : null;

  return (
    <section className="scenario-preview" aria-labelledby="preview-heading" lang={locale}>
      <h2 id="preview-heading">{t('editor.scenario.play')}</h2>
      <div className="button-row">
        {(['es', 'en'] as const).map((l) => (
          <button key={l} type="button" className="button button--small" aria-pressed={locale === l} onClick={() => setLocale(l)}>{t(`language.${l}`)}</button>
        ))}
        <button type="button" className="button button--small" onClick={() => setSteps([])}>{t('editor.scenario.restart')}</button>
      </div>
      {steps.length === 0 && <Markdown source={scenario.intro[locale]} />}
      {steps.map((step, index) => (
        <div key={index} className="preview-step">
          <p><strong>{step.choice.text[locale]}</strong></p>
          <Markdown source={step.choice.feedback[locale]} />
        </div>
      ))}
      {!finished && current?.kind === 'decision' && (
        <div>
          <Markdown source={current.situation[locale]} />
          <ul className="preview-choices">
            {current.choices.map((choice) => (
              <li key={choice.key}><button type="button" className="button" onClick={() => setSteps([...steps, { nodeKey: current.key, choice }])}>{choice.text[locale] || choice.key}</button></li>
            ))}
          </ul>
        </div>
      )}
      {!finished && currentKey !== undefined && !current && <p className="flag flag--stale">{t('editor.scenario.missingNode', { key: currentKey })}</p>}
      {finished && (
        <div className="preview-ending">
          <p>{t('editor.scenario.previewScore', { score, max: scenarioMaxScore(scenario) ?? '?' })}{critical ? ` ${t('editor.scenario.previewCritical')}` : ''}</p>
          {current?.kind === 'ending' && <Markdown source={current.summary[locale]} />}
          {ending && <><p><strong>{t(`editor.scenario.outcomes.${ending.outcome}`)}</strong> ({ending.key})</p><Markdown source={ending.summary[locale]} /></>}
          {!ending && current?.kind !== 'ending' && <p className="flag flag--stale">{t('editor.scenario.noEnding')}</p>}
        </div>
      )}
    </section>
  );
}
