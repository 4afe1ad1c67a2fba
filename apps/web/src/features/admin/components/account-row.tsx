import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import type { Account } from '../api/users';

export function AccountRow({ account, self, busy, onDisable, onEnable }: {
  account: Account;
  self: boolean;
  busy: boolean;
  onDisable: () => Promise<unknown>;
  onEnable: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <tr className={account.disabled ? 'row--suppressed' : undefined}>
      <th scope="row" className="text-cell">{account.displayName}{self && <span className="stat-note"> {t('trainer.admin.accounts.you')}</span>}</th>
      <td>{account.email}</td>
      <td>{t(`roles.${account.role}`)}</td>
      <td>
        <span className={`badge ${account.disabled ? 'badge--off' : 'badge--ok'}`}>
          {t(account.disabled ? 'trainer.admin.accounts.disabled' : 'trainer.admin.accounts.enabled')}
        </span>
      </td>
      <td>
        {!self && (account.disabled ? (
          <ConfirmAction busy={busy} label={t('trainer.admin.accounts.enable')} confirmLabel={t('trainer.admin.accounts.enableConfirm')}
            question={t('trainer.admin.accounts.enableQuestion', { name: account.displayName })} onConfirm={onEnable} />
        ) : (
          <ConfirmAction danger busy={busy} label={t('trainer.admin.accounts.disable')} confirmLabel={t('trainer.admin.accounts.disableConfirm')}
            question={t('trainer.admin.accounts.disableQuestion', { name: account.displayName })} onConfirm={onDisable} />
        ))}
      </td>
    </tr>
  );
}
