import type { ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';

/**
 * A statistic, or "—" with the reason it is undefined (never NaN). The reason comes from the server's
 * `undefinedReasons` (stable codes of libs/evaluation) and is shown in words.
 */
export function StatValue<T>({ value, reason, children }: { value: T | null | undefined; reason?: string; children: (value: T) => ReactNode }) {
  const { t } = useTranslation();
  if (value !== null && value !== undefined) return <>{children(value)}</>;
  return (
    <span className="stat-undefined">
      <span aria-hidden="true">—</span>
      <span className="stat-reason">{t(`trainer.reasons.${reason ?? 'unknown'}`, { defaultValue: t('trainer.reasons.unknown') })}</span>
    </span>
  );
}
