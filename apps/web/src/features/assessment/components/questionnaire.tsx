import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { AnswerStateNote } from '../../../components/answer-state-note';
import { ChoiceQuestion } from '../../../components/choice-question';
import { LikertQuestion } from '../../../components/likert-question';
import { Loading } from '../../../components/loading';
import { optionKeysOf, ratingOf, useDraft } from '../../../lib/use-draft';
import type { AttitudeInstrument, KnowledgeTest, PracticeQuestionnaire } from '../api/assessment-api';
import { attitudeAnswers, knowledgeAnswers, practiceAnswers } from '../hooks/answers';
import { PagedForm } from './paged-form';

export type Instrument =
  | { kind: 'knowledge'; test: KnowledgeTest }
  | { kind: 'attitude'; instrument: AttitudeInstrument; reminder?: string }
  | { kind: 'practice'; questionnaire: PracticeQuestionnaire };

interface Props {
  enrolmentId: string;
  /** drafts/{target}: pre-knowledge, post-then, followup-attitude… */
  draftTarget: string;
  source: Instrument;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  /** Answers that waited on this phone and the server refused: put back into the form once. */
  refused?: Record<string, unknown>;
  /** Resolves true when the server accepted the answers, or they wait in the queue on this phone. */
  onSubmit(answers: Record<string, unknown>): Promise<boolean>;
  /** "Continue later": called once the answers so far are saved. */
  onPause?(): void;
}

/** One instrument answered screen by screen, every answer autosaved as a draft and restored on return. */
export function Questionnaire({ enrolmentId, draftTarget, source, submitLabel, busy, error, refused, onSubmit, onPause }: Props) {
  const { t } = useTranslation();
  const draft = useDraft(enrolmentId, draftTarget);
  const restored = useRef(false);
  const { loaded, restore } = draft;
  useEffect(() => {
    if (!loaded || !refused || restored.current) return;
    restored.current = true;
    restore(refused);
  }, [loaded, refused, restore]);
  if (!draft.loaded) return <Loading />;

  const pause = onPause ? () => void draft.saveNow().finally(onPause) : undefined;

  async function submit() {
    await draft.settle();
    const answers = source.kind === 'knowledge' ? knowledgeAnswers(source.test, draft.answers)
      : source.kind === 'practice' ? practiceAnswers(source.questionnaire, draft.answers) : attitudeAnswers(source.instrument, draft.answers);
    if (await onSubmit(answers)) draft.markSubmitted();
    else draft.resume();
  }

  // Knowledge items and practice questions are both one choice per screen item (practice: one option, in order).
  if (source.kind === 'knowledge' || source.kind === 'practice') {
    const items = source.kind === 'knowledge' ? source.test.items : source.questionnaire.items.map((item) => ({ ...item, type: 'single' as const }));
    return (
      <PagedForm
        key={draftTarget}
        total={items.length}
        isAnswered={(i) => optionKeysOf(draft.answers[items[i]!.key]).length > 0}
        renderItem={(i) => {
          const item = items[i]!;
          return (
            <ChoiceQuestion
              key={item.key}
              name={item.key}
              counter={t('learn.question.counter', { number: i + 1, total: items.length })}
              prompt={item.prompt}
              type={item.type}
              options={item.options}
              value={optionKeysOf(draft.answers[item.key])}
              onChange={(value) => draft.setAnswer(item.key, value)}
            >
              <AnswerStateNote state={draft.answerState(item.key)} />
            </ChoiceQuestion>
          );
        }}
        submitLabel={submitLabel}
        busy={busy}
        error={error}
        saveState={draft.saveState}
        onSubmit={() => void submit()}
        onPause={pause}
      />
    );
  }

  const { instrument, reminder } = source;
  return (
    <PagedForm
      key={draftTarget}
      total={instrument.items.length}
      isAnswered={(i) => ratingOf(draft.answers[instrument.items[i]!.key]) !== undefined}
      renderItem={(i) => {
        const item = instrument.items[i]!;
        return (
          <LikertQuestion
            key={item.key}
            name={item.key}
            counter={t('learn.question.statementCounter', { number: i + 1, total: instrument.items.length })}
            text={item.text}
            scale={instrument.scale}
            value={ratingOf(draft.answers[item.key])}
            onChange={(value) => draft.setAnswer(item.key, value)}
          >
            <AnswerStateNote state={draft.answerState(item.key)} />
          </LikertQuestion>
        );
      }}
      reminder={reminder}
      submitLabel={submitLabel}
      busy={busy}
      error={error}
      saveState={draft.saveState}
      onSubmit={() => void submit()}
      onPause={pause}
    />
  );
}
