import { useTranslation } from '../../lib/i18n';

/**
 * The one sentence a withheld attitude figure (or a whole section of them) shows instead of its numbers: it would
 * rest on fewer than `minN` learners, and opinion figures are confidential.
 */
export function WithheldNote({ minN, what }: { minN: number; what?: string }) {
  const { t } = useTranslation();
  return (
    <p className="withheld">
      {what ? `${what}: ` : ''}
      {t('trainer.report.withheld', { minN })}
    </p>
  );
}

/** One sentence when a whole section has too little data (instead of "not computable" under every statistic). */
export function NotEnoughNote({ text }: { text: string }) {
  return <p className="not-enough">{text}</p>;
}
