import type { ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n';
import type { ModuleStatus } from '#journey';

/** A step of the path that is not a module (before: consent and pre-test; after: post-test and certificate). */
export function PathStage({ title, detail, status, children }: { title: string; detail: string; status: ModuleStatus; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`module module--${status}`}>
      <h3 className="module__title">{title}</h3>
      <p className="module__meta">
        <span className={`badge badge--${status}`}>{t(`learn.module.status.${status}`)}</span> {detail}
      </p>
      {children}
    </li>
  );
}
