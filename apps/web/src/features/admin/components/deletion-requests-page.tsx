import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import { StaffError } from '../../../components/staff/staff-error';
import { DataTable } from '../../../components/data-table';
import { formatDate } from '../../../lib/use-content-language';
import { usePrivacyStrings } from '../../../lib/privacy-strings';
import { useBusyAction } from '../../../lib/use-busy-action';
import { useQuery } from '../../../lib/use-query';
import { confirmDeletion, listDeletionRequests, rejectDeletion } from '../api/privacy';

/** Learners' deletion requests: the admin checks who it is and confirms (the account is erased) or rejects. */
export function DeletionRequestsPage() {
  const { t, i18n } = useTranslation();
  const requests = useQuery(listDeletionRequests, []);
  const { busy, error, run } = useBusyAction();
  const [message, setMessage] = useState('');
  const rows = requests.data ?? [];
  if (!usePrivacyStrings()) return <Loading />;
  return (
    <>
      <PageHeading>{t('trainer.admin.sections.privacy')}</PageHeading>
      <p>{t('trainer.admin.privacy.intro')}</p>
      <p role="status" className="status">{message}</p>
      <StaffError error={error ?? requests.error} />
      {requests.loading && !requests.data && <Loading />}
      {requests.data && (rows.length === 0 ? <p>{t('trainer.admin.privacy.none')}</p> : (
        <DataTable caption={t('trainer.admin.privacy.caption', { count: rows.length })} columns={[
          t('trainer.admin.accounts.name'), t('trainer.admin.accounts.email'), t('trainer.admin.privacy.requestedAt'),
          t('trainer.admin.privacy.effect'), t('trainer.actions'),
        ]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.displayName}</th>
              <td>{r.email}</td>
              <td>{formatDate(r.requestedAt, i18n.language)}</td>
              <td>{t('trainer.admin.privacy.effectText', { kept: r.enrolmentsKept, deleted: r.enrolmentsDeleted, certificates: r.certificates, choice: t(`myData.deletion.choice.${r.certificateChoice}`) })}</td>
              <td>
                <ConfirmAction danger busy={busy} label={t('trainer.admin.privacy.confirm')} confirmLabel={t('trainer.admin.privacy.confirmYes')}
                  question={t('trainer.admin.privacy.confirmQuestion', { name: r.displayName })}
                  onConfirm={() => run(async () => {
                    await confirmDeletion(r.id);
                    setMessage(t('trainer.admin.privacy.erased', { name: r.displayName }));
                    requests.reload();
                  })} />{' '}
                <ConfirmAction busy={busy} label={t('trainer.admin.privacy.reject')} confirmLabel={t('trainer.admin.privacy.rejectYes')}
                  question={t('trainer.admin.privacy.rejectQuestion', { name: r.displayName })}
                  onConfirm={() => run(async () => {
                    await rejectDeletion(r.id);
                    setMessage(t('trainer.admin.privacy.rejected', { name: r.displayName }));
                    requests.reload();
                  })} />
              </td>
            </tr>
          ))}
        </DataTable>
      ))}
    </>
  );
}
