import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { AnswerStateNote } from '../../../components/answer-state-note';
import { ChoiceItemQuestion } from '../../../components/choice-question';
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

  // One item per screen, whatever the item: the draft, submit and pause are the same for every kind.
  const paged = <T extends { key: string }>(items: readonly T[], isAnswered: (answer: unknown) => boolean, render: (item: T, i: number) => ReactNode, reminder?: string) => (
    <PagedForm key={draftTarget} total={items.length} isAnswered={(i) => isAnswered(draft.answers[items[i]!.key])} renderItem={(i) => render(items[i]!, i)}
      reminder={reminder} submitLabel={submitLabel} busy={busy} error={error} saveState={draft.saveState} onSubmit={() => void submit()} onPause={pause} />
  );

  // Knowledge items and practice questions are both one choice per screen item (practice: one option, in order).
  if (source.kind === 'knowledge' || source.kind === 'practice') {
    const items = source.kind === 'knowledge' ? source.test.items : source.questionnaire.items.map((item) => ({ ...item, type: 'single' as const }));
    return paged(items, (answer) => optionKeysOf(answer).length > 0, (item, i) => (
      <ChoiceItemQuestion
        key={item.key}
        question={item}
        counter={t('learn.question.counter', { number: i + 1, total: items.length })}
        value={optionKeysOf(draft.answers[item.key])}
        onChange={(value) => draft.setAnswer(item.key, value)}
      >
        <AnswerStateNote state={draft.answerState(item.key)} />
      </ChoiceItemQuestion>
    ));
  }

  const { instrument, reminder } = source;
  return paged(instrument.items, (answer) => ratingOf(answer) !== undefined, (item, i) => (
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
  ), reminder);
}
