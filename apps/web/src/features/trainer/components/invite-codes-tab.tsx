import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useHistoryState } from 'wouter/use-browser-location';
import { QueryList } from '../../../components/staff/query-list';
import { DataTable } from '../../../components/data-table';
import { useQuery } from '../../../lib/use-query';
import { useBusyAction } from '../../../lib/use-busy-action';
import { createInviteCode, type InviteCode, listInviteCodes, revokeInviteCode, rotateInviteCode } from '../api/invite-codes';
import { useCohortContext } from '../hooks/use-cohort-context';
import { InviteCodeForm } from './invite-code-form';
import { InviteCodeRow } from './invite-code-row';
import { copyText } from '../utils/copy-text';
import { TabSection } from './tab-section';

export function InviteCodesTab() {
  const { t } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const { cohort } = useCohortContext();
  const created = useHistoryState<{ created?: boolean } | null>()?.created; // set by the new-cohort page
  const codes = useQuery(() => listInviteCodes(cohort.id), [cohort.id]);
  const [message, setMessage] = useState('');

  const act = (send: () => Promise<InviteCode>, done: (code: InviteCode) => string) => run(async () => {
    setMessage(done(await send()));
    codes.reload();
  });

  const caption = t('trainer.codes.caption');
  return (
    <TabSection id="codes" title={t('trainer.tabs.codes')}>
      {created && <p className="status">{t('trainer.codes.cohortCreated')}</p>}
      <p>{t('trainer.codes.intro')}</p>
      <InviteCodeForm onCreate={(input) => act(() => createInviteCode(cohort.id, input), (c) => t('trainer.codes.created', { code: c.code }))} />
      <p role="status" className="status">{message}</p>
      <QueryList query={codes} error={error} empty={t('trainer.codes.empty')}>
        {(rows) => (
          <DataTable caption={caption} columns={[
            t('trainer.codes.code'),
            t('trainer.codes.uses'),
            t('trainer.codes.expires'),
            t('trainer.codes.state'),
            t('trainer.actions'),
          ]}>
            {rows.map((code) => (
              <InviteCodeRow key={code.id} code={code} busy={busy} onCopy={() => void copyText(code.code).then(() => setMessage(t('trainer.codes.copied', { code: code.code })))}
                onRevoke={() => act(() => revokeInviteCode(cohort.id, code.id), (c) => t('trainer.codes.revoked', { code: c.code }))}
                onRotate={() => act(() => rotateInviteCode(cohort.id, code.id), (c) => t('trainer.codes.rotated', { old: code.code, code: c.code }))} />
            ))}
          </DataTable>
        )}
      </QueryList>
    </TabSection>
  );
}
