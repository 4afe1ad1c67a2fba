import { useTranslation } from '../../../lib/i18n';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import { formatDate } from '../../../lib/use-content-language';
import type { RosterEntry } from '../api/roster';

export function RosterRow({ entry, busy, onRemove }: { entry: RosterEntry; busy: boolean; onRemove: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const percent = Math.round(entry.percentComplete);
  return (
    <tr className={entry.status === 'withdrawn' ? 'row--suppressed' : undefined}>
      <th scope="row" className="text-cell">
        {entry.learnerName}
        <span className="stat-note"> {[entry.positionType && t(`positionTypes.${entry.positionType}`), entry.region && t(`regions.${entry.region}`)].filter(Boolean).join(' · ')}</span>
      </th>
      <td>
        {t(`trainer.stages.${entry.stage}`, { defaultValue: entry.stage })}
        {entry.status === 'withdrawn' && <span className="badge badge--off">{t('trainer.roster.removedBadge')}</span>}
      </td>
      <td className="num">
        {percent} %
        <span className="bar" aria-hidden="true"><span style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} /></span>
      </td>
      <td className="num">{t('trainer.roster.attemptsValue', { attempts: entry.quizAttempts, passed: entry.quizzesPassed })}</td>
      <td>{entry.lastActivityAt ? formatDate(entry.lastActivityAt, i18n.language) : t('trainer.roster.never')}</td>
      <td>
        {entry.status === 'active' && (
          <ConfirmAction danger busy={busy} label={t('trainer.roster.remove')} confirmLabel={t('trainer.roster.removeConfirm')}
            question={t('trainer.roster.removeQuestion', { name: entry.learnerName })} onConfirm={onRemove} />
        )}
      </td>
    </tr>
  );
}
