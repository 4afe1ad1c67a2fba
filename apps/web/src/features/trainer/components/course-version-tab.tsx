import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Loading } from '../../../components/loading';
import { Markdown } from '../../../components/markdown';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import { StaffError } from '../../../components/staff/staff-error';
import { DataTable } from '../../../components/data-table';
import { useBusyAction } from '../../../lib/use-busy-action';
import { formatDate } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { cohortCourseVersion, moveCohortVersion, type NewerVersion } from '../api/course-version';
import { useCohortContext } from '../hooks/use-cohort-context';
import { TabSection } from './tab-section';

function NewerVersionCard({ version, baseVersion, onMove, busy }: { version: NewerVersion; baseVersion: number | null; onMove: () => unknown; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (
    <article className="card" aria-labelledby={`version-${version.id}`}>
      <h3 id={`version-${version.id}`}>{t('trainer.courseVersion.newer', { version: version.version, date: formatDate(version.publishedAt, i18n.language) })}</h3>
      {version.changeNote && <Markdown source={version.changeNote[lang]} />}
      <details>
        <summary>{t('trainer.courseVersion.changes', { count: version.changes.length, base: baseVersion })}</summary>
        <ul>
          {version.changes.map((change) => (
            <li key={`${change.kind}:${change.key}`}>
              {t(`trainer.courseVersion.kinds.${change.kind}`)}: {change.label[lang]} <span className="stat-note">({t(`trainer.courseVersion.change.${change.change}`)})</span>
            </li>
          ))}
        </ul>
      </details>
      <ConfirmAction busy={busy} label={t('trainer.courseVersion.move', { version: version.version })} confirmLabel={t('trainer.courseVersion.moveConfirm')}
        question={t('trainer.courseVersion.moveQuestion', { version: version.version })} onConfirm={onMove} />
    </article>
  );
}

/** The cohort's course version: who is on which version, what changed in newer ones, and moving the cohort forward. */
export function CourseVersionTab() {
  const { t } = useTranslation();
  const { cohort, reload } = useCohortContext();
  const state = useQuery(() => cohortCourseVersion(cohort.id), [cohort.id]);
  const { busy, error, run } = useBusyAction();
  const [moved, setMoved] = useState('');
  if (!state.data) return state.error ? <StaffError error={state.error} /> : <Loading />;
  const data = state.data;
  const move = (versionId: string, version: number) => run(async () => {
    const result = await moveCohortVersion(cohort.id, versionId);
    setMoved(t('trainer.courseVersion.moved', { version, moved: result.moved, stayed: result.stayed }));
    state.reload();
    reload();
  });
  return (
    <TabSection id="course-version" title={t('trainer.courseVersion.title')}>
      <p>{data.currentVersion === null ? t('trainer.courseVersion.none') : t(data.fixed ? 'trainer.courseVersion.current' : 'trainer.courseVersion.latest', { version: data.currentVersion })}</p>
      <p className="hint">{t('trainer.courseVersion.pinned')}</p>
      <DataTable caption={t('trainer.courseVersion.tableCaption')}
        columns={[t('trainer.courseVersion.version'), t('trainer.courseVersion.learners'), t('trainer.courseVersion.notStarted')]}>
        {data.learners.map((row) => (
          <tr key={row.versionId}><th scope="row">{t('trainer.courseVersion.versionN', { version: row.version })}</th><td className="num">{row.learners}</td><td className="num">{row.notStarted}</td></tr>
        ))}
      </DataTable>
      <p role="status" className="status">{moved}</p>
      <StaffError error={error} />
      {data.newer.length === 0
        ? <p>{t('trainer.courseVersion.upToDate')}</p>
        : data.newer.map((version) => (
          <NewerVersionCard key={version.id} version={version} baseVersion={data.baseVersion} busy={busy} onMove={() => move(version.id, version.version)} />
        ))}
    </TabSection>
  );
}
