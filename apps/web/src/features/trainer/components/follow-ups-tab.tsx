import { useTranslation } from '../../../lib/i18n';
import { Loading } from '../../../components/loading';
import { StaffError } from '../../../components/staff/staff-error';
import { DataTable } from '../../../components/data-table';
import { useBusyAction } from '../../../lib/use-busy-action';
import { formatDate } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { downloadDueList, getFollowUps } from '../api/follow-ups';
import { useCohortContext } from '../hooks/use-cohort-context';
import { TabSection } from './tab-section';

/** Who is due for the follow-up when (the cohort's current delay applies to everyone not yet asked), and the due list. */
export function FollowUpsTab() {
  const { t, i18n } = useTranslation();
  const { cohort } = useCohortContext();
  const schedule = useQuery(() => getFollowUps(cohort.id), [cohort.id, cohort.followUpDays]);
  const { busy, error, run } = useBusyAction();
  const learners = schedule.data?.learners ?? [];
  const waitlist = schedule.data?.waitlist ?? null;
  return (
    <TabSection id="follow-ups" title={t('trainer.tabs.followUps')}>
      <p>{t('trainer.followUps.intro', { days: cohort.followUpDays })}</p>
      <p>{t('trainer.followUps.reminders')}</p>
      <button type="button" className="button" disabled={busy || (learners.length === 0 && !waitlist?.learners.length)} onClick={() => void run(() => downloadDueList(cohort.id))}>
        {t('trainer.followUps.download')}
      </button>
      <p className="muted">{t('trainer.followUps.downloadHint')}</p>
      <StaffError error={error ?? schedule.error} />
      {schedule.loading && !schedule.data && <Loading />}
      {schedule.data && learners.length === 0 && <p>{t('trainer.roster.empty')}</p>}
      {learners.length > 0 && (
        <DataTable caption={t('trainer.followUps.caption', { count: learners.length })} columns={[t('trainer.roster.learner'), t('trainer.followUps.status'), t('trainer.followUps.dueOn')]}>
          {learners.map((l) => (
            <tr key={l.enrolmentId}>
              <th scope="row">{l.learnerName}</th>
              <td>{t(`trainer.followUps.statuses.${l.status}`)}</td>
              <td>{l.dueOn ? formatDate(l.dueOn, i18n.language) : '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {waitlist && (
        <>
          <h3>{t('trainer.followUps.waitlistTitle')}</h3>
          <p>{t('trainer.followUps.waitlistIntro', { date: formatDate(waitlist.secondBaselineOn, i18n.language) })}</p>
          {waitlist.learners.length === 0 ? <p>{t('trainer.roster.empty')}</p> : (
            <DataTable caption={t('trainer.followUps.waitlistCaption', { count: waitlist.learners.length })} columns={[t('trainer.roster.learner'), t('trainer.followUps.status')]}>
              {waitlist.learners.map((l) => (
                <tr key={l.enrolmentId}>
                  <th scope="row">{l.learnerName}</th>
                  <td>{t(`trainer.followUps.waitlistStatuses.${l.status}`)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </TabSection>
  );
}
