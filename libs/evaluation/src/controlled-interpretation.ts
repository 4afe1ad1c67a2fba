// Plain-language reading of a controlled comparison (treated vs waitlist), in Spanish and English, e.g.
// "Rights: the course raised the score by 0.52 points on a 1–5 scale more than waiting did (95 % CI 0.34 to 0.71);
// this is unlikely to be chance, p < 0.001." Unlike a single-group pre/post change, a comparison with a group that
// waited may speak of the course's effect; the reading still says when chance could explain it.

import type { ControlledComparison } from './controlled-comparison.js';
import { type ChangeScale, effectSizeLabel, formatP, type Locale, SIGNIFICANCE_LEVEL, SMALL_SAMPLE_N } from './interpretation.js';

export interface DescribeControlledOptions {
  /** Name of the measure as it should open the sentence. */
  measure: string;
  scale: ChangeScale;
  locale: Locale;
  /** Decimal separator; default '.'. */
  decimal?: '.' | ',';
}

const MINUS = '\u2212';

function fixed(value: number, digits: number, decimal: '.' | ','): string {
  const text = Math.abs(value).toFixed(digits);
  const negative = value < 0 && Number(text) !== 0;
  return (negative ? MINUS : '') + (decimal === ',' ? text.replace('.', ',') : text);
}

function amount(value: number, scale: ChangeScale, locale: Locale, decimal: '.' | ','): string {
  const text = fixed(Math.abs(value), scale === 'percent' ? 1 : 2, decimal);
  if (locale === 'en') return scale === 'percent' ? `${text} percentage points` : `${text} points on a 1–5 scale`;
  return scale === 'percent' ? `${text} puntos porcentuales` : `${text} puntos en una escala de 1 a 5`;
}

const G_WORDS: Record<Locale, Record<ReturnType<typeof effectSizeLabel>, string>> = {
  en: { negligible: 'negligible', small: 'small', medium: 'medium', large: 'large' },
  es: { negligible: 'trivial', small: 'pequeño', medium: 'moderado', large: 'grande' },
};

/** One or two sentences: the difference in change with its CI and p, then the pre-test-adjusted (ANCOVA) effect. */
export function describeControlledComparison(result: ControlledComparison, options: DescribeControlledOptions): string {
  const { measure, scale, locale } = options;
  const decimal = options.decimal ?? '.';
  const en = locale === 'en';
  const digits = scale === 'percent' ? 1 : 2;
  const { nTreated, nControl, difference } = result;

  if (nTreated < 2 || nControl < 2 || difference === null) {
    return en
      ? `${measure}: too few learners with both scores in each group to compare them (course n = ${nTreated}, waiting n = ${nControl}).`
      : `${measure}: hay muy pocas personas con ambos puntajes en cada grupo para compararlos (curso n = ${nTreated}, espera n = ${nControl}).`;
  }
  const size = amount(difference, scale, locale, decimal);
  const ci = result.ci95
    ? en
      ? ` (95 % CI ${fixed(result.ci95[0], digits, decimal)} to ${fixed(result.ci95[1], digits, decimal)})`
      : ` (IC 95 %: ${fixed(result.ci95[0], digits, decimal)} a ${fixed(result.ci95[1], digits, decimal)})`
    : '';
  let clause: string;
  if (Number(Math.abs(difference).toFixed(digits)) === 0) {
    clause = en ? `${measure}: the course group changed as much as the waiting group${ci}` : `En ${measure}, el grupo del curso cambió lo mismo que el grupo en espera${ci}`;
  } else if (difference > 0) {
    clause = en ? `${measure}: the course raised the score by ${size} more than waiting did${ci}` : `En ${measure}, el curso elevó el puntaje ${size} más que la espera${ci}`;
  } else {
    clause = en
      ? `${measure}: the course group's change was ${size} below the waiting group's${ci}`
      : `En ${measure}, el cambio del grupo del curso fue ${size} menor que el del grupo en espera${ci}`;
  }
  let test: string;
  if (result.p === null) {
    test = en
      ? 'every learner within each group changed by the same amount, so no test can be computed'
      : 'cada persona de un mismo grupo cambió lo mismo, por lo que no se puede calcular la prueba';
  } else {
    const p = formatP(result.p, decimal);
    const chance = result.p < SIGNIFICANCE_LEVEL
      ? en ? `this is unlikely to be chance, ${p}` : `es poco probable que se deba al azar, ${p}`
      : en ? `this could be chance, ${p}` : `podría deberse al azar, ${p}`;
    const g = result.hedgesG === null ? '' : en
      ? `; Hedges' g = ${fixed(result.hedgesG, 2, decimal)}, ${G_WORDS.en[effectSizeLabel(result.hedgesG)]}`
      : `; g de Hedges = ${fixed(result.hedgesG, 2, decimal)}, ${G_WORDS.es[effectSizeLabel(result.hedgesG)]}`;
    test = `${chance}${g}`;
  }
  const caution = Math.min(nTreated, nControl) < SMALL_SAMPLE_N
    ? en ? ` (few learners: course n = ${nTreated}, waiting n = ${nControl}; read with caution)` : ` (pocas personas: curso n = ${nTreated}, espera n = ${nControl}; interprételo con cautela)`
    : '';
  const { effect, ci95 } = result.ancova;
  const adjusted = effect !== null && ci95 !== null
    ? en
      ? ` Taking each learner's starting score into account (ANCOVA), the effect is ${fixed(effect, digits, decimal)} (95 % CI ${fixed(ci95[0], digits, decimal)} to ${fixed(ci95[1], digits, decimal)}).`
      : ` Teniendo en cuenta el puntaje inicial de cada persona (ANCOVA), el efecto es ${fixed(effect, digits, decimal)} (IC 95 %: ${fixed(ci95[0], digits, decimal)} a ${fixed(ci95[1], digits, decimal)}).`
    : '';
  return `${clause}; ${test}${caution}.${adjusted}`;
}
