import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { StaffError } from '../../../components/staff/staff-error';
import { DataTable } from '../../../components/data-table';
import { useQuery } from '../../../lib/use-query';
import { useBusyAction } from '../../../lib/use-busy-action';
import { assignTrainer, listCohorts } from '../api/cohorts';
import { listAccounts } from '../api/users';
import { TrainerAssign } from './trainer-assign';

/** Every cohort: who runs it (reassign here), progress, and a picker for a combined report over several cohorts. */
export function CohortsPage() {
  const { t } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const [, navigate] = useLocation();
  const cohorts = useQuery(listCohorts, []);
  const accounts = useQuery(listAccounts, []);
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const staff = (accounts.data ?? []).filter((a) => a.role !== 'learner' && !a.disabled);

  async function assign(cohortId: string, trainerId: string) {
    await run(async () => {
      const updated = await assignTrainer(cohortId, trainerId);
      setMessage(t('trainer.admin.cohorts.assigned', { cohort: updated.name, trainer: updated.trainerName ?? '' }));
      cohorts.reload();
    });
  }

  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const caption = t('trainer.admin.cohorts.caption', { count: cohorts.data?.length ?? 0 });
  return (
    <>
      <PageHeading>{t('trainer.admin.sections.cohorts')}</PageHeading>
      <p>{t('trainer.admin.cohorts.intro')}</p>
      <p role="status" className="status">{message}</p>
      <StaffError error={error ?? cohorts.error ?? accounts.error} />
      {cohorts.loading && !cohorts.data && <Loading />}
      {cohorts.data && (
        <form onSubmit={(e) => {
          e.preventDefault();
          if (selected.length > 0) navigate(`/admin/report?cohortIds=${selected.join(',')}`);
        }}>
          <DataTable caption={caption} columns={[
            t('trainer.admin.cohorts.include'),
            t('trainer.admin.cohorts.cohort'),
            t('trainer.admin.cohorts.learners'),
            t('trainer.admin.cohorts.progress'),
            t('trainer.admin.cohorts.trainer'),
          ]}>
            {cohorts.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <label className="checkbox">
                    <input type="checkbox" checked={selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                    <span className="visually-hidden">{t('trainer.admin.cohorts.includeLabel', { name: c.name })}</span>
                  </label>
                </td>
                <th scope="row" className="text-cell">
                  <Link to={`/trainer/cohorts/${c.id}`}>{c.name}</Link>
                  {c.region && <span className="stat-note"> · {t(`regions.${c.region}`)}</span>}
                </th>
                <td className="num">{t('trainer.cohorts.counts', { enrolled: c.enrolled, active: c.active, completed: c.completed })}</td>
                <td className="num">{Math.round(c.meanPercentComplete)} %</td>
                <td><TrainerAssign cohort={c} staff={staff} busy={busy} onAssign={(id) => void assign(c.id, id)} /></td>
              </tr>
            ))}
          </DataTable>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={selected.length === 0}>
              {t('trainer.admin.cohorts.combined', { count: selected.length })}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
