import { useTranslation } from '../../../lib/i18n';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import { formatDate } from '../../../lib/use-content-language';
import type { InviteCode } from '../api/invite-codes';

function statusOf(code: InviteCode): 'usable' | 'revoked' | 'expired' | 'exhausted' {
  if (code.usable) return 'usable';
  if (code.revokedAt) return 'revoked';
  if (code.maxUses !== null && code.uses >= code.maxUses) return 'exhausted';
  return 'expired';
}

export function InviteCodeRow({ code, busy, onCopy, onRevoke, onRotate }: {
  code: InviteCode;
  busy: boolean;
  onCopy: () => void;
  onRevoke: () => Promise<unknown>;
  onRotate: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const status = statusOf(code);
  return (
    <tr>
      <th scope="row"><code className="invite-code">{code.code}</code></th>
      <td className="num">{code.maxUses === null ? t('trainer.codes.usesUnlimited', { uses: code.uses }) : t('trainer.codes.usesOf', { uses: code.uses, max: code.maxUses })}</td>
      <td>{code.expiresAt ? formatDate(code.expiresAt, i18n.language) : t('trainer.codes.noExpiry')}</td>
      <td><span className={`badge ${status === 'usable' ? 'badge--ok' : 'badge--off'}`}>{t(`trainer.codes.status.${status}`)}</span></td>
      <td>
        <div className="button-row">
          <button type="button" className="button button--small" onClick={onCopy} aria-label={t('trainer.codes.copyLabel', { code: code.code })}>{t('trainer.codes.copy')}</button>
          {!code.revokedAt && (
            <>
              <ConfirmAction label={t('trainer.codes.rotate')} question={t('trainer.codes.rotateQuestion', { code: code.code })} confirmLabel={t('trainer.codes.rotateConfirm')} onConfirm={onRotate} busy={busy} />
              <ConfirmAction label={t('trainer.codes.revoke')} question={t('trainer.codes.revokeQuestion', { code: code.code })} confirmLabel={t('trainer.codes.revokeConfirm')} onConfirm={onRevoke} busy={busy} danger />
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
