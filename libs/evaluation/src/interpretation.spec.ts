import { describeAlpha, describeChange, effectSizeLabel, formatP, pairedComparison, type PairedComparison } from './index.js';

/** A defined result with the figures of the example sentence. */
function result(overrides: Partial<PairedComparison>): PairedComparison {
  return {
    n: 40, meanDiff: 0.42, sdDiff: 0.46, ci95: [0.27, 0.57], t: 5.76, df: 39, p: 0.0000011,
    wilcoxon: { v: 700, p: 0.00001, method: 'normal-approximation', nNonZero: 38, nZero: 2 },
    dz: 0.91, dav: 0.7, meanPre: 3.1, meanPost: 3.52, sdPre: 0.6, sdPost: 0.6,
    undefinedReasons: {},
    ...overrides,
  };
}

const ATTITUDES = { measure: 'Attitudes toward trans people', scale: 'likert', locale: 'en' } as const;
const ACTITUDES = { measure: 'Actitudes hacia las personas trans', scale: 'likert', locale: 'es' } as const;

describe('effectSizeLabel and formatP', () => {
  it('uses the conventional |d_z| cut-offs', () => {
    expect([0, 0.19, 0.2, 0.49, 0.5, 0.79, 0.8, 2].map(effectSizeLabel)).toEqual([
      'negligible', 'negligible', 'small', 'small', 'medium', 'medium', 'large', 'large',
    ]);
    expect(effectSizeLabel(-0.85)).toBe('large');
  });

  it('formats p as "< 0.001" or to 3 decimals', () => {
    expect(formatP(0.0002)).toBe('p < 0.001');
    expect(formatP(0.002833)).toBe('p = 0.003');
    expect(formatP(0.6353)).toBe('p = 0.635');
    expect(formatP(0.04996)).toBe('p < 0.05'); // would round to 0.050 yet is significant
    expect(formatP(0.0002, ',')).toBe('p < 0,001');
  });
});

describe('describeChange — English', () => {
  it('reads the example sentence', () => {
    expect(describeChange(result({}), ATTITUDES)).toBe(
      'Attitudes toward trans people improved by 0.42 points on a 1–5 scale, a large change (d_z = 0.91); this is unlikely to be chance, p < 0.001.',
    );
  });

  it('percent scale and a p to 3 decimals', () => {
    const text = describeChange(result({ meanDiff: 12.5, dz: 0.63, p: 0.0042 }), { measure: 'Knowledge of the referral route', scale: 'percent', locale: 'en' });
    expect(text).toBe('Knowledge of the referral route improved by 12.5 percentage points, a medium change (d_z = 0.63); this is unlikely to be chance, p = 0.004.');
  });

  it('says "could be chance" when p ≥ 0.05', () => {
    expect(describeChange(result({ meanDiff: 0.08, dz: 0.21, p: 0.312 }), ATTITUDES)).toBe(
      'Attitudes toward trans people improved by 0.08 points on a 1–5 scale, a small change (d_z = 0.21); this could be chance, p = 0.312.',
    );
  });

  it('reports a decline honestly', () => {
    expect(describeChange(result({ meanDiff: -0.3, dz: -0.45, p: 0.02 }), ATTITUDES)).toBe(
      'Attitudes toward trans people declined by 0.30 points on a 1–5 scale, a small change (d_z = −0.45); this is unlikely to be chance, p = 0.020.',
    );
  });

  it('neutral direction for a response shift', () => {
    const text = describeChange(result({ meanDiff: -0.3, dz: -0.45, p: 0.02 }), { ...ATTITUDES, measure: 'Response shift', direction: 'neutral' });
    expect(text).toMatch(/^Response shift fell by 0\.30 points/);
  });

  it('adds a caution for small samples', () => {
    expect(describeChange(result({ n: 6, p: 0.03 }), ATTITUDES)).toBe(
      'Attitudes toward trans people improved by 0.42 points on a 1–5 scale, a large change (d_z = 0.91); this is unlikely to be chance, p = 0.030 (only 6 learners with both scores: read with caution).',
    );
  });

  it('too few pairs, no change, identical change, tiny change', () => {
    expect(describeChange(pairedComparison([3], [4]), ATTITUDES)).toBe(
      'Attitudes toward trans people: too few learners with both pre and post scores to assess change (n = 1).',
    );
    expect(describeChange(pairedComparison([1, 2, 3], [1, 2, 3]), ATTITUDES)).toBe(
      'Attitudes toward trans people did not change: every learner had the same score before and after (n = 3).',
    );
    expect(describeChange(pairedComparison([1, 2, 3], [2, 3, 4]), ATTITUDES)).toBe(
      'Attitudes toward trans people improved by 1.00 points on a 1–5 scale, identically for every learner (n = 3), so no effect size or significance test can be computed.',
    );
    expect(describeChange(result({ meanDiff: 0.004, dz: 0.01, p: 0.9 }), ATTITUDES)).toBe(
      'Attitudes toward trans people changed by less than 0.01 points on a 1–5 scale on average, a negligible change (d_z = 0.01); this could be chance, p = 0.900.',
    );
    expect(describeChange(pairedComparison([1, Number.NaN], [1, 2]), ATTITUDES)).toBe(
      'Attitudes toward trans people: the change cannot be computed because some scores are invalid.',
    );
  });

  it('never claims the course caused the change', () => {
    const texts = [result({}), result({ p: 0.4 }), result({ meanDiff: -0.2, dz: -0.3 })].map((r) => describeChange(r, ATTITUDES));
    for (const text of texts) expect(text).not.toMatch(/\b(caused|because of|due to|thanks to|the course|the training|proves?)\b/i);
  });
});

describe('describeChange — Spanish', () => {
  it('reads the example sentence', () => {
    expect(describeChange(result({}), ACTITUDES)).toBe(
      'En Actitudes hacia las personas trans, el puntaje promedio mejoró 0.42 puntos en una escala de 1 a 5, un cambio grande (d_z = 0.91); es poco probable que se deba al azar, p < 0.001.',
    );
  });

  it('percent, not significant, small sample, decimal comma', () => {
    const text = describeChange(result({ n: 7, meanDiff: 6.25, dz: 0.35, p: 0.181 }), {
      measure: 'Conocimientos sobre la ruta de atención', scale: 'percent', locale: 'es', decimal: ',',
    });
    expect(text).toBe(
      'En Conocimientos sobre la ruta de atención, el puntaje promedio mejoró 6,3 puntos porcentuales, un cambio pequeño (d_z = 0,35); podría deberse al azar, p = 0,181 (solo 7 personas con ambos puntajes: interprételo con cautela).',
    );
  });

  it('decline and degenerate cases', () => {
    expect(describeChange(result({ meanDiff: -0.3, dz: -0.6, p: 0.01 }), ACTITUDES)).toBe(
      'En Actitudes hacia las personas trans, el puntaje promedio empeoró 0.30 puntos en una escala de 1 a 5, un cambio moderado (d_z = −0.60); es poco probable que se deba al azar, p = 0.010.',
    );
    expect(describeChange(pairedComparison([], []), ACTITUDES)).toBe(
      'Actitudes hacia las personas trans: hay muy pocas personas con puntaje antes y después para evaluar el cambio (n = 0).',
    );
    expect(describeChange(pairedComparison([2, 4], [2, 4]), ACTITUDES)).toBe(
      'En Actitudes hacia las personas trans no hubo cambio: cada participante obtuvo el mismo puntaje antes y después (n = 2).',
    );
  });
});

describe('describeAlpha', () => {
  it('warns below 0.70 (TV4: α = 0.59)', () => {
    expect(describeAlpha(0.591719, 'en')).toBe(
      "Cronbach's α = 0.59: below 0.70, so the items may not measure one consistent construct; interpret this subscale with caution.",
    );
    expect(describeAlpha(0.591719, 'es')).toBe(
      'α de Cronbach = 0.59: por debajo de 0.70, por lo que los ítems podrían no medir un mismo constructo de forma consistente; interprete esta subescala con cautela.',
    );
  });

  it('accepts 0.70 and above', () => {
    expect(describeAlpha(0.7, 'en')).toBe("Cronbach's α = 0.70: acceptable internal consistency (at least 0.70).");
    expect(describeAlpha(0.84, 'es')).toBe('α de Cronbach = 0.84: consistencia interna aceptable (al menos 0.70).');
  });

  it('never shows a value below the threshold as 0.70', () => {
    expect(describeAlpha(0.6996, 'en')).toMatch(/^Cronbach's α = 0\.6996: below 0\.70/);
  });

  it('flags negative α as a probable keying error, and explains a missing α', () => {
    expect(describeAlpha(-0.12, 'en')).toMatch(/−0\.12: negative, .*keyed in the wrong direction/);
    expect(describeAlpha(-0.12, 'es')).toMatch(/−0\.12: es negativo/);
    expect(describeAlpha(null, 'en')).toMatch(/cannot be computed/);
    expect(describeAlpha(null, 'es')).toMatch(/No se puede calcular/);
  });
});
