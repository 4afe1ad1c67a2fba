import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { formatDate, useContentLanguage } from '../../../lib/use-content-language';
import { type Certificate, downloadCertificatePdf } from '../api/certificate-api';

/** The certificate's details, its public verification code and link, and the PDF download. */
export function CertificateCard({ enrolmentId, certificate }: { enrolmentId: string; certificate: Certificate }) {
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      await downloadCertificatePdf(enrolmentId, lang, t('learn.certificate.filename', { code: certificate.code }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="certificate">
      <dl className="profile">
        <div><dt>{t('learn.certificate.name')}</dt><dd>{certificate.learnerName}</dd></div>
        <div><dt>{t('learn.certificate.course')}</dt><dd>{certificate.courseTitle}</dd></div>
        <div><dt>{t('learn.certificate.date')}</dt><dd>{formatDate(certificate.completedAt, i18n.language)}</dd></div>
        <div><dt>{t('learn.certificate.hours')}</dt><dd>{certificate.hours}</dd></div>
        <div><dt>{t('learn.certificate.code')}</dt><dd><code className="certificate__code">{certificate.code}</code></dd></div>
      </dl>
      <p>
        {t('learn.certificate.verifyHint')}{' '}
        <a href={certificate.verifyUrl} className="break">{certificate.verifyUrl}</a>
      </p>
      <ErrorMessage error={error} />
      <button type="button" className="primary" onClick={() => void download()} disabled={busy}>
        {busy ? t('learn.certificate.downloading') : t('learn.certificate.download')}
      </button>
    </div>
  );
}
