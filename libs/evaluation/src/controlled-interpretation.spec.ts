import { controlledComparison, describeControlledComparison } from './index.js';

const TV5 = {
  treated: { pre: [2.0, 2.5, 3.0, 2.2, 3.1, 2.8, 2.4, 3.3, 2.9, 2.6], post: [3.1, 3.0, 3.6, 2.9, 3.5, 3.4, 2.8, 3.9, 3.3, 3.4] },
  control: { pre: [2.3, 2.7, 2.9, 2.1, 3.2, 2.6, 2.5, 3.0], post: [2.4, 2.6, 3.1, 2.3, 3.2, 2.9, 2.4, 3.1] },
};

describe('describeControlledComparison', () => {
  const tv5 = controlledComparison(TV5);

  it('reads TV5 as issue 16 words it, in English and Spanish', () => {
    expect(describeControlledComparison(tv5, { measure: 'Rights', scale: 'likert', locale: 'en' })).toBe(
      "Rights: the course raised the score by 0.52 points on a 1–5 scale more than waiting did (95 % CI 0.34 to 0.71); this is unlikely to be chance, p < 0.001; Hedges' g = 2.62, large (few learners: course n = 10, waiting n = 8; read with caution). Taking each learner's starting score into account (ANCOVA), the effect is 0.53 (95 % CI 0.35 to 0.70).",
    );
    expect(describeControlledComparison(tv5, { measure: 'Derechos', scale: 'likert', locale: 'es', decimal: ',' })).toBe(
      'En Derechos, el curso elevó el puntaje 0,52 puntos en una escala de 1 a 5 más que la espera (IC 95 %: 0,34 a 0,71); es poco probable que se deba al azar, p < 0,001; g de Hedges = 2,62, grande (pocas personas: curso n = 10, espera n = 8; interprételo con cautela). Teniendo en cuenta el puntaje inicial de cada persona (ANCOVA), el efecto es 0,53 (IC 95 %: 0,35 a 0,70).',
    );
  });

  it('a negative difference, chance, and percent scale', () => {
    const swapped = controlledComparison({ treated: TV5.control, control: TV5.treated });
    expect(describeControlledComparison(swapped, { measure: 'Rights', scale: 'likert', locale: 'en' })).toMatch(/^Rights: the course group's change was 0\.52 points on a 1–5 scale below the waiting group's \(95 % CI −0\.71 to −0\.34\)/);
    const noEffect = controlledComparison({
      treated: { pre: [40, 55, 60, 35, 70], post: [45, 50, 75, 50, 80] },
      control: { pre: [50, 45, 65, 30, 60, 55, 40], post: [60, 50, 70, 45, 65, 70, 35] },
    });
    const text = describeControlledComparison(noEffect, { measure: 'Knowledge', scale: 'percent', locale: 'en' });
    expect(text).toContain('raised the score by 0.9 percentage points more than waiting did (95 % CI −9.8 to 11.5); this could be chance, p = 0.856');
  });

  it('too few pairs and no spread are said plainly', () => {
    const few = controlledComparison({ treated: { pre: [1], post: [2] }, control: TV5.control });
    expect(describeControlledComparison(few, { measure: 'Rights', scale: 'likert', locale: 'es' })).toBe(
      'Rights: hay muy pocas personas con ambos puntajes en cada grupo para compararlos (curso n = 1, espera n = 8).',
    );
    const flat = controlledComparison({ treated: { pre: [1, 2, 3], post: [2, 3, 4] }, control: { pre: [1.5, 2.5, 3.5], post: [1.5, 2.5, 3.5] } });
    expect(describeControlledComparison(flat, { measure: 'Rights', scale: 'likert', locale: 'en' })).toBe(
      'Rights: the course raised the score by 1.00 points on a 1–5 scale more than waiting did; every learner within each group changed by the same amount, so no test can be computed (few learners: course n = 3, waiting n = 3; read with caution).',
    );
  });
});
