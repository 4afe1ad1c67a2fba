import { useTranslation } from '../../lib/i18n';
import { DataTable } from '../data-table';
import { fixed, signed } from './format';
import type { LearnerRow } from './report-types';

/**
 * Each learner's progress, certificate and knowledge scores (percent). Never an attitude value: the server sends
 * none. Course-only learners are marked and have no scores. Names are for the cohort's trainer; exports are pseudonymous.
 */
export function LearnerTable({ learners, total }: { learners: LearnerRow[]; total: number }) {
  const { t } = useTranslation();
  if (learners.length === 0) return <p>{t('trainer.report.noLearners')}</p>;
  const caption = t('trainer.report.learnersCaption');
  const score = (v: number | null | undefined) => (v === null || v === undefined ? '—' : fixed(v, 1));
  const use = (l: LearnerRow) => (l.evaluationUse === true ? 'evaluation' : l.evaluationUse === false ? 'courseOnly' : 'pending');
  return (
    <>
      {total > learners.length && <p className="hint">{t('trainer.report.learnersShown', { shown: learners.length, total })}</p>}
      <DataTable caption={caption} wide columns={[
        t('trainer.report.learner'), t('trainer.report.by.positionType'), t('trainer.report.by.region'), t('trainer.report.stage'),
        t('trainer.report.evaluationUse'), t('trainer.report.certified'),
        t('trainer.report.knowledgeAt', { wave: t('trainer.report.waves.pre') }), t('trainer.report.knowledgeAt', { wave: t('trainer.report.waves.post') }),
        t('trainer.report.knowledgeChange'),
      ]}>
        {learners.map((l) => (
          <tr key={l.enrolmentId} className={l.evaluationUse === false ? 'row--course-only' : undefined}>
            <th scope="row" className="text-cell">{l.name}</th>
            <td>{l.positionType ? t(`positionTypes.${l.positionType}`, { defaultValue: l.positionType }) : '—'}</td>
            <td>{l.region ? t(`regions.${l.region}`, { defaultValue: l.region }) : '—'}</td>
            <td>{t(`trainer.stages.${l.stage}`, { defaultValue: l.stage })}</td>
            <td>{use(l) === 'courseOnly' ? <span className="badge">{t('trainer.report.use.courseOnly')}</span> : t(`trainer.report.use.${use(l)}`)}</td>
            <td>{t(l.certified ? 'trainer.report.yes' : 'trainer.report.no')}</td>
            {l.knowledge ? (
              <>
                <td className="num">{score(l.knowledge.pre)}</td>
                <td className="num">{score(l.knowledge.post)}</td>
                <td className="num">{l.knowledge.change === null ? '—' : signed(l.knowledge.change, 1)}</td>
              </>
            ) : (
              <td colSpan={3} className="stat-note">{t(l.evaluationUse === false ? 'trainer.report.noScoresCourseOnly' : 'trainer.report.noScores')}</td>
            )}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
