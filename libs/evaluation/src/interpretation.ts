// One-line plain-language readings of a paired comparison and of Cronbach's α, in Spanish and English.
// Wording describes what the data show ("scores rose") and how likely chance is; it never says the course caused it.

import type { PairedComparison } from './paired-comparison.js';

export type Locale = 'es' | 'en';
export type ChangeScale = 'percent' | 'likert';
export type EffectSizeLabel = 'negligible' | 'small' | 'medium' | 'large';

/** Below this many pairs a reading carries a caution even when the test is computable. */
export const SMALL_SAMPLE_N = 10;
export const ALPHA_THRESHOLD = 0.7;
export const SIGNIFICANCE_LEVEL = 0.05;

export interface DescribeChangeOptions {
  /** Name of the measure as it should open the sentence, e.g. "Attitudes toward trans people". */
  measure: string;
  scale: ChangeScale;
  locale: Locale;
  /**
   * 'higher-is-better' (default; knowledge and attitude scores are keyed so) says improved/declined;
   * 'neutral' says rose/fell, for differences such as a response shift where neither direction is "better".
   */
  direction?: 'higher-is-better' | 'neutral';
  /** Decimal separator; default '.' (the usage in Peru for both languages). */
  decimal?: '.' | ',';
}

/** Conventional labels for |d_z|: < 0.2 negligible, < 0.5 small, < 0.8 medium, otherwise large. */
export function effectSizeLabel(dz: number): EffectSizeLabel {
  const size = Math.abs(dz);
  if (size < 0.2) return 'negligible';
  if (size < 0.5) return 'small';
  if (size < 0.8) return 'medium';
  return 'large';
}

const MINUS = '\u2212';

function fixed(value: number, digits: number, decimal: '.' | ','): string {
  const text = Math.abs(value).toFixed(digits);
  const negative = value < 0 && Number(text) !== 0;
  return (negative ? MINUS : '') + (decimal === ',' ? text.replace('.', ',') : text);
}

/** "p < 0.001" or "p = 0.028"; a p just under 0.05 that would round to 0.050 reads "p < 0.05". */
export function formatP(p: number, decimal: '.' | ',' = '.'): string {
  if (p < 0.001) return `p < ${fixed(0.001, 3, decimal)}`;
  if (p < SIGNIFICANCE_LEVEL && Number(p.toFixed(3)) >= SIGNIFICANCE_LEVEL) return `p < ${fixed(0.05, 2, decimal)}`;
  return `p = ${fixed(p, 3, decimal)}`;
}

const EFFECT_WORDS: Record<Locale, Record<EffectSizeLabel, string>> = {
  en: { negligible: 'a negligible change', small: 'a small change', medium: 'a medium change', large: 'a large change' },
  es: { negligible: 'un cambio trivial', small: 'un cambio pequeño', medium: 'un cambio moderado', large: 'un cambio grande' },
};

function amount(value: number, scale: ChangeScale, locale: Locale, decimal: '.' | ','): string {
  const digits = scale === 'percent' ? 1 : 2;
  const text = fixed(Math.abs(value), digits, decimal);
  if (locale === 'en') return scale === 'percent' ? `${text} percentage points` : `${text} points on a 1–5 scale`;
  return scale === 'percent' ? `${text} puntos porcentuales` : `${text} puntos en una escala de 1 a 5`;
}

/** Subject-and-verb part, e.g. "Attitudes … improved by 0.42 points on a 1–5 scale". */
function changeClause(measure: string, meanDiff: number, options: Required<DescribeChangeOptions>): string {
  const { scale, locale, decimal, direction } = options;
  const digits = scale === 'percent' ? 1 : 2;
  const roundsToZero = Number(Math.abs(meanDiff).toFixed(digits)) === 0;
  const up = meanDiff > 0;
  if (locale === 'en') {
    if (meanDiff === 0) return `${measure} did not change on average`;
    if (roundsToZero) {
      const unit = scale === 'percent' ? '0.1 percentage points' : '0.01 points on a 1–5 scale';
      return `${measure} changed by less than ${decimal === ',' ? unit.replace('.', ',') : unit} on average`;
    }
    const verb = direction === 'neutral' ? (up ? 'rose' : 'fell') : up ? 'improved' : 'declined';
    return `${measure} ${verb} by ${amount(meanDiff, scale, locale, decimal)}`;
  }
  if (meanDiff === 0) return `En ${measure}, el puntaje promedio no cambió`;
  if (roundsToZero) {
    const unit = scale === 'percent' ? '0.1 puntos porcentuales' : '0.01 puntos en una escala de 1 a 5';
    return `En ${measure}, el puntaje promedio cambió menos de ${decimal === ',' ? unit.replace('.', ',') : unit}`;
  }
  const verb = direction === 'neutral' ? (up ? 'subió' : 'bajó') : up ? 'mejoró' : 'empeoró';
  return `En ${measure}, el puntaje promedio ${verb} ${amount(meanDiff, scale, locale, decimal)}`;
}

/**
 * One-line reading of a paired comparison, e.g. "Attitudes toward trans people improved by 0.42 points on a 1–5
 * scale, a large change (d_z = 0.91); this is unlikely to be chance, p < 0.001."
 */
export function describeChange(result: PairedComparison, options: DescribeChangeOptions): string {
  const opts: Required<DescribeChangeOptions> = { direction: 'higher-is-better', decimal: '.', ...options };
  const { measure, locale, decimal } = opts;
  const en = locale === 'en';
  const reason = result.undefinedReasons;

  if (reason.meanDiff === 'non_finite_value' || reason.meanDiff === 'numerical_error') {
    return en
      ? `${measure}: the change cannot be computed because some scores are invalid.`
      : `${measure}: no se puede calcular el cambio porque algunos puntajes no son válidos.`;
  }
  if (result.n < 2 || result.meanDiff === null) {
    return en
      ? `${measure}: too few learners with both pre and post scores to assess change (n = ${result.n}).`
      : `${measure}: hay muy pocas personas con puntaje antes y después para evaluar el cambio (n = ${result.n}).`;
  }
  if (reason.t === 'all_differences_zero') {
    return en
      ? `${measure} did not change: every learner had the same score before and after (n = ${result.n}).`
      : `En ${measure} no hubo cambio: cada participante obtuvo el mismo puntaje antes y después (n = ${result.n}).`;
  }
  const clause = changeClause(measure, result.meanDiff, opts);
  if (result.dz === null || result.p === null) {
    // Every learner changed by exactly the same amount: no spread, so no effect size or test.
    return en
      ? `${clause}, identically for every learner (n = ${result.n}), so no effect size or significance test can be computed.`
      : `${clause}, igual para cada participante (n = ${result.n}), por lo que no se puede calcular el tamaño del efecto ni la prueba de significancia.`;
  }
  const effect = `${EFFECT_WORDS[locale][effectSizeLabel(result.dz)]} (d_z = ${fixed(result.dz, 2, decimal)})`;
  const p = formatP(result.p, decimal);
  const significant = result.p < SIGNIFICANCE_LEVEL;
  const chance = en
    ? significant ? `this is unlikely to be chance, ${p}` : `this could be chance, ${p}`
    : significant ? `es poco probable que se deba al azar, ${p}` : `podría deberse al azar, ${p}`;
  const caution = result.n < SMALL_SAMPLE_N
    ? en ? ` (only ${result.n} learners with both scores: read with caution)` : ` (solo ${result.n} personas con ambos puntajes: interprételo con cautela)`
    : '';
  return `${clause}, ${effect}; ${chance}${caution}.`;
}

/** α to two decimals, with more digits only when rounding would carry it across the 0.70 threshold. */
function formatAlpha(alpha: number, decimal: '.' | ','): string {
  let digits = 2;
  while (digits < 6 && alpha < ALPHA_THRESHOLD && Number(alpha.toFixed(digits)) >= ALPHA_THRESHOLD) digits++;
  return fixed(alpha, digits, decimal);
}

/** One-line reading of Cronbach's α with a warning below 0.70 (and a keying check when α is negative). */
export function describeAlpha(alpha: number | null, locale: Locale, decimal: '.' | ',' = '.'): string {
  const en = locale === 'en';
  const threshold = fixed(ALPHA_THRESHOLD, 2, decimal);
  if (alpha === null || !Number.isFinite(alpha)) {
    return en
      ? "Cronbach's α cannot be computed (too few items or complete responses, or no variation in the answers)."
      : 'No se puede calcular el α de Cronbach (muy pocos ítems o respuestas completas, o respuestas sin variación).';
  }
  const value = formatAlpha(alpha, decimal);
  if (alpha < 0) {
    return en
      ? `Cronbach's α = ${value}: negative, which usually means an item is keyed in the wrong direction; check the reverse keys before interpreting this subscale.`
      : `α de Cronbach = ${value}: es negativo, lo que suele indicar un ítem con la clave invertida equivocada; revise las claves antes de interpretar esta subescala.`;
  }
  if (alpha < ALPHA_THRESHOLD) {
    return en
      ? `Cronbach's α = ${value}: below ${threshold}, so the items may not measure one consistent construct; interpret this subscale with caution.`
      : `α de Cronbach = ${value}: por debajo de ${threshold}, por lo que los ítems podrían no medir un mismo constructo de forma consistente; interprete esta subescala con cautela.`;
  }
  return en
    ? `Cronbach's α = ${value}: acceptable internal consistency (at least ${threshold}).`
    : `α de Cronbach = ${value}: consistencia interna aceptable (al menos ${threshold}).`;
}

/**
 * The then-test's response shift (then − pre) in plain words. A negative shift does not mean attitudes got worse:
 * looking back after the course, learners judge where they started more strictly than they did at the time.
 */
export function describeResponseShift(result: PairedComparison, options: { measure: string; locale: Locale; decimal?: '.' | ',' }): string {
  const { measure, locale, decimal = '.' } = options;
  const en = locale === 'en';
  if (result.n < 2 || result.meanDiff === null) {
    return en
      ? `${measure}: too few learners answered the looking-back question to describe a response shift (n = ${result.n}).`
      : `${measure}: muy pocas personas respondieron la pregunta retrospectiva para describir un cambio de referencia (n = ${result.n}).`;
  }
  const size = amount(result.meanDiff, 'likert', locale, decimal);
  const p = result.p === null ? '' : en ? ` (${formatP(result.p, decimal)})` : ` (${formatP(result.p, decimal)})`;
  if (Number(Math.abs(result.meanDiff).toFixed(2)) === 0) {
    return en
      ? `${measure}: looking back, learners rated their starting point about as they did before the course (n = ${result.n}): no sign of a response shift.`
      : `${measure}: mirando atrás, las personas valoraron su punto de partida casi igual que antes del curso (n = ${result.n}): no hay señal de un cambio de referencia.`;
  }
  if (result.meanDiff < 0) {
    return en
      ? `${measure}: looking back, learners rated their starting point ${size} lower than they did before the course${p}. This is a response shift, not a decline: after the course they judge the topic more strictly, so the plain pre/post change may understate what was learned.`
      : `${measure}: mirando atrás, las personas valoraron su punto de partida ${size} más bajo que antes del curso${p}. Es un cambio de referencia, no un retroceso: después del curso juzgan el tema con más exigencia, por lo que el cambio antes/después puede quedarse corto.`;
  }
  return en
    ? `${measure}: looking back, learners rated their starting point ${size} higher than they did before the course${p}. The plain pre/post change may overstate what was learned.`
    : `${measure}: mirando atrás, las personas valoraron su punto de partida ${size} más alto que antes del curso${p}. El cambio antes/después puede exagerar lo aprendido.`;
}
