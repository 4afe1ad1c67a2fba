import { ATTITUDES_FILE, CODEBOOK_FILE, KNOWLEDGE_FILE } from './export-codebook.js';
import { REPRODUCED_FILE } from './export-readme.js';

/**
 * reproduce.R: base R only (no packages). Reads the bundle's CSVs and the codebook (which lists the subscales, their
 * items and the reverse-keyed ones), recomputes per measure the report's headline statistics over complete pre/post
 * pairs, and Cronbach's α per subscale at pre and post over complete responses. Writes measure,statistic,value to
 * reproduced.csv (15 significant digits) and prints the table.
 */
export const REPRODUCE_R = `# reproduce.R - recomputes the report's headline statistics from this export, in base R (no packages).
# Run it in the folder where you unzipped the export:  Rscript reproduce.R
# Output: printed, and written to ${REPRODUCED_FILE} (columns measure, statistic, value).
# Recalcula las cifras principales del informe desde esta exportacion, solo con R base. Ejecutelo en la carpeta
# donde descomprimio la exportacion: Rscript reproduce.R

read <- function(file) read.csv(file, fileEncoding = "UTF-8-BOM", check.names = FALSE, stringsAsFactors = FALSE, na.strings = "")
codebook <- read("${CODEBOOK_FILE}")

results <- data.frame(measure = character(0), statistic = character(0), value = numeric(0), stringsAsFactors = FALSE)
add <- function(measure, statistic, value) {
  value <- if (is.null(value) || length(value) == 0) NA_real_ else as.numeric(value)[1]
  results[nrow(results) + 1, ] <<- list(measure, statistic, value)
}
quiet <- function(expr) tryCatch(suppressWarnings(expr), error = function(e) NULL)

# Complete pairs: the same pseudonym with a score at pre and at post (only rows with status "taken" carry scores).
pairs <- function(d, column) {
  pre <- d[d$wave == "pre" & !is.na(d[[column]]), c("pseudonym", column)]
  post <- d[d$wave == "post" & !is.na(d[[column]]), c("pseudonym", column)]
  m <- merge(pre, post, by = "pseudonym", suffixes = c(".pre", ".post"))
  list(pre = m[[paste0(column, ".pre")]], post = m[[paste0(column, ".post")]])
}

paired <- function(measure, p) {
  pre <- p$pre; post <- p$post; d <- post - pre; n <- length(d)
  add(measure, "n_pairs", n)
  add(measure, "mean_pre", if (n > 0) mean(pre) else NA)
  add(measure, "mean_post", if (n > 0) mean(post) else NA)
  add(measure, "mean_diff", if (n > 0) mean(d) else NA)
  tt <- if (n >= 2) quiet(t.test(post, pre, paired = TRUE)) else NULL
  add(measure, "ci_low", tt$conf.int[1])
  add(measure, "ci_high", tt$conf.int[2])
  add(measure, "t", tt$statistic)
  add(measure, "df", tt$parameter)
  add(measure, "p", tt$p.value)
  # R's defaults: exact p when n < 50 without ties or zeros, else the normal approximation with continuity correction.
  wt <- if (n >= 1) quiet(wilcox.test(post, pre, paired = TRUE)) else NULL
  add(measure, "wilcoxon_v", wt$statistic)
  add(measure, "wilcoxon_p", wt$p.value)
  sd_d <- if (n >= 2) sd(d) else NA
  add(measure, "d_z", if (!is.na(sd_d) && sd_d > 0) mean(d) / sd_d else NA)
  sd_av <- if (n >= 2) (sd(pre) + sd(post)) / 2 else NA
  add(measure, "d_av", if (!is.na(sd_av) && sd_av > 0) mean(d) / sd_av else NA)
}

cronbach <- function(m) {
  k <- ncol(m); n <- nrow(m)
  if (n < 2 || k < 2) return(NA)
  total <- var(rowSums(m))
  if (total == 0) return(NA)
  k / (k - 1) * (1 - sum(apply(m, 2, var)) / total)
}

knowledge <- read("${KNOWLEDGE_FILE}")
paired("knowledge", pairs(knowledge, "knowledge_pct"))

if (file.exists("${ATTITUDES_FILE}")) {
  attitudes <- read("${ATTITUDES_FILE}")
  scores <- codebook[codebook$file == "${ATTITUDES_FILE}" & codebook$kind == "score", ]
  for (i in seq_len(nrow(scores))) {
    subscale <- scores$subscale[i]
    paired(subscale, pairs(attitudes, scores$column[i]))
    items <- codebook[codebook$file == "${ATTITUDES_FILE}" & codebook$kind == "item" & codebook$subscale == subscale, ]
    for (wave in c("pre", "post")) {
      rows <- attitudes[attitudes$wave == wave & attitudes$status == "taken", items$column, drop = FALSE]
      m <- as.matrix(rows[stats::complete.cases(rows), , drop = FALSE])
      reverse <- items$reverse_keyed == "yes"
      m[, reverse] <- 6 - m[, reverse]  # re-key reverse items first
      add(subscale, paste0("alpha_", wave), cronbach(m))
      add(subscale, paste0("alpha_", wave, "_n"), nrow(m))
    }
  }
} else {
  message("${ATTITUDES_FILE} is not in this export (fewer than 5 learners contribute attitude answers): knowledge only.")
}

write.csv(results, "${REPRODUCED_FILE}", row.names = FALSE)
shown <- results
shown$value <- formatC(results$value, digits = 10, format = "g")
print(shown, row.names = FALSE)
`;
