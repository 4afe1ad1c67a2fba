import { type Course, localize } from '#curriculum';
import { MIN_GROUP_N } from '#evaluation';
import { ATTITUDES_FILE, CODEBOOK_FILE, KNOWLEDGE_FILE, PRACTICE_FILE } from './export-codebook.js';
import { SUPPRESSED_VALUE } from './export-tables.js';

export const README_FILE = 'README.md';
export const REPRODUCE_FILE = 'reproduce.R';
export const REPRODUCED_FILE = 'reproduced.csv';

export interface ReadmeFacts {
  generatedAt: string;
  cohorts: number;
  learners: number;
  attitudeContributors: number;
  attitudesIncluded: boolean;
  /** The behaviour follow-up file (practice.csv): how many answered it, whether it is in, whether the course has one. */
  practiceContributors?: number;
  practiceIncluded?: boolean;
  hasPractice?: boolean;
}

/** The practice file's line in the file list (nothing for a course without the behaviour follow-up). */
function practiceLine(f: ReadmeFacts, locale: 'es' | 'en'): string {
  if (!f.hasPractice) return '';
  const file = `- \`${PRACTICE_FILE}\`: `;
  if (locale === 'en') {
    return `${file}behaviour follow-up (self-report about the last months of work), one row per person, with its own codes (P-…) that join no other file.\n`
      + (f.practiceIncluded ? '' : `  **Not included in this export**: only ${f.practiceContributors ?? 0} person(s) answered it and at least ${MIN_GROUP_N} are needed.\n`);
  }
  return `${file}seguimiento de la práctica (autoinforme sobre los últimos meses de trabajo), una fila por persona, con códigos propios (P-…) que no se unen a ningún otro archivo.\n`
    + (f.practiceIncluded ? '' : `  **No se incluye en esta exportación**: solo ${f.practiceContributors ?? 0} persona(s) la respondieron y hacen falta al menos ${MIN_GROUP_N}.\n`);
}

/** The bundle's README (Spanish, then English): files, how to read them, the consent's privacy rules verbatim, glossary. */
export function readme(course: Course, f: ReadmeFacts): string {
  const rules = (locale: 'es' | 'en') => localize(course.consent.privacyRules, locale).trim();
  const title = (locale: 'es' | 'en') => localize(course.title, locale);
  const es = `# Exportación de Respeta — léame

Curso: ${title('es')}. Generada: ${f.generatedAt}. Grupos: ${f.cohorts}. Participantes que aceptaron el uso para evaluación: ${f.learners}.
Solo aparecen quienes eligieron el curso con evaluación y no se retiraron; nunca nombres ni correos.

## Archivos
- \`${KNOWLEDGE_FILE}\`: prueba de conocimientos, una fila por persona y medición (pre, post, followup), con su estado.
- \`${ATTITUDES_FILE}\`: cuestionario de actitudes, una fila por persona y medición (pre, post, then, followup), con su estado.
${f.attitudesIncluded ? '' : `  **No se incluye en esta exportación**: solo ${f.attitudeContributors} persona(s) aportan respuestas de actitudes y hacen falta al menos ${MIN_GROUP_N}.\n`}${practiceLine(f, 'es')}- \`${CODEBOOK_FILE}\`: libro de códigos: qué significa cada columna, el texto de cada ítem, su subescala y si es inverso.
- \`${REPRODUCE_FILE}\`: script de R base (sin paquetes) que recalcula las cifras principales del informe desde estos archivos.

## Cómo leer los archivos
CSV separados por comas, codificados en UTF-8 **con marca de orden de bytes (BOM)**, fin de línea CRLF. Una celda vacía es
un dato faltante. Los números van con precisión completa (sin redondear).
- R: \`d <- read.csv("${KNOWLEDGE_FILE}", fileEncoding = "UTF-8-BOM", check.names = FALSE)\`
- Python: \`d = pandas.read_csv("${KNOWLEDGE_FILE}", encoding="utf-8-sig")\`
- Excel: abrir el archivo directamente (el BOM indica UTF-8). Un texto que empieza con = + - @ lleva delante un apóstrofo (') para que no se ejecute como fórmula.

## Reglas de privacidad (las mismas palabras del consentimiento y del informe)
${rules('es')}

## Seudónimos y protección
- Cada persona aparece con un código calculado como HMAC-SHA256 del identificador de su inscripción con una clave secreta del
  servidor y el **alcance** de la exportación (la lista ordenada de grupos exportados). Otra exportación con otro alcance da
  códigos distintos: las exportaciones de alcances distintos no se pueden unir. Sin la clave, el código no se puede revertir.
- Conocimientos y actitudes usan **códigos distintos** (K-… y A-…): las personas capacitadoras ven con nombre los puntajes de
  conocimientos en el informe, así que un mismo código en ambos archivos permitiría poner nombre a las opiniones. Los dos
  archivos no se pueden unir entre sí, y las filas están ordenadas por código, nunca por nombre.
- El archivo de actitudes solo se incluye si al menos ${MIN_GROUP_N} personas aportan respuestas de actitudes.
- Un grupo, tipo de cargo o región que tienen menos de ${MIN_GROUP_N} de las personas con datos en un archivo se escribe como
  \`${SUPPRESSED_VALUE}\` en ese archivo. En el archivo de actitudes, además, mientras alguna combinación de grupo, cargo y región
  la tengan menos de ${MIN_GROUP_N} personas, toda una columna se escribe como \`${SUPPRESSED_VALUE}\` (primero región, luego cargo,
  luego grupo), de modo que cada combinación que queda cubre al menos ${MIN_GROUP_N} personas.

## Glosario
- \`status\`: taken (respondió al menos un ítem), empty (envió la prueba sin responder nada: dato faltante, **nunca 0 %**), not_taken (no la rindió).
- \`knowledge_pct\`: porcentaje correcto sobre todos los ítems de la prueba (sin responder = incorrecto).
- \`att_<subescala>\`: media de los ítems respondidos de la subescala tras invertir los inversos (6 − x); solo si se respondió al menos el 75 % de sus ítems.
- Ítems: conocimientos 1/0; actitudes 1–5 tal como se respondieron (los inversos están marcados en \`${CODEBOOK_FILE}\`).
- Pares completos: personas con pre y post en la misma medida; solo ellas entran en la comparación (sin imputar).
- d_z = cambio medio / DE de los cambios; d_av = cambio medio / promedio de las DE pre y post; α de Cronbach sobre respuestas completas.

## Reproducir el informe
En la carpeta donde descomprimió la exportación: \`Rscript ${REPRODUCE_FILE}\`. Imprime y guarda en \`${REPRODUCED_FILE}\`
(measure, statistic, value), por medida y sobre pares completos: n de pares, medias pre y post, cambio medio con su IC 95 %,
t, gl, p, V de Wilcoxon y su p (valores por defecto de R), d_z, d_av, y α de Cronbach pre y post por subescala.
Deben coincidir con el informe a 4 decimales.
`;
  const en = `# Respeta export — read me

Course: ${title('en')}. Generated: ${f.generatedAt}. Cohorts: ${f.cohorts}. Learners who agreed to evaluation use: ${f.learners}.
Only learners who chose the course with evaluation and did not withdraw appear; never names or e-mails.

## Files
- \`${KNOWLEDGE_FILE}\`: knowledge test, one row per person and wave (pre, post, followup), with its status.
- \`${ATTITUDES_FILE}\`: attitude questionnaire, one row per person and wave (pre, post, then, followup), with its status.
${f.attitudesIncluded ? '' : `  **Not included in this export**: only ${f.attitudeContributors} person(s) contribute attitude answers, and at least ${MIN_GROUP_N} are needed.\n`}${practiceLine(f, 'en')}- \`${CODEBOOK_FILE}\`: codebook: what each column means, each item's text, its subscale and whether it is reverse-keyed.
- \`${REPRODUCE_FILE}\`: a base R script (no packages) that recomputes the report's headline figures from these files.

## How to read the files
Comma-separated CSV, encoded in UTF-8 **with a byte order mark (BOM)**, CRLF line ends. An empty cell is missing.
Numbers are written at full precision (unrounded).
- R: \`d <- read.csv("${KNOWLEDGE_FILE}", fileEncoding = "UTF-8-BOM", check.names = FALSE)\`
- Python: \`d = pandas.read_csv("${KNOWLEDGE_FILE}", encoding="utf-8-sig")\`
- Excel: open the file directly (the BOM says UTF-8). Text starting with = + - @ carries a leading apostrophe (') so it is never run as a formula.

## Privacy rules (the same words as the consent and the report)
${rules('en')}

## Pseudonyms and protection
- Each person appears under a code computed as HMAC-SHA256 of their enrolment id with a server secret and the export's
  **scope** (the sorted list of exported cohorts). Another export with another scope gives different codes: exports of
  different scopes cannot be joined. Without the secret the code cannot be reversed.
- Knowledge and attitudes use **different codes** (K-… and A-…): trainers see knowledge scores by name in the report, so one
  code in both files would let them put names to opinions. The two files cannot be joined, and rows are sorted by code,
  never by name.
- The attitude file is included only when at least ${MIN_GROUP_N} people contribute attitude answers.
- A cohort, position type or region held by fewer than ${MIN_GROUP_N} of the people with data in a file is written as
  \`${SUPPRESSED_VALUE}\` in that file. In the attitude file, moreover, while any combination of cohort, position type and
  region is held by fewer than ${MIN_GROUP_N} people, a whole column is written as \`${SUPPRESSED_VALUE}\` (region first, then position
  type, then cohort), so every combination left covers at least ${MIN_GROUP_N} people.

## Glossary
- \`status\`: taken (answered at least one item), empty (submitted with nothing answered: missing, **never 0 %**), not_taken (not taken).
- \`knowledge_pct\`: percent correct over all items on the test (unanswered = wrong).
- \`att_<subscale>\`: mean of the subscale's answered items after re-keying reverse items (6 − x); only when at least 75 % of its items were answered.
- Items: knowledge 1/0; attitudes 1–5 as answered (reverse-keyed items are marked in \`${CODEBOOK_FILE}\`).
- Complete pairs: people with both pre and post on the same measure; only they enter the comparison (never imputed).
- d_z = mean change / SD of the changes; d_av = mean change / mean of the pre and post SDs; Cronbach's α over complete responses.

## Reproduce the report
In the folder where you unzipped the export: \`Rscript ${REPRODUCE_FILE}\`. It prints and saves to \`${REPRODUCED_FILE}\`
(measure, statistic, value), per measure and over complete pairs: n pairs, pre and post means, mean change with its 95 % CI,
t, df, p, Wilcoxon V and its p (R's defaults), d_z, d_av, and Cronbach's α at pre and post per subscale.
They must equal the report to 4 decimals.
`;
  return `${es}\n---\n\n${en}`;
}
