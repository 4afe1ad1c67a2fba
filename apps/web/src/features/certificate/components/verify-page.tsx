import { useTranslation } from '../../../lib/i18n';
import { useParams } from 'wouter';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { formatDate, useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { verifyCertificate } from '../api/certificate-api';

/** Public: anyone holding a certificate can check its code. Says plainly valid, revoked or unknown; shows name, course, date only. */
export function VerifyPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const result = useQuery(() => verifyCertificate(code, lang), [code, lang]);

  return (
    <section className="card narrow" aria-labelledby="verify-title">
      <PageHeading id="verify-title">{t('learn.verify.title')}</PageHeading>
      <p>{t('learn.verify.code')} <code className="certificate__code">{code}</code></p>
      {result.data === undefined ? (
        result.error ? <ErrorMessage error={result.error} /> : <Loading />
      ) : result.data === null ? (
        <p role="status" className="verdict-box verdict-box--invalid">
          <strong>{t('learn.verify.invalid')}</strong> {t('learn.verify.invalidHint')}
        </p>
      ) : result.data.status === 'revoked' ? (
        <p role="status" className="verdict-box verdict-box--invalid">
          <strong>{t('learn.verify.revoked')}</strong> {t('learn.verify.revokedHint', { date: formatDate(result.data.revokedAt ?? result.data.completedAt, i18n.language) })}
        </p>
      ) : (
        <>
          <p role="status" className="verdict-box verdict-box--valid">
            <strong>{t('learn.verify.valid')}</strong>
          </p>
          <dl className="profile">
            <div><dt>{t('learn.certificate.name')}</dt><dd>{result.data.learnerName}</dd></div>
            <div><dt>{t('learn.certificate.course')}</dt><dd>{result.data.courseTitle}</dd></div>
            <div><dt>{t('learn.certificate.date')}</dt><dd>{formatDate(result.data.completedAt, i18n.language)}</dd></div>
          </dl>
        </>
      )}
    </section>
  );
}
