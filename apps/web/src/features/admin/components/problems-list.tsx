import { useTranslation } from 'react-i18next';
import type { ValidationReport } from '../api/courses';

/** The validator's verdict: valid, or every problem with the path into the course (and the file, for imports). */
export function ProblemsList({ report }: { report: ValidationReport }) {
  const { t } = useTranslation();
  if (report.valid) return <p role="status" className="status">{t('trainer.admin.content.valid')}</p>;
  return (
    <div role="alert">
      <p className="form-error">{t('trainer.admin.content.invalid', { count: report.problems.length })}</p>
      <ol className="problems">
        {report.problems.map((p, i) => (
          <li key={i}>
            <code>{p.path || '/'}</code>{p.file && <span className="stat-note"> ({p.file})</span>}: {p.message}
          </li>
        ))}
      </ol>
    </div>
  );
}
