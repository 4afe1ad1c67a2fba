import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { QueryList } from '../../../components/staff/query-list';
import { DataTable } from '../../../components/data-table';
import { useQuery } from '../../../lib/use-query';
import { useBusyAction } from '../../../lib/use-busy-action';
import { getRoster, removeLearner } from '../api/roster';
import { useCohortContext } from '../hooks/use-cohort-context';
import { RosterRow } from './roster-row';
import { TabSection } from './tab-section';

export function RosterTab() {
  const { t } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const { cohort, reload } = useCohortContext();
  const roster = useQuery(() => getRoster(cohort.id), [cohort.id]);
  const [message, setMessage] = useState('');

  async function remove(enrolmentId: string, name: string) {
    await run(async () => {
      await removeLearner(cohort.id, enrolmentId);
      setMessage(t('trainer.roster.removed', { name }));
      roster.reload();
      reload();
    });
  }

  const caption = t('trainer.roster.caption', { count: roster.data?.length ?? 0 });
  return (
    <TabSection id="roster" title={t('trainer.tabs.roster')}>
      <p role="status" className="status">{message}</p>
      <QueryList query={roster} error={error} empty={t('trainer.roster.empty')}>
        {(rows) => (
          <DataTable caption={caption} columns={[
            t('trainer.roster.learner'),
            t('trainer.roster.stage'),
            t('trainer.roster.percent'),
            t('trainer.roster.attempts'),
            t('trainer.roster.lastActivity'),
            t('trainer.actions'),
          ]}>
            {rows.map((e) => <RosterRow key={e.enrolmentId} entry={e} busy={busy} onRemove={() => remove(e.enrolmentId, e.learnerName)} />)}
          </DataTable>
        )}
      </QueryList>
    </TabSection>
  );
}
