import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { ProgressMeter } from '../../../components/progress-meter';
import { SaveStatus } from '../../../components/save-status';
import type { SaveState } from '../../../lib/use-draft';
import { usePages } from '../hooks/use-pages';

export const PAGE_SIZE = 5;

interface Props {
  total: number;
  isAnswered(index: number): boolean;
  renderItem(index: number): ReactNode;
  /** Shown above the items on every screen (e.g. the then-test's "before the course" reminder). */
  reminder?: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  saveState: SaveState;
  onSubmit(): void;
  /** Offers "continue later": the answers so far are kept as a draft. */
  onPause?(): void;
}

/** A questionnaire in short screens with "n of N answered", previous/next, and the submit button on the last screen. */
export function PagedForm({ total, isAnswered, renderItem, reminder, submitLabel, busy, error, saveState, onSubmit, onPause }: Props) {
  const { t } = useTranslation();
  const { page, pageCount, indexes, isLast, next, previous, headingRef } = usePages(total, PAGE_SIZE, isAnswered);
  const answered = Array.from({ length: total }, (_, i) => i).filter(isAnswered).length;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (isLast) onSubmit();
    else next();
  }

  return (
    <form onSubmit={handleSubmit} className="paged-form">
      <div className="pager-status">
        <h2 ref={headingRef} tabIndex={-1} className="pager-heading">
          {t('learn.pager.screen', { page: page + 1, count: pageCount })}
        </h2>
        <ProgressMeter label={t('learn.pager.answered')} value={answered} max={total} text={t('learn.pager.ofTotal', { n: answered, total })} />
      </div>
      {reminder && <p className="reminder">{reminder}</p>}
      {indexes.map((index) => renderItem(index))}
      {isLast && answered < total && <p className="notice">{t('learn.pager.unanswered', { count: total - answered })}</p>}
      <SaveStatus state={saveState} />
      <ErrorMessage error={error} />
      <div className="pager-nav">
        {page > 0 && (
          <button type="button" className="secondary" onClick={previous}>
            {t('learn.pager.previous')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy || (isLast && answered === 0)}>
          {!isLast ? t('learn.pager.next') : busy ? t('learn.sending') : submitLabel}
        </button>
      </div>
      {onPause && (
        <p className="pager-pause">
          <button type="button" className="link-button" onClick={onPause} disabled={busy}>{t('learn.pager.pause')}</button>{' '}
          <span className="muted">{t('learn.pager.pauseHint')}</span>
        </p>
      )}
    </form>
  );
}
