import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Course, Locale } from '#curriculum';
import type { CohortAnswers } from './cohort-answers.js';
import { type CohortScores, cohortScoresOf, type ScanCourse, scanCourseOf, scoreColumns } from './cohort-scores.js';
import type { ItemCounts } from './report-items.js';
import type { MeasureDef } from './report-measures.js';
import { REPORT_TASKS, type ReportTaskKind, type ScanTask } from './report-tasks.js';
import type { MeasureReportDto } from './report.dto.js';

export interface ReportWorkerOptions {
  /** Worker threads besides the request's own (0: every report on the request's thread). */
  threads: number;
  /** Reports with fewer learners run on the request's thread alone (cheaper than messages to a worker). */
  parallelFrom: number;
  /** The compiled worker script. Missing (tests run the TypeScript sources): the request's thread works alone. */
  script: URL;
  /** Workers idle this long stop, and give their memory back. */
  idleMs: number;
}

/** The worker next to this module once compiled (dist/…/reports/report.worker.js). */
export const REPORT_WORKER_SCRIPT = new URL('./report.worker.js', import.meta.url);

export interface CohortScan {
  /** The course as the scan read it (what measure tasks need of it). */
  course: ScanCourse;
  scores: CohortScores;
  /** Item counts per share scanned: itemAnalysisOf adds them up. */
  items: ItemCounts[];
  /** The score columns are in shared memory (the scan was split): the measures may be computed by workers too. */
  shared: boolean;
}

type Task<K extends ReportTaskKind> = Parameters<(typeof REPORT_TASKS)[K]>[0];
type Result<K extends ReportTaskKind> = ReturnType<(typeof REPORT_TASKS)[K]>;

/**
 * Runs a large report's work on the request's thread and worker threads at once. A report spends most of its time
 * in JavaScript while PostgreSQL idles: the scan of every learner's answers (split by learners: the vectors and the
 * score columns are in shared memory, a worker reads and writes them in place and sends back only sums, all
 * integer, so the figures are the same bit for bit however the learners are split), then the measures' tests
 * (split by measure). Small reports stay on the request's thread.
 */
@Injectable()
export class ReportWorkers implements OnApplicationShutdown {
  private readonly logger = new Logger(ReportWorkers.name);
  private workers: ReportWorker[] = [];
  private running = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private scriptMissing = false;

  constructor(private readonly options: ReportWorkerOptions) {}

  async scan(course: Course, answers: CohortAnswers): Promise<CohortScan> {
    const scanCourse = scanCourseOf(course);
    const n = answers.size;
    const shares = (answers.size >= this.options.parallelFrom ? this.ready().length : 0) + 1;
    const scores = scoreColumns(scanCourse, n, shares > 1);
    const task = (share: number): ScanTask => ({
      course: scanCourse, vectors: answers.vectors.data, scores, from: Math.round((n * share) / shares), to: Math.round((n * (share + 1)) / shares),
    });
    const parts = await this.spread('scan', Array.from({ length: shares }, (_, share) => [task(share)]));
    return {
      course: scanCourse,
      scores: cohortScoresOf(scanCourse, scores, parts.map((p) => p.scoring)),
      items: parts.map((p) => p.items),
      shared: shares > 1,
    };
  }

  /** Each measure's figures, in the order of `defs`; measure i on thread i mod threads when the scan was split. */
  async measures(defs: MeasureDef[], scan: CohortScan, locale: Locale): Promise<MeasureReportDto[]> {
    const threads = scan.shared ? this.ready().length + 1 : 1;
    const perThread = Array.from({ length: threads }, (_, t) => defs.flatMap((def, i) => (i % threads === t ? [def] : [])));
    const results = await this.spread('measure', perThread.map((own) => own.map((def) => ({
      def, scores: scan.scores.scores[def.key]!, alphaMoments: scan.scores.alphaMoments[def.key], course: scan.course, locale,
    }))));
    const byKey = new Map(results.map((r) => [r.key, r]));
    return defs.map((def) => byKey.get(def.key)!);
  }

  onApplicationShutdown(): Promise<void> {
    clearTimeout(this.idleTimer);
    return this.stopWorkers();
  }

  /** tasks[0] run here, tasks[t] on worker t − 1, all at once; results in that order. */
  private async spread<K extends ReportTaskKind>(kind: K, tasks: Task<K>[][]): Promise<Result<K>[]> {
    const run = REPORT_TASKS[kind] as (task: Task<K>) => Result<K>;
    const workers = this.workers;
    this.running++;
    clearTimeout(this.idleTimer);
    try {
      // (A worker that failed since the tasks were split is gone: its tasks run here.)
      const elsewhere = tasks.slice(1).map((own, w) => Promise.all(own.map((task) => (workers[w] ? this.runOn(workers[w], kind, task, run) : run(task)))));
      const here = tasks[0]!.map(run);
      return [...here, ...(await Promise.all(elsewhere)).flat()];
    } finally {
      if (--this.running === 0 && this.workers.length > 0) this.idleTimer = setTimeout(() => void this.stopWorkers(), this.options.idleMs).unref();
    }
  }

  /** A worker that fails leaves its task to the request's thread (a scan rewrites its scores with the same values). */
  private async runOn<K extends ReportTaskKind>(worker: ReportWorker, kind: K, task: Task<K>, run: (task: Task<K>) => Result<K>): Promise<Result<K>> {
    try {
      return (await worker.run(kind, task)) as Result<K>;
    } catch (error) {
      this.logger.error(`A report worker failed; its task runs on the request's thread: ${error instanceof Error ? error.message : error}`);
      this.workers = this.workers.filter((w) => w !== worker);
      void worker.stop();
      return run(task);
    }
  }

  private ready(): ReportWorker[] {
    if (this.options.threads === 0 || this.scriptMissing) return [];
    if (!existsSync(fileURLToPath(this.options.script))) {
      this.scriptMissing = true;
      this.logger.warn(`No compiled report worker at ${fileURLToPath(this.options.script)}: reports run on the request's thread alone.`);
      return [];
    }
    if (this.workers.length < this.options.threads) {
      const starting = this.options.threads - this.workers.length;
      while (this.workers.length < this.options.threads) this.workers.push(new ReportWorker(this.options.script));
      this.logger.log(`${starting} report worker thread${starting === 1 ? '' : 's'} started`);
    }
    return this.workers;
  }

  private async stopWorkers(): Promise<void> {
    const stopping = this.workers;
    this.workers = [];
    await Promise.all(stopping.map((w) => w.stop()));
  }
}

/** One worker thread and the tasks it owes an answer. */
class ReportWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(script: URL) {
    this.worker = new Worker(script);
    this.worker.unref(); // an idle worker never keeps the process alive; one with work does (see run)
    this.worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker.unref();
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(result);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the worker stopped (exit code ${code})`)));
  }

  run(kind: ReportTaskKind, task: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, kind, task });
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
