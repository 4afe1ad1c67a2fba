import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading';
import { StaffError } from '../../../components/staff/staff-error';
import { TableScroll } from '../../../components/staff/table-scroll';
import { useQuery } from '../../../lib/use-query';
import { getRoster, removeLearner } from '../api/roster';
import { useCohortContext } from '../hooks/use-cohort-context';
import { RosterRow } from './roster-row';

export function RosterTab() {
  const { t } = useTranslation();
  const { cohort, reload } = useCohortContext();
  const roster = useQuery(() => getRoster(cohort.id), [cohort.id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  async function remove(enrolmentId: string, name: string) {
    setBusy(true);
    setError(null);
    try {
      await removeLearner(cohort.id, enrolmentId);
      setMessage(t('trainer.roster.removed', { name }));
      roster.reload();
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const caption = t('trainer.roster.caption', { count: roster.data?.length ?? 0 });
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t('trainer.tabs.roster')}</h2>
      <p role="status" className="status">{message}</p>
      <StaffError error={error ?? roster.error} />
      {roster.loading && !roster.data && <Loading />}
      {roster.data?.length === 0 && <p>{t('trainer.roster.empty')}</p>}
      {roster.data && roster.data.length > 0 && (
        <TableScroll label={caption}>
          <table className="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainer.roster.learner')}</th>
                <th scope="col">{t('trainer.roster.stage')}</th>
                <th scope="col">{t('trainer.roster.percent')}</th>
                <th scope="col">{t('trainer.roster.attempts')}</th>
                <th scope="col">{t('trainer.roster.lastActivity')}</th>
                <th scope="col">{t('trainer.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.data.map((e) => <RosterRow key={e.enrolmentId} entry={e} busy={busy} onRemove={() => remove(e.enrolmentId, e.learnerName)} />)}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
