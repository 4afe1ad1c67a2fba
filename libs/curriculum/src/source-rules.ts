// The locator rule: a source of a legal or statistical claim must say where a reader can check it — an official
// address (`url`) or, for a legal text, the norm's number and publication date (`norm`) — plus its own `reviewedOn`.
// An uncertain source says what is not known (`notKnown`); only such a source may date its norm to the month or
// year alone, and its notKnown must then name the missing day or month. Pure: the content spec runs it on every source.
import type { Course, Source } from './course-schema.js';
import type { Problem } from './problems.js';

// Names of legal instruments and courts, in Spanish and English, as they appear in citations.
const LEGAL_CITATION = [
  /\b(?:Ley|Law|C[óo]digo|Code|Decreto|Decree|Constituci[óo]n|Constitution|Convenci[óo]n|Convention|Pacto|Covenant|Protocolo|Protocol|Reglamento|Resoluci[óo]n|Resolution|Ordenanza|Ordinance|TUO)\b/iu,
  /\bD\.\s?[LS]\.?\s?(?:n\.?\s*[°º]?\s*)?\d/i,
  /\bCorte\b|\bCourt\b|Opini[óo]n Consultiva|Advisory Opinion|Recomendaci[óo]n general|General Recommendation|\bsentencia\b|\bjudgment\b/iu,
  /\barts?\.\s*\d|\bart[íi]culos?\s+\d|\barticles?\s+\d/iu,
  /\bvs?\.\s+\p{Lu}/u,
];

const STATISTICAL_CITATION =
  /\d+(?:[.,]\d+)?\s?%|\bprevalen|\bencuesta|\bsurvey|\bestad[íi]stic|\bstatistic|\bcifras\b|\bfigures\b|\bdatos\b|\bdata\b|\binforme\b|\breport\b|multi-country study|estudio multipa[íi]s/iu;

/** Hosts whose pages count as an official locator for a legal text (subdomains included). */
export const OFFICIAL_LEGAL_HOSTS: readonly string[] = [
  'gob.pe', // SPIJ (spij.minjus.gob.pe), Congreso, ministries, Defensoría, Poder Judicial, Ministerio Público, TC
  'elperuano.pe',
  'corteidh.or.cr',
  'oas.org',
  'un.org',
  'ohchr.org',
  'undocs.org',
  'unodc.org',
  'who.int',
  'paho.org',
  'unaids.org',
];

export const isLegalCitation = (citation: string): boolean => LEGAL_CITATION.some((pattern) => pattern.test(citation));
export const isStatisticalCitation = (citation: string): boolean => STATISTICAL_CITATION.test(citation);

/** Legal when declared so or when the citation names a legal instrument or court; `kind` can add, never remove. */
export const isLegalSource = (source: Source): boolean => source.kind === 'legal' || isLegalCitation(source.citation);
export const isStatisticalSource = (source: Source): boolean => source.kind === 'statistical' || isStatisticalCitation(source.citation);

export function isOfficialLegalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return OFFICIAL_LEGAL_HOSTS.some((official) => host === official || host.endsWith(`.${official}`));
}

/** A publication date given to the day; YYYY-MM and YYYY are lower precisions (see locatorProblems). */
export const isFullDate = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date);

// What an uncertain source's notKnown must mention when its norm's date lacks the day or the month.
const MISSING_PRECISION = /\b(?:d[íi]as?|mes|fecha|days?|months?|date)\b/iu;

const short = (citation: string): string => (citation.length > 70 ? `${citation.slice(0, 67)}…` : citation);

/** What a source lacks under the locator rule, as sentences for the author (empty when it is complete). */
export function locatorProblems(source: Source): string[] {
  const problems: string[] = [];
  const name = `"${short(source.citation)}"`;
  if (isLegalSource(source) && !source.norm && !(source.url && isOfficialLegalUrl(source.url))) {
    const unofficial = source.url ? ` (${new URL(source.url).hostname} is not an official host)` : '';
    problems.push(
      `legal source ${name} needs a locator: an official url${unofficial} (SPIJ or another gob.pe site, El Peruano, Corte IDH, OAS, UN, WHO… see FORMAT.md) or norm: { number, publishedOn }`,
    );
  } else if (isStatisticalSource(source) && !isLegalSource(source) && !source.url) {
    problems.push(`statistical source ${name} needs a locator: the url of the report or data set`);
  }
  if (source.norm && !isFullDate(source.norm.publishedOn)) {
    const precision = source.norm.publishedOn.length === 4 ? 'year' : 'month';
    if (source.certainty !== 'uncertain' || !source.notKnown) {
      problems.push(
        `source ${name} gives its norm's publication date only to the ${precision} (${source.norm.publishedOn}): that is allowed only on an uncertain source whose notKnown says the exact date is not known`,
      );
    } else if (!MISSING_PRECISION.test(source.notKnown)) {
      problems.push(`source ${name} gives its norm's publication date only to the ${precision} (${source.norm.publishedOn}): its notKnown must say which part of the date (day, month) is not known`);
    }
  }
  if (source.norm && source.norm.publishedOn > source.reviewedOn) {
    problems.push(`source ${name} was reviewed on ${source.reviewedOn}, before its norm was published (${source.norm.publishedOn})`);
  }
  if (source.certainty === 'uncertain' && !source.notKnown) {
    problems.push(`uncertain source ${name} needs notKnown: what is not known, so the claim is not read as settled`);
  }
  if (source.certainty === 'firm' && source.notKnown) {
    problems.push(`source ${name} is firm but has notKnown; mark it uncertain or remove notKnown`);
  }
  return problems;
}

export interface SourceAt {
  /** Path in the assembled course, e.g. `modules[1].lessons[0].sources[2]`. */
  path: string;
  source: Source;
  /** The lesson it belongs to, named in the problem so an author finds it without counting. */
  lesson?: string;
}

/** Every lesson source of the course, with its path. */
export function courseSources(course: Pick<Course, 'modules'>): SourceAt[] {
  return course.modules.flatMap((module, m) =>
    module.lessons.flatMap((lesson, l) => lesson.sources.map((source, s) => ({ path: `modules[${m}].lessons[${l}].sources[${s}]`, source, lesson: lesson.key }))),
  );
}

/** The locator rule over a list of sources, one problem per missing piece. */
export function sourceProblems(sources: readonly SourceAt[]): Problem[] {
  return sources.flatMap(({ path, source, lesson }) =>
    locatorProblems(source).map((message) => ({ path, message: lesson === undefined ? message : `${message} (lesson ${lesson})` })),
  );
}
