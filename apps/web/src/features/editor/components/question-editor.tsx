import type { KnowledgeItem, Option, Question } from '#curriculum';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useDraft } from '../hooks/draft-context';
import { BilingualField } from './bilingual-field';
import { QuestionLint } from './question-lint';
import { LabelledSelect } from './labelled-select';

const MAX_OPTIONS = 6;
const nextKey = (options: Option[]) => 'abcdefgh'.split('').find((letter) => !options.some((o) => o.key === letter)) ?? `o${options.length + 1}`;

/** A quiz question or knowledge-test item: stem, options with their answer key and feedback, with the lint beside it. */
export function QuestionEditor<Q extends Question | KnowledgeItem>({ value, onChange, knowledge = false }: { value: Q; onChange: (next: Q) => void; knowledge?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { course } = useDraft();
  const setOption = (index: number, option: Option) => onChange({ ...value, options: value.options.map((o, i) => (i === index ? option : o)) });
  const markCorrect = (index: number, checked: boolean) => onChange({
    ...value,
    options: value.options.map((o, i) => (value.type === 'multiple' ? (i === index ? { ...o, correct: checked } : o) : { ...o, correct: i === index })),
  });
  return (
    <>
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-type`}>{t('editor.question.type')}</label>
          <select id={`${id}-type`} value={value.type} disabled={value.type === 'trueFalse'}
            onChange={(e) => onChange({ ...value, type: e.target.value as Q['type'], options: e.target.value === 'single' ? value.options.map((o, i) => ({ ...o, correct: i === value.options.findIndex((x) => x.correct) })) : value.options })}>
            <option value="single">{t('editor.question.single')}</option>
            <option value="multiple">{t('editor.question.multiple')}</option>
            {value.type === 'trueFalse' && <option value="trueFalse">{t('editor.question.trueFalseType')}</option>}
          </select>
        </div>
        {knowledge && 'module' in value && (
          <LabelledSelect id={`${id}-module`} label={t('editor.question.module')} value={value.module} onChange={(e) => onChange({ ...value, module: e.target.value })}
            options={course.modules.map((m) => [m.key, m.title.es])} />
        )}
      </div>
      <BilingualField label={t('editor.question.prompt')} textId="prompt" rows={3} value={value.prompt} onChange={(prompt) => onChange({ ...value, prompt })} />
      <p className="hint">{t('editor.question.feedbackHint')}</p>
      {value.options.map((option, index) => (
        <fieldset key={option.key} className="option-fields">
          <legend>{t('editor.question.option', { key: option.key })}</legend>
          <label className="check">
            <input type={value.type === 'multiple' ? 'checkbox' : 'radio'} name={`${id}-correct`} checked={option.correct}
              onChange={(e) => markCorrect(index, e.target.checked)} />
            {t('editor.question.correct')}
          </label>
          <BilingualField label={t('editor.question.optionText')} textId={`options.${option.key}.text`} rows={2} value={option.text}
            onChange={(text) => setOption(index, { ...option, text })} />
          <BilingualField label={t('editor.question.feedback')} textId={`options.${option.key}.feedback`} rows={3} value={option.feedback}
            onChange={(feedback) => setOption(index, { ...option, feedback })} />
          {value.type !== 'trueFalse' && value.options.length > 2 && (
            <button type="button" className="button button--small" onClick={() => onChange({ ...value, options: value.options.filter((_, i) => i !== index) })}>
              {t('editor.question.removeOption', { key: option.key })}
            </button>
          )}
        </fieldset>
      ))}
      {value.type !== 'trueFalse' && value.options.length < MAX_OPTIONS && (
        <button type="button" className="button" onClick={() => onChange({
          ...value, options: [...value.options, { key: nextKey(value.options), text: { es: '', en: '' }, correct: false, feedback: { es: '', en: '' } }],
        })}>{t('editor.question.addOption')}</button>
      )}
      <QuestionLint course={course} value={value} isKnowledgeItem={knowledge} />
    </>
  );
}
