import { useMemo, useRef } from 'react';
import { useTranslation } from '../../lib/i18n';
import { formatDate } from '../../lib/use-content-language';
import { BreakdownTables } from './breakdown-table';
import { LearnerTable } from './learner-table';
import { ReportDetails } from './report-details';
import { ReportSummary } from './report-summary';
import type { Report } from './report-types';
import { PracticeSection } from './practice-section';
import { ScenarioTable } from './scenario-table';
import { SECTIONS, sectionId } from './sections';
import { usePrintOpensDetails } from './use-print-open';
import '../staff/staff.css';
import './report.css';


/**
 * The pre/post report of one cohort or several combined (same server computation): a summary a trainer reads in one
 * minute, then every figure folded below. Every number comes from the server (libs/evaluation, checked against R);
 * this view only formats and never recomputes a statistic.
 */
export function ReportView({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  usePrintOpensDetails(root);
  const itemText = useMemo(() => {
    const texts = new Map(report.itemShifts.attitude.map((i) => [i.key, i.text]));
    return (key: string) => texts.get(key) ?? key;
  }, [report.itemShifts.attitude]);
  const minN = report.minGroupN;

  return (
    <div className="report" ref={root}>
      <p className="report__meta">
        {report.courseTitle} · {report.cohorts.map((c) => c.name).join(', ')} · {t('trainer.report.generatedAt', { date: formatDate(report.generatedAt, i18n.language) })}
      </p>
      <div className="report__actions">
        <button type="button" className="button" onClick={() => window.print()}>{t('trainer.report.print')}</button>
      </div>
      <nav aria-label={t('trainer.report.sectionsNav')} className="report__toc">
        <ul>
          {SECTIONS.map((s) => <li key={s}><a href={`#${sectionId(s)}`}>{t(`trainer.report.sections.${s}`)}</a></li>)}
        </ul>
      </nav>

      <ReportSummary report={report} />
      <ReportDetails report={report} itemText={itemText} />

      <section aria-labelledby={sectionId('breakdowns')}>
        <h2 id={sectionId('breakdowns')}>{t('trainer.report.sections.breakdowns')}</h2>
        {report.breakdowns.map((b) => <BreakdownTables key={b.by} breakdown={b} measures={report.measures} minN={minN} />)}
      </section>

      <section aria-labelledby={sectionId('learners')}>
        <h2 id={sectionId('learners')}>{t('trainer.report.sections.learners')}</h2>
        <p className="hint">{t('trainer.report.learnersNote')}</p>
        <details className="fold">
          <summary>{t('trainer.report.learnersFold', { count: report.learnersTotal })}</summary>
          <LearnerTable learners={report.learners} total={report.learnersTotal} />
        </details>
      </section>

      <section aria-labelledby={sectionId('scenarios')}>
        <h2 id={sectionId('scenarios')}>{t('trainer.report.sections.scenarios')}</h2>
        {report.scenarios.length === 0 ? <p>{t('trainer.report.noScenarios')}</p> : (
          <details className="fold">
            <summary>{t('trainer.report.scenariosFold', { count: report.scenarios.length })}</summary>
            {report.scenarios.map((s) => <ScenarioTable key={s.key} scenario={s} minN={minN} />)}
          </details>
        )}
      </section>

      <section aria-labelledby={sectionId('practice')}>
        <h2 id={sectionId('practice')}>{t('trainer.report.sections.practice')}</h2>
        <PracticeSection practice={report.practice} minN={minN} />
      </section>
    </div>
  );
}
