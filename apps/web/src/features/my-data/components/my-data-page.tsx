import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { usePrivacyStrings } from '../../../lib/privacy-strings';
import { useSession } from '../../../lib/session';
import { useQuery } from '../../../lib/use-query';
import { downloadMyData, getMyData } from '../api/my-data-api';
import { AccessLog } from './access-log';
import { DataSummary } from './data-summary';
import { DeletionRequest } from './deletion-request';
import { ProfileForm } from './profile-form';

/** "Mis datos": see and download what Respeta holds, correct the profile, see who looked, ask for deletion. */
export default function MyDataPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const data = useQuery(getMyData, []);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const strings = usePrivacyStrings();
  if (!user) return null;
  if (!strings) return <Loading />;
  const download = (format: 'json' | 'csv') => {
    setDownloadError(null);
    downloadMyData(format).catch(setDownloadError);
  };
  return (
    <section className="card my-data" aria-labelledby="my-data-title">
      <PageHeading id="my-data-title">{t('myData.title')}</PageHeading>
      <p>{t('myData.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => download('json')}>{t('myData.downloadJson')}</button>{' '}
        <button type="button" className="secondary" onClick={() => download('csv')}>{t('myData.downloadCsv')}</button>
      </div>
      <ErrorMessage error={downloadError} />
      <ProfileForm user={user} onSaved={data.reload} />
      {data.error && !data.data ? <ErrorMessage error={data.error} /> : !data.data ? <Loading /> : (
        <>
          <DataSummary data={data.data} />
          <AccessLog entries={data.data.accessLog} />
          {user.role === 'learner' && <DeletionRequest requests={data.data.deletionRequests} onChange={data.reload} />}
        </>
      )}
    </section>
  );
}
