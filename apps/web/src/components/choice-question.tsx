import type { ReactNode } from 'react';
import { useTranslation } from '../lib/i18n';

export interface ChoiceOption {
  key: string;
  text: string;
}

interface Props {
  /** The question key: the inputs' name, so each option's value is its option key. */
  name: string;
  /** "Pregunta 3 de 20", shown above the prompt and read with it. */
  counter?: string;
  prompt: string;
  type: 'single' | 'multiple' | 'trueFalse';
  options: ChoiceOption[];
  value: readonly string[];
  onChange(value: string[]): void;
  disabled?: boolean;
  /** Per-option extra (feedback after grading). */
  optionExtra?(optionKey: string): ReactNode;
  /** Below the options (question-level feedback). */
  children?: ReactNode;
  className?: string;
}

/** One multiple-choice question: a fieldset whose legend is the prompt; radios, or checkboxes when several apply. */
export function ChoiceQuestion({ name, counter, prompt, type, options, value, onChange, disabled, optionExtra, children, className }: Props) {
  const { t } = useTranslation();
  const multiple = type === 'multiple';
  const toggle = (key: string, checked: boolean) => {
    if (!multiple) onChange([key]);
    else onChange(checked ? [...value.filter((k) => k !== key), key] : value.filter((k) => k !== key));
  };
  return (
    <fieldset className={`question ${className ?? ''}`} disabled={disabled}>
      <legend>
        {counter && <span className="question__counter">{counter}</span>}
        <span className="question__prompt">{prompt}</span>
        {multiple && <span className="question__hint">{t('learn.question.multipleHint')}</span>}
      </legend>
      <div className="options">
        {options.map((option) => (
          <div key={option.key} className="option-row">
            <label className="option">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={option.key}
                checked={value.includes(option.key)}
                onChange={(e) => toggle(option.key, e.currentTarget.checked)}
              />
              <span>{option.text}</span>
            </label>
            {optionExtra?.(option.key)}
          </div>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

/** A quiz or knowledge-test question, or a practice question: what the pages hold and ChoiceQuestion shows. */
export interface ChoiceItem {
  key: string;
  prompt: string;
  type: Props['type'];
  options: ChoiceOption[];
}

/** ChoiceQuestion for an item of a test or questionnaire (its key names the inputs). */
export function ChoiceItemQuestion({ question, ...rest }: { question: ChoiceItem } & Omit<Props, 'name' | 'prompt' | 'type' | 'options'>) {
  return <ChoiceQuestion name={question.key} prompt={question.prompt} type={question.type} options={question.options} {...rest} />;
}
