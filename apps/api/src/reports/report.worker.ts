import { parentPort } from 'node:worker_threads';
import { REPORT_TASKS, type ReportTaskKind } from './report-tasks.js';

// A report worker (see ReportWorkers): runs the task it is sent and answers with its result.
parentPort!.on('message', ({ id, kind, task }: { id: number; kind: ReportTaskKind; task: never }) => {
  try {
    parentPort!.postMessage({ id, result: REPORT_TASKS[kind](task) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
