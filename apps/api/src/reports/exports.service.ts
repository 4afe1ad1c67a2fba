import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Course, localize } from '#curriculum';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UNANSWERED, WAVES } from './cohort-answers.js';
import { scoreAt, scoreCohort } from './cohort-scores.js';
import { ReportsService } from './reports.service.js';

type Cell = string | number | null;
interface Table {
  columns: string[];
  rows: Cell[][];
}

/**
 * Research exports: one row per learner and wave, wide format, with a stable pseudonym (HMAC of the learner's id
 * with a server secret) instead of any name or e-mail, and a codebook describing every column.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  pseudonym(userId: string): string {
    return `P-${createHmac('sha256', this.config.pseudonymSecret).update(userId).digest('hex').slice(0, 12)}`;
  }

  async tables(cohortIds: string[]): Promise<{ scores: Table; responses: Table; codebook: Table }> {
    const course = await this.reports.courseFor(cohortIds);
    const answers = await this.reports.answers(cohortIds, course);
    const { scores: measures } = scoreCohort(course, answers);
    const subscales = course.attitudeInstrument.subscales.map((s) => s.key);
    const attitudeKeys = course.attitudeInstrument.items.map((i) => i.key);
    const knowledgeKeys = course.knowledgeTest.items.map((i) => i.key);
    // Item answers per learner and wave (copied out of the scratch buffers the visitor lends).
    const itemCells = new Map<string, { attitude?: Cell[]; knowledge?: Cell[] }>();
    answers.forEachAttempt((learner, kind, wave, _score, item) => {
      const key = `${learner}|${wave}`;
      const cells = itemCells.get(key) ?? {};
      cells[kind] = Array.from(item, (x) => (x === UNANSWERED ? null : x));
      itemCells.set(key, cells);
    });
    const blank = (size: number) => new Array<Cell>(size).fill(null);

    const head = ['pseudonym', 'cohort', 'position_type', 'region', 'wave'];
    const scores: Table = { columns: [...head, 'knowledge_pct', ...subscales.map((s) => `att_${s}`)], rows: [] };
    const responses: Table = { columns: [...head, ...attitudeKeys, ...knowledgeKeys], rows: [] };
    answers.included.forEach((p, learner) => {
      for (const wave of WAVES) {
        const cells = itemCells.get(`${learner}|${wave}`);
        if (!cells) continue;
        const id = [this.pseudonym(p.userId), p.cohortName, p.positionType, p.region, wave];
        const measure = (key: string) => roundOrNull(scoreAt(measures[key]!, wave, learner));
        scores.rows.push([...id, measure('knowledge'), ...subscales.map(measure)]);
        responses.rows.push([...id, ...(cells.attitude ?? blank(attitudeKeys.length)), ...(cells.knowledge ?? blank(knowledgeKeys.length))]);
      }
    });
    return { scores, responses, codebook: codebook(course, subscales) };
  }

  async csv(cohortIds: string[], table: 'scores' | 'responses' | 'codebook'): Promise<string> {
    const t = (await this.tables(cohortIds))[table];
    return [t.columns, ...t.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  async xlsx(cohortIds: string[]): Promise<Buffer> {
    const tables = await this.tables(cohortIds);
    // Loaded on first export only: the spreadsheet library is large and most processes never need it.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.creator = 'Respeta';
    for (const [name, t] of [['Scores', tables.scores], ['Responses', tables.responses], ['Codebook', tables.codebook]] as const) {
      const sheet = book.addWorksheet(name);
      sheet.addRow(t.columns).font = { bold: true };
      for (const row of t.rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? safeText(c) : c)));
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}

function codebook(course: Course, subscales: string[]): Table {
  const rows: Cell[][] = [
    ['pseudonym', 'Stable pseudonym: HMAC-SHA256 of the learner id with a server secret (not reversible without it)', '', '', '', ''],
    ['cohort', 'Cohort name', '', '', '', ''],
    ['position_type', 'police | municipal_official | health_staff | other', '', '', '', ''],
    ['region', "Peru's department (slug)", '', '', '', ''],
    ['wave', 'pre | post | then (retrospective pre, asked at post) | followup', '', '', '', ''],
    ['knowledge_pct', 'Knowledge test, percent correct of all items (unanswered = wrong)', '', '', '', ''],
    ...subscales.map((s): Cell[] => {
      const sub = course.attitudeInstrument.subscales.find((x) => x.key === s)!;
      return [`att_${s}`, `Attitude subscale mean 1–5 after re-keying (higher = more rights-respecting); empty if < 75 % of its items answered`, localize(sub.title, 'es'), localize(sub.title, 'en'), s, ''];
    }),
    ...course.attitudeInstrument.items.map((i): Cell[] => [i.key, 'Attitude item, raw answer 1–5 (NOT re-keyed)', localize(i.text, 'es'), localize(i.text, 'en'), i.subscale, i.reverse ? 'yes' : 'no']),
    ...course.knowledgeTest.items.map((i): Cell[] => [i.key, `Knowledge item (module ${i.module}): 1 correct, 0 incorrect, empty unanswered`, localize(i.prompt, 'es'), localize(i.prompt, 'en'), '', '']),
  ];
  return { columns: ['column', 'description', 'text_es', 'text_en', 'subscale', 'reverse_keyed'], rows };
}

const roundOrNull = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** Spreadsheet programs execute cells starting with = + - @: prefix such text so it stays text. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = safeText(value);
  // RFC 4180 quoting of every delimiter a spreadsheet may split on (`;` in Spanish locales, tab), quotes and line breaks.
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
