// Report fixtures for the web specs, shaped as the server sends them (apps/api/src/reports/report.dto.ts).
import type { Comparison, Headline, ItemWaveAnalysis, Measure, Participation } from './report-types';

export const tooFewPairs: Comparison = {
  n: 1, meanPre: 50, meanPost: 60, sdPre: null, sdPost: null, meanDiff: 10, sdDiff: null, ci95: null, t: null, df: null, p: null,
  wilcoxon: { v: null, p: null, method: null }, dz: null, dav: null,
  undefinedReasons: { sdDiff: 'too_few_pairs', ci95: 'too_few_pairs', t: 'too_few_pairs', df: 'too_few_pairs', p: 'too_few_pairs', 'wilcoxon.v': 'too_few_pairs', 'wilcoxon.p': 'too_few_pairs', dz: 'too_few_pairs', dav: 'too_few_pairs' },
  reading: 'Conocimientos: hay muy pocas personas con puntaje antes y después para evaluar el cambio (n = 1).',
};

/** R's sleep data (TV1): t(9) = 4.06, p = 0.003, d_z = 1.28. */
export const sleepChange: Comparison = {
  ...tooFewPairs, n: 10, meanPre: 50.75, meanPost: 52.33, sdPre: 1.79, sdPost: 2.0, meanDiff: 1.58, sdDiff: 1.23, ci95: [0.7001, 2.4599],
  t: 4.0621, df: 9, p: 0.002833, wilcoxon: { v: 45, p: 0.009091, method: 'normal-approximation' }, dz: 1.2846, dav: 0.8254, undefinedReasons: {},
};

export function measure(over: Partial<Measure>): Measure {
  return {
    key: 'knowledge', label: 'Conocimientos', kind: 'knowledge', scale: 'percent', nPairs: 10, nPreOnly: 0, withheld: null,
    change: sleepChange, distribution: null, pairSample: [], withheldFigures: [], ...over,
  };
}

export const participation: Participation = {
  enrolled: 12, active: 11, removed: 1, consentWithdrawn: 1, courseOnly: 1, notConsented: 0, inStatistics: 10, completed: 1, certified: 2, actionPlans: 3,
  byStage: { completed: 10, learning: 2 },
};

export const headlines: Headline[] = [
  { measure: 'knowledge', label: 'Conocimientos', scale: 'percent', nPairs: 10, meanDiff: 1.58, ci95: [0.7, 2.46], withheld: null, reading: 'En Conocimientos, el puntaje promedio mejoró.' },
  { measure: 'rights', label: 'Derechos', scale: 'likert', nPairs: 1, meanDiff: 0.5, ci95: null, withheld: null, reading: 'Derechos: muy pocas personas.' },
  {
    measure: 'services', label: 'Servicios', scale: 'likert', nPairs: 3, meanDiff: null, ci95: null,
    withheld: { reason: 'small_n', n: 3, minN: 5 }, reading: 'Servicios: no se muestra — las cifras de opinión solo se muestran con 5 o más personas con ambas respuestas (aquí 3).',
  },
];

export const itemWave: ItemWaveAnalysis = {
  n: 10, nEmpty: 1, kr20: { n: 10, k: 2, alpha: 0.6512, ci95: [0.1, 0.9] },
  items: [
    {
      key: 'k1', text: '¿Qué ley protege a las mujeres?', module: 'm1', facility: 0.95, discrimination: -0.12, unansweredShare: 0.05,
      flags: ['too_easy', 'negative_discrimination', 'unused_distractor'],
      options: [
        { key: 'a', text: 'Ley 30364', correct: true, count: 9, share: 0.9 },
        { key: 'b', text: 'Ley 1', correct: false, count: 0, share: 0 },
      ],
    },
    {
      key: 'k2', text: '¿Dónde se denuncia?', module: 'm1', facility: 0.5, discrimination: 0.45, unansweredShare: 0, flags: [],
      options: [
        { key: 'a', text: 'Comisaría', correct: true, count: 5, share: 0.5 },
        { key: 'b', text: 'Municipio', correct: false, count: 5, share: 0.5 },
      ],
    },
  ],
};
