import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/use-content-language';
import { BreakdownTable } from './breakdown-table';
import { ItemTable } from './item-table';
import { LearnerTable } from './learner-table';
import { MeasureCard } from './measure-card';
import { ParticipationSummary } from './participation-summary';
import type { Report } from './report-types';
import { ScenarioTable } from './scenario-table';
import '../staff/staff.css';
import './report.css';

const SECTIONS = ['participation', 'measures', 'items', 'learners', 'breakdowns', 'scenarios'] as const;

/**
 * The pre/post report of one cohort or several combined (same server computation). Every number comes from the
 * server (libs/evaluation, checked against R); this view only formats and never recomputes a statistic.
 */
export function ReportView({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const itemText = useMemo(() => {
    const texts = new Map(report.items.map((i) => [i.key, i.text]));
    return (key: string) => texts.get(key) ?? key;
  }, [report.items]);
  const id = (section: (typeof SECTIONS)[number]) => `report-${section}`;

  return (
    <div className="report">
      <p className="report__meta">
        {report.courseTitle} · {report.cohorts.map((c) => c.name).join(', ')} · {t('trainer.report.generatedAt', { date: formatDate(report.generatedAt, i18n.language) })}
      </p>
      <nav aria-label={t('trainer.report.sectionsNav')} className="report__toc">
        <ul>
          {SECTIONS.map((s) => <li key={s}><a href={`#${id(s)}`}>{t(`trainer.report.sections.${s}`)}</a></li>)}
        </ul>
      </nav>
      <p className="hint">{t('trainer.report.method')}</p>

      <section aria-labelledby={id('participation')}>
        <h2 id={id('participation')}>{t('trainer.report.sections.participation')}</h2>
        <ParticipationSummary participation={report.participation} />
      </section>

      <section aria-labelledby={id('measures')}>
        <h2 id={id('measures')}>{t('trainer.report.sections.measures')}</h2>
        {report.measures.map((m) => <MeasureCard key={m.key} measure={m} itemText={itemText} />)}
      </section>

      <section aria-labelledby={id('items')}>
        <h2 id={id('items')}>{t('trainer.report.sections.items')}</h2>
        <p className="hint">{t('trainer.report.itemsNote')}</p>
        <ItemTable items={report.items} kind="attitude" mostMoved={report.mostMoved} leastMoved={report.leastMoved} />
        <ItemTable items={report.items} kind="knowledge" mostMoved={report.mostMoved} leastMoved={report.leastMoved} />
      </section>

      <section aria-labelledby={id('learners')}>
        <h2 id={id('learners')}>{t('trainer.report.sections.learners')}</h2>
        <p className="hint">{t('trainer.report.learnersNote')}</p>
        <LearnerTable learners={report.learners} measures={report.measures} total={report.learnersTotal} />
      </section>

      <section aria-labelledby={id('breakdowns')}>
        <h2 id={id('breakdowns')}>{t('trainer.report.sections.breakdowns')}</h2>
        {report.breakdowns.map((b) => <BreakdownTable key={b.by} breakdown={b} measures={report.measures} />)}
      </section>

      <section aria-labelledby={id('scenarios')}>
        <h2 id={id('scenarios')}>{t('trainer.report.sections.scenarios')}</h2>
        {report.scenarios.length === 0 ? <p>{t('trainer.report.noScenarios')}</p> : report.scenarios.map((s) => <ScenarioTable key={s.key} scenario={s} />)}
      </section>
    </div>
  );
}
