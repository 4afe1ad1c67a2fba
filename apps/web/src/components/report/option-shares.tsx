import { useTranslation } from '../../lib/i18n';
import { share } from './format';
import type { KnowledgeItemStat } from './report-types';

/** The share choosing each option (the correct one marked in words), and the unanswered share: a compact distractor view. */
export function OptionShares({ item }: { item: KnowledgeItemStat }) {
  const { t } = useTranslation();
  return (
    <ol className="options">
      {item.options.map((o, i) => (
        <li key={o.key} className={o.correct ? 'option option--correct' : 'option'}>
          <span className="option__letter" aria-hidden="true">{String.fromCharCode(65 + i)}</span>
          <span className="option__text" title={o.text}>{o.text}</span>
          {o.correct && <span className="option__correct"> ({t('trainer.report.correct')})</span>}
          <span className="share-bar" aria-hidden="true"><span style={{ width: `${Math.round((o.share ?? 0) * 100)}%` }} /></span>
          <span className="option__share">{o.share === null ? '—' : share(o.share)}</span>
        </li>
      ))}
      {item.unansweredShare !== null && item.unansweredShare > 0 && (
        <li className="option option--unanswered">
          <span className="option__text">{t('trainer.report.unanswered')}</span>
          <span className="option__share">{share(item.unansweredShare)}</span>
        </li>
      )}
    </ol>
  );
}
