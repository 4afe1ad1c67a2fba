// Public API of libs/evaluation: pure pre/post statistics for trainers (no I/O).
// Distributions come from @stdlib; every undefined statistic is null with a stable reason code, never NaN.

export { EvaluationInputError, type InputErrorCode, type ReasonCode } from './reasons.js';
export { describe, describeWaves, groupMeans, mean, sd, type DescriptiveField, type Descriptives } from './descriptive.js';
export { describePairs, type PairsDescription } from './describe-pairs.js';
export { knowledgePercent, LIKERT_MAX, LIKERT_MIN, rekey, SUBSCALE_MIN_ANSWERED, subscaleScore, subscaleScoreAt } from './scoring.js';
export {
  averageRanks,
  WILCOXON_EXACT_BELOW_N,
  wilcoxonSignedRank,
  type WilcoxonMethod,
  type WilcoxonSignedRank,
} from './wilcoxon-signed-rank.js';
export {
  isCompletePairedComparison,
  pairedComparison,
  type CompletePairedComparison,
  type PairedComparison,
  type PairedField,
} from './paired-comparison.js';
export { programmeEffect, responseShift, retention, thenTest } from './then-test.js';
export {
  cronbachAlpha,
  isCompleteCronbachAlpha,
  type CompleteCronbachAlpha,
  type CronbachAlpha,
  type CronbachField,
  feldtCi95,
} from './cronbach-alpha.js';
export {
  changeDirection,
  changeDistribution,
  MAX_CHANGE_BINS,
  samplePairs,
  type ChangeBin,
  type ChangeDirection,
  type ChangeDistribution,
} from './change-distribution.js';
export {
  controlledComparison,
  type Ancova,
  type ControlledComparison,
  type ControlledComparisonInput,
  type ControlledField,
  type WaveScores,
} from './controlled-comparison.js';
export { describeControlledComparison, type DescribeControlledOptions } from './controlled-interpretation.js';
export { wilsonInterval, type WilsonInterval } from './proportions.js';
export {
  practiceShares,
  type PracticeAnswers,
  type PracticeItemDefinition,
  type PracticeItemShares,
  type PracticeOptionShare,
  type PracticeShares,
} from './practice-shares.js';
export {
  itemAnalysis,
  ItemAnalysisSums,
  FOREIGN_OPTION_BIT,
  LOW_DISCRIMINATION,
  TOO_EASY_FACILITY,
  type ItemAnalysis,
  type ItemAnalysisCounts,
  type ItemAnalysisOptions,
  type ItemAnswerRow,
  type ItemDefinition,
  type ItemFlag,
  type ItemStatistics,
  type OptionShare,
} from './item-analysis.js';
export { AlphaMomentSums, alphaMomentsOf, cronbachAlphaFromMoments, type AlphaMoments } from './cronbach-alpha-moments.js';
export {
  MIN_GROUP_N,
  suppressBreakdown,
  suppressGroups,
  suppressMeasures,
  type GroupInput,
  type MeasureCell,
  type MeasureGroupInput,
  type MeasureSuppression,
  type SuppressedBreakdown,
  type SuppressedGroup,
  type SuppressedTotal,
  type SuppressMeasuresOptions,
  type SuppressionOutcome,
  type SuppressionReason,
  type VisibleGroup,
} from './suppression.js';
export { suppressCombinations, suppressJointly, type JointSuppression, type JointSuppressionOptions } from './joint-suppression.js';
export {
  ALPHA_THRESHOLD,
  describeAlpha,
  describeChange,
  describeResponseShift,
  effectSizeLabel,
  formatP,
  SIGNIFICANCE_LEVEL,
  SMALL_SAMPLE_N,
  type ChangeScale,
  type DescribeChangeOptions,
  type EffectSizeLabel,
  type Locale,
} from './interpretation.js';
