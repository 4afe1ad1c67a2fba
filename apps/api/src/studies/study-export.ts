import { createHmac } from 'node:crypto';
import type { Course } from '#curriculum';
import { MIN_GROUP_N } from '#evaluation';
import type { Table } from '../reports/exports/export-csv.js';
import type { Arm } from './study-assignment.js';
import { ARM_WAVES, type StudyLearner, type StudyWave } from './study-scores.js';

export const STUDY_FILE = 'study.csv';
export const STUDY_REPRODUCED_FILE = 'reproduced.csv';

/**
 * Pseudonyms keyed to the study: an HMAC of the enrolment under a key derived from the export secret and the study id,
 * so the same learner has unrelated codes in a cohort export and in each study's file (the files cannot be joined).
 */
export function studyPseudonymizer(secret: string, studyId: string): (enrolmentId: string) => string {
  const key = createHmac('sha256', secret).update(`respeta-study|${studyId}`).digest();
  return (enrolmentId) => 'S-' + createHmac('sha256', key).update(enrolmentId).digest('hex').slice(0, 16);
}

/**
 * The analysis file: one row per learner and wave they have a score at, with the arm and the period that wave is for
 * that arm (before/after). Scores are the very ones the report computes, unrounded. Attitude columns are left out
 * unless both arms have at least MIN_GROUP_N learners with an attitude score (the report's confidentiality rule).
 */
export function studyTable(course: Course, learners: readonly StudyLearner[], pseudonym: (id: string) => string): { table: Table; attitudesIncluded: boolean } {
  const subscales = course.attitudeInstrument.subscales.map((s) => s.key);
  const contributors = (arm: Arm) => learners.filter((l) => l.arm === arm && subscales.some((k) => l.scores[k] && Object.keys(l.scores[k]!).length > 0)).length;
  const attitudesIncluded = contributors('treated') >= MIN_GROUP_N && contributors('waitlist') >= MIN_GROUP_N;
  const measures = ['knowledge', ...(attitudesIncluded ? subscales : [])];
  const rows: Table['rows'] = [];
  for (const learner of learners) {
    const code = pseudonym(learner.enrolmentId);
    const { before, after } = ARM_WAVES[learner.arm];
    for (const [wave, period] of [[before, 'before'], [after, 'after']] as [StudyWave, string][]) {
      const values = measures.map((m) => learner.scores[m]?.[wave] ?? null);
      if (values.every((v) => v === null)) continue;
      rows.push([code, learner.arm, wave, period, ...values]);
    }
  }
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[3]).localeCompare(String(b[3])));
  return { table: { columns: ['pseudonym', 'arm', 'wave', 'period', ...measures], rows }, attitudesIncluded };
}

export function studyReadme(name: string, seed: string | null, generatedAt: string, attitudesIncluded: boolean): string {
  return `# Respeta — study export: ${name}

Generated ${generatedAt}. Pseudonymous: no names or e-mails; the codes (S-…) are keyed to this study only.
Only learners who chose evaluation use and did not withdraw consent appear.

## ${STUDY_FILE}

One row per learner and wave: \`arm\` (treated = course now, waitlist = course later), \`wave\` as stored (treated: pre,
post; waitlist: baseline = first baseline, pre = second baseline, before their course) and \`period\` (before/after for
that arm). \`knowledge\` is the percent score; ${attitudesIncluded ? 'each further column is an attitude subscale (mean of re-keyed answers, 1–5).' : `attitude subscales are left out: an arm has fewer than ${MIN_GROUP_N} learners with attitude answers.`}
${seed ? `\nAssignment: random, seed \`${seed}\` — each cohort's draw is SHA-256(seed + cohort id), cohorts sorted by it, the first half treated.\n` : '\nAssignment: by hand.\n'}
## reproduce.R

Base R only. \`Rscript reproduce.R\` recomputes, per measure, the change in each arm (after − before over learners
with both), the Welch test of treated change vs waitlist change (difference, 95 % CI, t, df, p), Hedges' g, and the
ANCOVA \`lm(after ~ before + treated)\` (coefficient, SE, t, df, p, 95 % CI); it writes ${STUDY_REPRODUCED_FILE}.

# Exportación de un estudio

Seudónimos propios de este estudio; solo quienes eligieron el uso para evaluación y no retiraron su consentimiento.
\`Rscript reproduce.R\` recalcula los efectos del informe del estudio.
`;
}

/** reproduce.R for a study: base R, no packages; one (measure, statistic, value) row per figure of the study report. */
export const STUDY_REPRODUCE_R = `# reproduce.R - recomputes the study report's effects from ${STUDY_FILE}, in base R (no packages).
# Run it where you unzipped the export:  Rscript reproduce.R   (writes ${STUDY_REPRODUCED_FILE})
# Recalcula los efectos del informe del estudio, solo con R base.

d <- read.csv("${STUDY_FILE}", fileEncoding = "UTF-8-BOM", check.names = FALSE, stringsAsFactors = FALSE, na.strings = "")
measures <- setdiff(names(d), c("pseudonym", "arm", "wave", "period"))
results <- data.frame(measure = character(0), statistic = character(0), value = numeric(0), stringsAsFactors = FALSE)
add <- function(measure, statistic, value) {
  value <- if (is.null(value) || length(value) == 0) NA_real_ else as.numeric(value)[1]
  results[nrow(results) + 1, ] <<- list(measure, statistic, value)
}
quiet <- function(expr) tryCatch(suppressWarnings(expr), error = function(e) NULL)

# One arm's complete pairs on a measure: the same pseudonym with a score before and after.
arm_pairs <- function(arm, column) {
  x <- d[d$arm == arm & !is.na(d[[column]]), ]
  before <- x[x$period == "before", c("pseudonym", column)]
  after <- x[x$period == "after", c("pseudonym", column)]
  m <- merge(before, after, by = "pseudonym", suffixes = c(".before", ".after"))
  list(before = m[[paste0(column, ".before")]], after = m[[paste0(column, ".after")]])
}

for (measure in measures) {
  tr <- arm_pairs("treated", measure)
  wl <- arm_pairs("waitlist", measure)
  dT <- tr$after - tr$before
  dC <- wl$after - wl$before
  nT <- length(dT)
  nC <- length(dC)
  add(measure, "n_treated", nT)
  add(measure, "n_waitlist", nC)
  add(measure, "mean_change_treated", if (nT > 0) mean(dT) else NA)
  add(measure, "mean_change_waitlist", if (nC > 0) mean(dC) else NA)
  if (nT < 2 || nC < 2) next
  add(measure, "difference", mean(dT) - mean(dC))
  tt <- quiet(t.test(dT, dC))
  if (!is.null(tt)) {
    add(measure, "ci_low", tt$conf.int[1]); add(measure, "ci_high", tt$conf.int[2])
    add(measure, "t", tt$statistic); add(measure, "df", tt$parameter); add(measure, "p", tt$p.value)
  }
  sp <- sqrt(((nT - 1) * var(dT) + (nC - 1) * var(dC)) / (nT + nC - 2))
  if (is.finite(sp) && sp > 0) add(measure, "hedges_g", (mean(dT) - mean(dC)) / sp * (1 - 3 / (4 * (nT + nC) - 9)))
  data <- data.frame(before = c(tr$before, wl$before), after = c(tr$after, wl$after), treated = c(rep(1, nT), rep(0, nC)))
  fit <- quiet(lm(after ~ before + treated, data = data))
  co <- if (is.null(fit)) NULL else summary(fit)$coefficients
  if (!is.null(co) && "treated" %in% rownames(co)) {
    add(measure, "ancova_effect", co["treated", 1]); add(measure, "ancova_se", co["treated", 2])
    add(measure, "ancova_t", co["treated", 3]); add(measure, "ancova_p", co["treated", 4])
    add(measure, "ancova_df", fit$df.residual)
    ci <- confint(fit)["treated", ]
    add(measure, "ancova_ci_low", ci[1]); add(measure, "ancova_ci_high", ci[2])
  }
}

results$value <- signif(results$value, 15)
write.csv(results, "${STUDY_REPRODUCED_FILE}", row.names = FALSE)
print(results, digits = 10)
`;
