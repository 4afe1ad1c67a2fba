import { useTranslation } from '../../lib/i18n';
import { ItemAnalysisTable } from './item-analysis-table';
import { ItemShiftTable } from './item-shift-table';
import { MeasureCard } from './measure-card';
import type { Report } from './report-types';
import { sectionId } from './sections';

/** Every figure behind the summary, folded: per measure, then the knowledge item analysis and the item shifts. */
export function ReportDetails({ report, itemText }: { report: Report; itemText: (key: string) => string }) {
  const { t } = useTranslation();
  const minN = report.minGroupN;
  const subscaleLabel = (key: string) => report.measures.find((m) => m.key === key)?.label ?? key;
  return (
    <>
      <section aria-labelledby={sectionId('measures')}>
        <h2 id={sectionId('measures')}>{t('trainer.report.sections.measures')}</h2>
        {report.measures.map((m) => <MeasureCard key={m.key} measure={m} minN={minN} itemText={itemText} />)}
      </section>

      <section aria-labelledby={sectionId('items')}>
        <h2 id={sectionId('items')}>{t('trainer.report.sections.items')}</h2>
        <details className="fold">
          <summary>{t('trainer.report.itemAnalysis')}</summary>
          <p className="hint">{t('trainer.report.itemAnalysisNote')}</p>
          <ItemAnalysisTable analysis={report.itemAnalysis.pre} wave="pre" />
          <ItemAnalysisTable analysis={report.itemAnalysis.post} wave="post" />
        </details>
        <details className="fold">
          <summary>{t('trainer.report.itemShifts')}</summary>
          <p className="hint">{t('trainer.report.itemShiftsNote')}</p>
          <h3>{t('trainer.report.shiftsTitle.knowledge')}</h3>
          <ItemShiftTable items={report.itemShifts.knowledge} kind="knowledge" minN={minN} subscaleLabel={subscaleLabel} />
          <h3>{t('trainer.report.shiftsTitle.attitude')}</h3>
          <ItemShiftTable items={report.itemShifts.attitude} kind="attitude" minN={minN} subscaleLabel={subscaleLabel} />
        </details>
      </section>
    </>
  );
}
