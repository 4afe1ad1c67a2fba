import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import type { Problem } from '../api/editor-api';

/** Each problem with a link to the item and field where it is fixed (when the validator could place it). */
export function ProblemList({ versionId, problems }: { versionId: string; problems: Problem[] }) {
  const { t } = useTranslation();
  return (
    <ol className="problems">
      {problems.map((problem, index) => (
        <li key={index}>
          {problem.place ? (
            <Link to={`/editor/${versionId}/${problem.place.kind}/${problem.place.key}#field-${problem.place.field}`}>
              {t(`editor.kinds.${problem.place.kind}`)} <code>{problem.place.key}</code>
            </Link>
          ) : <code>{problem.path || '/'}</code>}
          {problem.file && <span className="stat-note"> ({problem.file})</span>}: {problem.message}
        </li>
      ))}
    </ol>
  );
}
