import { type Course, localize } from '#curriculum';
import { MIN_GROUP_N } from '#evaluation';
import type { Cell, Table } from './export-csv.js';
import { SUPPRESSED_VALUE, subscaleColumn } from './export-tables.js';

export const KNOWLEDGE_FILE = 'knowledge.csv';
export const ATTITUDES_FILE = 'attitudes.csv';
export const CODEBOOK_FILE = 'codebook.csv';
export const PRACTICE_FILE = 'practice.csv';

type Kind = 'id' | 'status' | 'score' | 'item';
interface Entry { file: string; column: string; kind: Kind; subscale?: string; reverse?: boolean; es: string; en: string; textEs?: string; textEn?: string }

const shared = (file: string, prefix: string): Entry[] => [
  {
    file, column: 'pseudonym', kind: 'id',
    es: `Código de la persona (${prefix}…), propio de esta exportación y de este archivo: no es su nombre y no se puede unir a otros archivos ni exportaciones.`,
    en: `The person's code (${prefix}…), specific to this export and this file: not their name, and it cannot be joined to other files or exports.`,
  },
  { file, column: 'cohort', kind: 'id', es: `Nombre del grupo; "${SUPPRESSED_VALUE}" si menos de ${MIN_GROUP_N} personas del archivo lo comparten.`, en: `Cohort name; "${SUPPRESSED_VALUE}" when fewer than ${MIN_GROUP_N} people in the file share it.` },
  {
    file, column: 'position_type', kind: 'id',
    es: `Tipo de cargo: police | municipal_official | health_staff | other | unknown (no indicado); "${SUPPRESSED_VALUE}" también reúne los valores de menos de ${MIN_GROUP_N} personas del archivo.`,
    en: `Position type: police | municipal_official | health_staff | other | unknown (not given); "${SUPPRESSED_VALUE}" also holds values shared by fewer than ${MIN_GROUP_N} people in the file.`,
  },
  { file, column: 'region', kind: 'id', es: `Departamento del Perú (slug) o unknown; "${SUPPRESSED_VALUE}" si menos de ${MIN_GROUP_N} personas del archivo lo comparten.`, en: `Peru's department (slug) or unknown; "${SUPPRESSED_VALUE}" when fewer than ${MIN_GROUP_N} people in the file share it.` },
  {
    file, column: 'wave', kind: 'id',
    es: 'Medición: pre (antes del curso) | post (al terminar) | then (actitudes: "antes" recordado, preguntado al final) | followup (seguimiento).',
    en: 'Wave: pre (before the course) | post (at the end) | then (attitudes: retrospective "before", asked at the end) | followup.',
  },
  {
    file, column: 'status', kind: 'status',
    es: 'taken = respondió al menos un ítem; empty = envió la prueba sin responder nada (dato faltante, nunca 0 %); not_taken = no la rindió. Solo las filas taken tienen puntajes.',
    en: 'taken = answered at least one item; empty = submitted with nothing answered (missing, never 0 %); not_taken = did not take it. Only taken rows carry scores.',
  },
];

export function codebookEntries(course: Course): Entry[] {
  const instrument = course.attitudeInstrument;
  return [
    ...shared(KNOWLEDGE_FILE, 'K-'),
    {
      file: KNOWLEDGE_FILE, column: 'knowledge_pct', kind: 'score',
      es: 'Prueba de conocimientos: porcentaje correcto sobre todos los ítems (sin responder = incorrecto), tal como lo calcula el informe, sin redondear. Vacío si la prueba está vacía o no se rindió.',
      en: 'Knowledge test: percent correct over all items (unanswered = wrong), as the report computes it, unrounded. Empty when the test is empty or was not taken.',
    },
    ...course.knowledgeTest.items.map((i): Entry => ({
      file: KNOWLEDGE_FILE, column: i.key, kind: 'item', textEs: localize(i.prompt, 'es'), textEn: localize(i.prompt, 'en'),
      es: `Ítem de conocimientos (módulo ${i.module}): 1 correcto, 0 incorrecto, vacío sin responder.`,
      en: `Knowledge item (module ${i.module}): 1 correct, 0 wrong, empty unanswered.`,
    })),
    ...shared(ATTITUDES_FILE, 'A-'),
    ...instrument.subscales.map((s): Entry => ({
      file: ATTITUDES_FILE, column: subscaleColumn(s.key), kind: 'score', subscale: s.key, textEs: localize(s.title, 'es'), textEn: localize(s.title, 'en'),
      es: 'Puntaje de la subescala: media de sus ítems respondidos tras invertir los ítems inversos (6 − x), 1–5, mayor = más respetuoso de derechos; vacío si se respondió menos del 75 % de sus ítems. Sin redondear.',
      en: 'Subscale score: mean of its answered items after re-keying reverse items (6 − x), 1–5, higher = more rights-respecting; empty when fewer than 75 % of its items were answered. Unrounded.',
    })),
    ...instrument.items.map((i): Entry => ({
      file: ATTITUDES_FILE, column: i.key, kind: 'item', subscale: i.subscale, reverse: i.reverse, textEs: localize(i.text, 'es'), textEn: localize(i.text, 'en'),
      es: `Afirmación de actitudes, respuesta tal como se dio 1–5 (SIN invertir)${i.reverse ? '; ítem inverso: use 6 − x' : ''}; vacío sin responder.`,
      en: `Attitude statement, answer as given 1–5 (NOT re-keyed)${i.reverse ? '; reverse-keyed: use 6 − x' : ''}; empty unanswered.`,
    })),
    ...practiceEntries(course),
  ];
}

/** The behaviour follow-up (self-report): each question's options, which are "no aplica", and which count in the share. */
function practiceEntries(course: Course): Entry[] {
  const q = course.practiceQuestionnaire;
  if (!q) return [];
  const options = (item: NonNullable<Course['practiceQuestionnaire']>['items'][number], locale: 'es' | 'en') =>
    item.options.map((o) => `${o.key} = ${localize(o.text, locale)}${o.notApplicable ? (locale === 'es' ? ' (no entra en el denominador)' : ' (left out of the denominator)') : ''}`).join('; ');
  return [
    ...shared(PRACTICE_FILE, 'P-').map((e) => (e.column === 'wave' ? { ...e, es: 'Siempre followup: la práctica se pregunta en el seguimiento.', en: 'Always followup: practice is asked at follow-up.' } : e)),
    ...q.items.map((i): Entry => ({
      file: PRACTICE_FILE, column: i.key, kind: 'item', textEs: localize(i.prompt, 'es'), textEn: localize(i.prompt, 'en'),
      es: `Autoinforme (${localize(i.label, 'es')}), últimos ${q.recallMonths} meses; vacío sin responder. Opciones: ${options(i, 'es')}. El informe cuenta como «sí» ${i.indicator.join(', ')} sobre las respuestas que no son «no aplica».`,
      en: `Self-report (${localize(i.label, 'en')}), last ${q.recallMonths} months; empty unanswered. Options: ${options(i, 'en')}. The report counts ${i.indicator.join(', ')} as "yes" among answers other than "not applicable".`,
    })),
  ];
}

export function codebookTable(course: Course, includeAttitudes: boolean, includePractice = false): Table {
  const rows = codebookEntries(course)
    .filter((e) => (includeAttitudes || e.file !== ATTITUDES_FILE) && (includePractice || e.file !== PRACTICE_FILE))
    .map((e): Cell[] => [e.file, e.column, e.kind, e.subscale ?? '', e.reverse === undefined ? '' : e.reverse ? 'yes' : 'no', e.es, e.en, e.textEs ?? '', e.textEn ?? '']);
  return { columns: ['file', 'column', 'kind', 'subscale', 'reverse_keyed', 'description_es', 'description_en', 'text_es', 'text_en'], rows };
}
