import { type Course, type Locale, localize } from '#curriculum';
import { type ControlledComparison, controlledComparison, describeControlledComparison, MIN_GROUP_N, type PracticeAnswers } from '#evaluation';
import { practiceReport } from '../reports/practice-report.js';
import { round, withheldDto } from '../reports/report-measures.js';
import type { Arm } from './study-assignment.js';
import type { ArmAttritionDto, StudyArmReportDto, StudyComparisonDto, StudyMeasureDto } from './studies.dto.js';
import { ARM_WAVES, type StudyLearner } from './study-scores.js';

const KNOWLEDGE_LABEL = { es: 'Conocimientos', en: 'Knowledge' };
const ARM_LABEL: Record<Locale, Record<Arm, string>> = {
  es: { treated: 'Curso ahora', waitlist: 'Lista de espera' },
  en: { treated: 'Course now', waitlist: 'Waitlist' },
};
const ARM_WAVES_TEXT: Record<Locale, Record<Arm, string>> = {
  es: { treated: 'antes = prueba de entrada; después = prueba de salida', waitlist: 'antes = primera línea de base; después = segunda línea de base, antes de empezar el curso' },
  en: { treated: 'before = pre-test; after = post-test', waitlist: 'before = first baseline; after = second baseline, before starting the course' },
};

export interface MeasureDef {
  key: string;
  label: string;
  kind: 'knowledge' | 'attitude';
  scale: 'percent' | 'likert';
}

export function measureDefs(course: Course, locale: Locale): MeasureDef[] {
  return [
    { key: 'knowledge', label: KNOWLEDGE_LABEL[locale], kind: 'knowledge', scale: 'percent' },
    ...course.attitudeInstrument.subscales.map((s): MeasureDef => ({ key: s.key, label: localize(s.title, locale), kind: 'attitude', scale: 'likert' })),
  ];
}

/** One arm's before/after scores on a measure, aligned per learner (null = missing), as controlledComparison reads them. */
export function armWaves(learners: readonly StudyLearner[], arm: Arm, measure: string): { pre: (number | null)[]; post: (number | null)[] } {
  const { before, after } = ARM_WAVES[arm];
  const mine = learners.filter((l) => l.arm === arm);
  return { pre: mine.map((l) => l.scores[measure]?.[before] ?? null), post: mine.map((l) => l.scores[measure]?.[after] ?? null) };
}

const pairedMean = (waves: { pre: (number | null)[]; post: (number | null)[] }, which: 'pre' | 'post') => {
  const values = waves.pre.flatMap((pre, i) => (pre !== null && waves.post[i] !== null ? [waves[which][i]!] : []));
  return values.reduce((a, b) => a + b, 0) / values.length;
};

/**
 * One measure: treated change against waitlist change (libs/evaluation controlledComparison), the four means for the
 * chart, and the plain-language reading. Same suppression as the cohort report: attitude figures resting on fewer than
 * MIN_GROUP_N learners (here: the smaller arm's complete pairs) are withheld; knowledge is not confidential.
 */
export function studyMeasure(def: MeasureDef, learners: readonly StudyLearner[], locale: Locale): StudyMeasureDto {
  const treated = armWaves(learners, 'treated', def.key);
  const control = armWaves(learners, 'waitlist', def.key);
  const result = controlledComparison({ treated, control });
  const smaller = Math.min(result.nTreated, result.nControl);
  const base = { key: def.key, label: def.label, kind: def.kind, scale: def.scale, nTreated: result.nTreated, nWaitlist: result.nControl };
  if (def.kind === 'attitude' && smaller < MIN_GROUP_N) return { ...base, withheld: withheldDto(smaller), means: null, comparison: null };
  const means = result.nTreated > 0 && result.nControl > 0
    ? {
      treatedBefore: round(pairedMean(treated, 'pre'))!, treatedAfter: round(pairedMean(treated, 'post'))!,
      waitlistBefore: round(pairedMean(control, 'pre'))!, waitlistAfter: round(pairedMean(control, 'post'))!,
    }
    : null;
  return { ...base, withheld: null, means, comparison: comparisonDto(result, def, locale) };
}

const ci = (x: [number, number] | null): [number, number] | null => (x ? [round(x[0])!, round(x[1])!] : null);
const p = (x: number | null) => (x === null ? null : Number(x.toPrecision(4)));

function comparisonDto(result: ControlledComparison, def: MeasureDef, locale: Locale): StudyComparisonDto {
  const a = result.ancova;
  return {
    meanChangeTreated: round(result.meanChangeTreated), meanChangeWaitlist: round(result.meanChangeControl),
    difference: round(result.difference), ci95: ci(result.ci95), t: round(result.t), df: round(result.df), p: p(result.p), hedgesG: round(result.hedgesG),
    ancova: { effect: round(a.effect), se: round(a.se), t: round(a.t), df: a.df, p: p(a.p), ci95: ci(a.ci95) },
    undefinedReasons: result.undefinedReasons as Record<string, string>,
    reading: describeControlledComparison(result, { measure: def.label, scale: def.scale, locale, decimal: locale === 'es' ? ',' : '.' }),
  };
}

/** Attrition of one arm: who was measured before, and who of them also after (on any measure). */
export function armAttrition(learners: readonly StudyLearner[], arm: Arm): ArmAttritionDto {
  const { before, after } = ARM_WAVES[arm];
  const mine = learners.filter((l) => l.arm === arm);
  const measuredBefore = mine.filter((l) => Object.values(l.scores).some((s) => s[before] !== undefined)).length;
  const measuredBoth = mine.filter((l) => Object.values(l.scores).some((s) => s[before] !== undefined && s[after] !== undefined)).length;
  const lost = measuredBefore - measuredBoth;
  return { inStatistics: mine.length, measuredBefore, measuredBoth, lost, attritionShare: measuredBefore > 0 ? round(lost / measuredBefore) : null };
}

export function armReport(
  arm: Arm, cohortNames: string[], learners: readonly StudyLearner[], practice: readonly PracticeAnswers[], course: Course, locale: Locale,
): StudyArmReportDto {
  return {
    arm, label: ARM_LABEL[locale][arm], waves: ARM_WAVES_TEXT[locale][arm], cohortNames,
    attrition: armAttrition(learners, arm),
    practice: practiceReport(course, practice, locale),
  };
}

export function methodNote(locale: Locale): string {
  return locale === 'en'
    ? `Only learners who chose evaluation use and did not withdraw consent are counted. Each arm's change is after − before for learners with both; the effect is the treated change minus the waitlist change (Welch test, 95 % CI, Hedges' g) and, adjusted for the before score, the treated coefficient of lm(after ~ before + arm). Attitude figures resting on fewer than ${MIN_GROUP_N} learners in an arm are withheld.`
    : `Solo cuentan quienes eligieron el uso para evaluación y no retiraron su consentimiento. El cambio de cada grupo es después − antes en quienes tienen ambos; el efecto es el cambio del grupo del curso menos el del grupo en espera (prueba de Welch, IC 95 %, g de Hedges) y, ajustado por el puntaje de antes, el coeficiente del grupo en lm(después ~ antes + grupo). No se muestran cifras de actitudes que se basen en menos de ${MIN_GROUP_N} personas de un grupo.`;
}
