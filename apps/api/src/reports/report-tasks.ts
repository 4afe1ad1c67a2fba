import type { Locale } from '#curriculum';
import type { AlphaMoments } from '#evaluation';
import { AnswerVectors, type AnswerVectorsData } from './answer-vectors.js';
import { type ScanCourse, type ScoreColumns, scoreRange, type ScoringSums } from './cohort-scores.js';
import { type ItemCounts, itemCountsRange } from './report-items.js';
import { type MeasureDef, measureReport } from './report-measures.js';
import type { MeasureReportDto } from './report.dto.js';

// The report's work that may run on a worker thread: plain data in, plain data out (typed arrays over
// SharedArrayBuffers are shared, everything else is copied), the same functions on the request's thread.

/** One share of a report's learners to scan. */
export interface ScanTask {
  course: ScanCourse;
  vectors: AnswerVectorsData;
  /** Each share writes its learners' scores in place. */
  scores: Record<string, ScoreColumns>;
  from: number;
  to: number;
}

/** What scanning a share adds up: the scoring sums and the knowledge item counts. */
export interface ScanPart {
  scoring: ScoringSums;
  items: ItemCounts;
}

/** The two passes over learners [from, to): scores with α and paired-item sums, then the options chosen. */
export function scanPart(task: ScanTask): ScanPart {
  const vectors = new AnswerVectors(task.vectors);
  return {
    scoring: scoreRange(task.course, vectors, task.scores, task.from, task.to),
    items: itemCountsRange(task.course, vectors, task.from, task.to),
  };
}

/** One measure's figures (tests, distributions, α, then-test, retention) from the scanned scores. */
export interface MeasureTask {
  def: MeasureDef;
  scores: ScoreColumns;
  alphaMoments: Record<'pre' | 'post', AlphaMoments> | undefined;
  course: ScanCourse;
  locale: Locale;
}

export function measurePart(task: MeasureTask): MeasureReportDto {
  return measureReport(task.def, task.scores, task.alphaMoments, task.course, task.locale);
}

export const REPORT_TASKS = { scan: scanPart, measure: measurePart };
export type ReportTaskKind = keyof typeof REPORT_TASKS;
