import { useTranslation } from '../../lib/i18n';
import { DataTable } from '../data-table';
import { share } from './format';
import type { ScenarioStats } from './report-types';

/**
 * For each decision point of a scenario: how many learners took each choice (finished runs), with a share bar. A
 * decision fewer than minN learners reached shows no shares. Each scrolling box is named with the scenario's title
 * and the decision number, so no two landmarks share a name.
 */
export function ScenarioTable({ scenario, minN }: { scenario: ScenarioStats; minN: number }) {
  const { t } = useTranslation();
  return (
    <article className="card scenario" aria-labelledby={`scenario-${scenario.key}`}>
      <h3 id={`scenario-${scenario.key}`}>{scenario.title}</h3>
      {scenario.nodes.map((node, i) => {
        const caption = t('trainer.report.decision', { n: i + 1, situation: node.situation });
        if (node.suppressed) {
          return (
            <div key={node.key} className="scenario-node">
              <p className="scenario-node__title">{caption}</p>
              <p className="withheld">{t('trainer.report.decisionSuppressed', { minN })}</p>
            </div>
          );
        }
        return (
          <DataTable key={node.key} caption={<>{caption} <span className="stat-note">(n = {node.n})</span></>} label={t('trainer.report.decisionRegion', { n: i + 1, scenario: scenario.title })} columns={[t('trainer.report.choice'), t('trainer.report.points'), t('trainer.report.learnersCount'), t('trainer.report.share')]}>
            {node.choices.map((c) => (
              <tr key={c.key}>
                <th scope="row" className="text-cell">{c.text}</th>
                <td className="num">{c.points}</td>
                <td className="num">{c.count}</td>
                <td className="share-cell">
                  <span className="share-bar" aria-hidden="true"><span style={{ width: `${Math.round(c.share * 100)}%` }} /></span>
                  {share(c.share)}
                </td>
              </tr>
            ))}
          </DataTable>
        );
      })}
    </article>
  );
}
