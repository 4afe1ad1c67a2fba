// What a draft must satisfy to be published, beyond being well-formed: the schema and cross-file rules (word counts,
// scenario graphs: no unreachable node, no dead end), the locator rule on every legal and statistical source, and no
// stale translation. Each problem says which item to open, so the review page can link to the place to fix it.
import { parseCourse } from './course-rules.js';
import { SourceSchema, type Course } from './course-schema.js';
import { draftItems, locateProblem, parseItemId, type ProblemPlace } from './draft-items.js';
import { translationFlags, type TextEditIndex } from './localized-texts.js';
import { fillBlanks } from './draft-check.js';
import { formatPath, type Problem } from './problems.js';
import { locatorProblems } from './source-rules.js';

export interface PlacedProblem extends Problem {
  /** The item (and field) an editor opens to fix it; absent for course-wide problems. */
  place?: ProblemPlace;
}

const LANGUAGE = { es: 'Spanish', en: 'English' } as const;

/** The locator rule over the sources of a draft, read defensively: a source that does not parse is the schema's problem. */
function sourceLocatorProblems(course: Course): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  (course.modules ?? []).forEach((module, m) => {
    (module?.lessons ?? []).forEach((lesson, l) => {
      (lesson?.sources ?? []).forEach((raw, s) => {
        const source = SourceSchema.safeParse(raw);
        if (!source.success) return;
        for (const message of locatorProblems(source.data)) {
          problems.push({ path: `modules[${m}].lessons[${l}].sources[${s}]`, message: `${message} (lesson ${lesson.key})` });
        }
      });
    });
  });
  return problems;
}

/** Texts whose other language changed after they were last edited: publishing them would teach two different things. */
function staleTranslationProblems(course: Course, edits: TextEditIndex): PlacedProblem[] {
  return translationFlags(draftItems(course), edits)
    .filter((flag) => flag.state === 'stale')
    .map((flag) => {
      const { kind, key } = parseItemId(flag.itemId)!;
      const changed = flag.locale === 'es' ? 'en' : 'es';
      return {
        path: `${flag.itemId} ${flag.textId}.${flag.locale}`,
        message: `the ${LANGUAGE[flag.locale]} text was not updated after the ${LANGUAGE[changed]} one changed: update it, or confirm it still says the same`,
        place: { kind, key, field: `${flag.textId}.${flag.locale}` },
      };
    });
}

/**
 * Every reason a (well-formed) draft cannot be published; empty means it can. `edits` are the draft's translation
 * timestamps (see localized-texts.ts).
 */
export function publicationProblems(draft: Course, edits: TextEditIndex = {}): PlacedProblem[] {
  // Untranslated texts are reported once each, and the rest of the rules run as if they were written, so an empty
  // text does not hide (say) an unreachable node in the same scenario.
  const { filled, blanks } = fillBlanks(draft);
  const untranslated = blanks.map((segments) => {
    const locale = segments[segments.length - 1] as 'es' | 'en';
    return { path: formatPath(segments), message: `the ${LANGUAGE[locale]} text is empty (untranslated)` };
  });
  const parsed = parseCourse(filled);
  const place = (problem: Problem): PlacedProblem => {
    const found = locateProblem(draft, problem.path);
    return found ? { ...problem, place: found } : problem;
  };
  return [...untranslated, ...(parsed.ok ? [] : parsed.problems), ...sourceLocatorProblems(draft)].map(place).concat(staleTranslationProblems(draft, edits));
}
