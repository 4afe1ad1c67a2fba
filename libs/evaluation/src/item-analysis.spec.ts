import { gradeQuestion, type Question } from '#curriculum';

import fc from 'fast-check';
import { cronbachAlpha, EvaluationInputError, FOREIGN_OPTION_BIT, itemAnalysis, ItemAnalysisSums, type ItemDefinition } from './index.js';

const near = (actual: number | null | undefined, expected: number, digits = 8) => expect(actual ?? Number.NaN).toBeCloseTo(expected, digits);

// Public vector IA1: 6 items (q4 multiple-select, correct = {a, c}; q3 true/false), 14 learners who took the test;
// learner 14 answered nothing, so is missing (n = 13). "-" = unanswered. Expected values from R 4.2.2:
//   keys <- list(q1 = "b", q2 = "a", q3 = "false", q4 = c("a", "c"), q5 = "d", q6 = "a")
//   opts <- list(q1 = c("a","b","c","d"), q2 = c("a","b","c"), q3 = c("true","false"), q4 = c("a","b","c","d"),
//                q5 = c("a","b","c","d"), q6 = c("a","b"))
//   raw <- read.table(colClasses = "character", col.names = names(keys), text = IA1)   # IA1: the table below
//   sel <- function(cell, q) if (cell == "-") character(0) else if (q == "q3") cell else strsplit(cell, "")[[1]]
//   raw <- raw[rowSums(raw != "-") > 0, ]                    # nothing answered: missing, excluded
//   x <- sapply(names(keys), function(q) sapply(raw[[q]], function(cell) as.numeric(setequal(sel(cell, q), keys[[q]]) && cell != "-")))
//   n <- nrow(x); k <- ncol(x)
//   colMeans(x)                                                           # facility
//   sapply(1:k, function(i) cor(x[, i], rowSums(x[, -i])))                # corrected item–total discrimination
//   alpha_of <- function(m) { k <- ncol(m); k/(k-1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m))) }
//   a <- alpha_of(x); c(a, 1 - (1 - a) * qf(c(0.975, 0.025), n - 1, (n - 1) * (k - 1)))   # KR-20, Feldt CI
//   sapply(1:k, function(i) alpha_of(x[, -i]))                            # α if item deleted
//   for (q in names(keys)) print(c(sapply(opts[[q]], function(o) mean(sapply(raw[[q]], function(cell) o %in% sel(cell, q)))),
//                                  unanswered = mean(raw[[q]] == "-")))   # option shares
//   c(mean(100 * rowMeans(x)), sd(100 * rowMeans(x)))
const IA1 = `
b a false ac a a
b a false ac a a
b a true ac b a
a a false a d a
b b false ac c a
c a true abc d b
b a false ac a a
d b true ac d a
- a false ac b a
a b true - a a
b a false ac a a
c - true bd d a
b a false ac a a
- - - - - -`;

const opt = (keys: string, correct: string) => [...keys].map((key) => ({ key, correct: correct.includes(key) }));
const IA1_ITEMS: ItemDefinition[] = [
  { key: 'q1', options: opt('abcd', 'b') },
  { key: 'q2', options: opt('abc', 'a') },
  { key: 'q3', options: [{ key: 'true', correct: false }, { key: 'false', correct: true }] },
  { key: 'q4', options: opt('abcd', 'ac') },
  { key: 'q5', options: opt('abcd', 'd') },
  { key: 'q6', options: opt('ab', 'a') },
];
const IA1_ROWS = IA1.trim().split('\n').map((line) =>
  line.split(' ').map((cell, i) => (cell === '-' ? null : i === 2 ? [cell] : [...cell])),
);

// Public vector IA2: 200 learners × 10 items (item 10 multiple-select, correct = {a, d}) drawn from a small LCG that R
// and JavaScript compute identically (every intermediate is an integer below 2^53); every 50th learner answers
// nothing (n = 196). R 4.2.2:
//   state <- 12345; nxt <- function() { state <<- (state * 69069 + 1) %% 2^32; state / 2^32 }
//   single <- c("a", "b", "c", "d"); wrongPatterns <- c("a", "d", "ab", "ade", "bc", "e"); rows <- list()
//   for (l in 1:200) { ability <- nxt(); row <- character(10)
//     for (j in 1:10) { u <- nxt(); v <- nxt(); w <- nxt()
//       if (l %% 50 == 0 || u < 0.06) { row[j] <- "-"; next }
//       p <- min(0.95, 0.1 + 0.7 * ability + (j - 5) / 25)
//       if (j < 10) { key <- single[(j %% 4) + 1]; wrong <- setdiff(single, key); row[j] <- if (v < p) key else wrong[floor(w * 3) + 1] }
//       else row[j] <- if (v < p) "ad" else wrongPatterns[floor(w * 6) + 1] }
//     rows[[l]] <- row }
//   raw <- do.call(rbind, rows); keys <- c(sapply(1:9, function(j) single[(j %% 4) + 1]), "ad")
//   sel <- function(cell) if (cell == "-") character(0) else strsplit(cell, "")[[1]]
//   raw <- raw[rowSums(raw != "-") > 0, ]
//   x <- sapply(1:10, function(j) sapply(raw[, j], function(cell) as.numeric(cell != "-" && setequal(sel(cell), sel(keys[j])))))
//   n <- nrow(x); k <- ncol(x); colMeans(x); sapply(1:k, function(i) cor(x[, i], rowSums(x[, -i])))
//   a <- k/(k-1) * (1 - sum(apply(x, 2, var)) / var(rowSums(x))); c(a, 1 - (1 - a) * qf(c(0.975, 0.025), n - 1, (n - 1) * (k - 1)))
//   sapply(c("a","b","c","d","e"), function(o) mean(sapply(raw[, 10], function(cell) o %in% sel(cell)))); mean(raw[, 10] == "-")
function ia2(): { items: ItemDefinition[]; rows: (string[] | null)[][] } {
  let state = 12345;
  const next = () => (state = (state * 69069 + 1) % 2 ** 32) / 2 ** 32;
  const single = ['a', 'b', 'c', 'd'];
  const wrongPatterns = ['a', 'd', 'ab', 'ade', 'bc', 'e'];
  const keyOf = (j: number) => single[j % 4]!; // R: single[(j %% 4) + 1], j = 1..9
  const items: ItemDefinition[] = [
    ...Array.from({ length: 9 }, (_, i) => ({ key: `q${i + 1}`, options: opt('abcd', keyOf(i + 1)) })),
    { key: 'q10', options: opt('abcde', 'ad') },
  ];
  const rows = Array.from({ length: 200 }, (_, l0) => {
    const l = l0 + 1;
    const ability = next();
    return Array.from({ length: 10 }, (_, j0) => {
      const j = j0 + 1;
      const u = next();
      const v = next();
      const w = next();
      if (l % 50 === 0 || u < 0.06) return null;
      const p = Math.min(0.95, 0.1 + 0.7 * ability + (j - 5) / 25);
      if (j < 10) {
        const key = keyOf(j);
        const wrong = single.filter((o) => o !== key);
        return [v < p ? key : wrong[Math.floor(w * 3)]!];
      }
      return v < p ? ['a', 'd'] : [...wrongPatterns[Math.floor(w * 6)]!];
    });
  });
  return { items, rows };
}

describe('itemAnalysis', () => {
  const r = itemAnalysis(IA1_ITEMS, IA1_ROWS);

  it('reproduces R on IA1: facility and corrected item–total discrimination', () => {
    expect(r).toMatchObject({ n: 13, nEmpty: 1, k: 6 });
    [0.5384615385, 0.6923076923, 0.6153846154, 0.6923076923, 0.3076923077, 0.9230769231].forEach((f, i) => near(r.items[i]!.facility, f));
    [0.5367450401, 0.3589790793, 0.6284117407, 0.5529203374, -0.7136690827, 0.198464155].forEach((d, i) => near(r.items[i]!.discrimination, d));
    expect(r.items.map((item) => item.nCorrect)).toEqual([7, 9, 8, 9, 4, 12]);
  });

  it('reproduces R on IA1: option shares (multiple-select: share selecting each option) and unanswered', () => {
    const expected: Record<string, [number[], number]> = {
      q1: [[0.1538461538, 0.5384615385, 0.1538461538, 0.07692307692], 0.07692307692],
      q2: [[0.6923076923, 0.2307692308, 0], 0.07692307692],
      q3: [[0.3846153846, 0.6153846154], 0],
      q4: [[0.8461538462, 0.1538461538, 0.7692307692, 0.07692307692], 0.07692307692],
      q5: [[0.4615384615, 0.1538461538, 0.07692307692, 0.3076923077], 0],
      q6: [[0.9230769231, 0.07692307692], 0],
    };
    for (const item of r.items) {
      const [shares, unanswered] = expected[item.key]!;
      item.options.forEach((o, j) => near(o.share, shares[j]!));
      near(item.unanswered.share, unanswered);
    }
    expect(r.items[3]!.options.map((o) => [o.key, o.correct, o.count])).toEqual([['a', true, 11], ['b', false, 2], ['c', true, 10], ['d', false, 1]]);
  });

  it('reproduces R on IA1: KR-20 (α on the 0/1 items) with the Feldt CI and α-if-deleted; score mean and SD', () => {
    near(r.kr20.alpha, 0.364137931);
    near(r.kr20.ci95?.[0], -0.379307017);
    near(r.kr20.ci95?.[1], 0.7767156045);
    [0, 0.1804123711, -0.08223684211, 0.01488095238, 0.7696759259, 0.322265625].forEach((a, i) => near(r.kr20.alphaIfDeleted[i], a));
    near(r.meanPercent, 62.82051282);
    near(r.sdPercent, 22.72403499);
  });

  it('reproduces R on IA2 (200 learners, 4 with nothing answered)', () => {
    const { items, rows } = ia2();
    const r2 = itemAnalysis(items, rows);
    expect(r2).toMatchObject({ n: 196, nEmpty: 4, k: 10 });
    [0.2755102041, 0.3163265306, 0.3724489796, 0.3775510204, 0.4081632653, 0.4234693878, 0.5051020408, 0.5, 0.6071428571, 0.6428571429]
      .forEach((f, i) => near(r2.items[i]!.facility, f));
    [0.2824717758, 0.3073111688, 0.3009188597, 0.2214950963, 0.2089998032, 0.2823621109, 0.2426714128, 0.2867389667, 0.2358183684, 0.3940552031]
      .forEach((d, i) => near(r2.items[i]!.discrimination, d));
    near(r2.kr20.alpha, 0.6018594104);
    near(r2.kr20.ci95?.[0], 0.5133071131);
    near(r2.kr20.ci95?.[1], 0.6800461628);
    [0.8163265306, 0.09183673469, 0.0306122449, 0.7755102041, 0.1224489796].forEach((share, j) => near(r2.items[9]!.options[j]!.share, share));
    near(r2.items[9]!.unanswered.share, 0.0306122449);
    [0.2244897959, 0.2755102041, 0.2193877551, 0.193877551].forEach((share, j) => near(r2.items[0]!.options[j]!.share, share));
  });

  it('flags: too easy, low and negative discrimination, unused distractor', () => {
    expect(Object.fromEntries(r.items.map((item) => [item.key, item.flags]))).toEqual({
      q1: [], q2: ['unused_distractor'], q3: [], q4: [],
      q5: ['low_discrimination', 'negative_discrimination'],
      q6: ['too_easy', 'low_discrimination'],
    });
    expect(r.items[1]!.unusedDistractors).toEqual(['c']);
    expect(itemAnalysis(IA1_ITEMS, IA1_ROWS, { flagTooEasy: false }).items[5]!.flags).toEqual(['low_discrimination']);
  });

  it('scores exactly as libs/curriculum grades (duplicates, unknown keys, partial multiple-select)', () => {
    const text = { es: 'x', en: 'x' };
    const question = (key: string, type: Question['type'], options: string, correct: string): Question => ({
      key, type, prompt: text, options: [...options].map((k) => ({ key: k, text, correct: correct.includes(k), feedback: text })),
    });
    const questions = [question('s', 'single', 'abcd', 'c'), question('m', 'multiple', 'abcde', 'bd'), question('m3', 'multiple', 'abc', 'abc')];
    let seed = 99;
    const rand = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % m);
    const pool = ['a', 'b', 'c', 'd', 'e', 'zz'];
    const rows = Array.from({ length: 400 }, () => questions.map(() => (rand(5) === 0 ? null : Array.from({ length: rand(4) }, () => pool[rand(pool.length)]!))));
    const result = itemAnalysis(questions, rows);
    const included = rows.filter((row) => row.some((a) => a !== null && a.length > 0));
    expect(result.n).toBe(included.length);
    questions.forEach((q, i) => {
      const graded = included.filter((row) => gradeQuestion(q, row[i] ?? []).correct).length;
      expect(result.items[i]!.nCorrect).toBe(graded);
    });
  });

  it('equals a direct matrix computation (Pearson on x_i vs the rest, α on 0/1) on random tests', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pearson = (a: number[], b: number[]) => {
      const ma = a.reduce((s, x) => s + x, 0) / a.length;
      const mb = b.reduce((s, x) => s + x, 0) / b.length;
      let sab = 0, saa = 0, sbb = 0;
      a.forEach((x, i) => { sab += (x - ma) * (b[i]! - mb); saa += (x - ma) ** 2; sbb += (b[i]! - mb) ** 2; });
      return sab / Math.sqrt(saa * sbb);
    };
    for (let trial = 0; trial < 10; trial++) {
      const k = 3 + trial;
      const items = Array.from({ length: k }, (_, i) => ({ key: `i${i}`, options: opt('abc', 'a') }));
      const ability = Array.from({ length: 30 + 10 * trial }, () => rand());
      const rows = ability.map((ab) => items.map(() => (rand() < 0.1 ? null : [rand() < 0.3 + 0.6 * ab ? 'a' : rand() < 0.5 ? 'b' : 'c'])));
      const x = rows.filter((row) => row.some((a) => a)).map((row) => row.map((a) => (a?.[0] === 'a' ? 1 : 0)));
      const result = itemAnalysis(items, rows);
      expect(result.n).toBe(x.length);
      items.forEach((_, i) => {
        const rest = x.map((row) => row.reduce((s: number, v, j) => s + (j === i ? 0 : v), 0));
        near(result.items[i]!.discrimination, pearson(x.map((row) => row[i]!), rest), 10);
      });
      near(result.kr20.alpha, cronbachAlpha(x).alpha!, 10);
    }
  });

  it('a learner with nothing answered is missing; one unanswered item among answers counts wrong', () => {
    const sums = new ItemAnalysisSums(IA1_ITEMS.slice(0, 2));
    expect(sums.add([null, []])).toBe(false);
    expect(sums.add([undefined, null])).toBe(false);
    expect(sums.add([['b'], null])).toBe(true);
    const r1 = sums.result();
    expect(r1).toMatchObject({ n: 1, nEmpty: 2 });
    expect(r1.items[0]!.facility).toBe(1);
    expect(r1.items[1]!.facility).toBe(0);
    expect(r1.items[1]!.unanswered).toEqual({ count: 1, share: 1 });
    expect(r1.items[0]!.undefinedReasons.discrimination).toBe('too_few_respondents');
  });

  it('undefined figures are null with a reason, never NaN', () => {
    // Everybody right on q1: no variance in the item (R: cor gives NA with "the standard deviation is zero").
    const constantItem = itemAnalysis(IA1_ITEMS.slice(0, 3), [[['b'], ['a'], ['true']], [['b'], ['b'], ['false']], [['b'], ['a'], ['false']]]);
    expect(constantItem.items[0]!.discrimination).toBeNull();
    expect(constantItem.items[0]!.undefinedReasons.discrimination).toBe('zero_variance');
    expect(constantItem.items[0]!.flags).toEqual(['too_easy', 'unused_distractor']);
    // The other items' total does not vary (q2 right for everyone), so the item has nothing to correlate with.
    const flatRest = itemAnalysis(IA1_ITEMS.slice(0, 2), [[['b'], ['a']], [['a'], ['a']], [['c'], ['a']]]);
    expect(flatRest.items[0]!.undefinedReasons.discrimination).toBe('zero_total_variance');
    const oneItem = itemAnalysis(IA1_ITEMS.slice(0, 1), [[['b']], [['a']]]);
    expect(oneItem.items[0]!.undefinedReasons.discrimination).toBe('too_few_items');
    expect(oneItem.kr20.undefinedReasons.alpha).toBe('too_few_items');
    const nobody = itemAnalysis(IA1_ITEMS, []);
    expect(nobody).toMatchObject({ n: 0, nEmpty: 0, meanPercent: null, sdPercent: null });
    expect(nobody.items[1]).toMatchObject({ facility: null, discrimination: null, unusedDistractors: [], flags: [], unanswered: { count: 0, share: null } });
    expect(nobody.items[1]!.undefinedReasons).toEqual({ facility: 'too_few_respondents', discrimination: 'too_few_respondents' });
    expect(JSON.stringify([constantItem, flatRest, oneItem, nobody])).not.toMatch(/NaN/);
  });

  it('rejects rows that do not line up with the items, and malformed items', () => {
    expect(() => itemAnalysis(IA1_ITEMS, [[['a']]])).toThrow(EvaluationInputError);
    expect(() => itemAnalysis([{ key: 'q', options: opt('aa', 'a') }], [])).toThrow(EvaluationInputError);
    expect(() => itemAnalysis([{ key: 'q' } as ItemDefinition], [])).toThrow(EvaluationInputError);
  });
});

describe('ItemAnalysisSums.addMasks', () => {
  // Items with one or two correct options among three or four.
  const defs: ItemDefinition[] = [
    { key: 'a', options: [{ key: 'x', correct: true }, { key: 'y', correct: false }, { key: 'z', correct: false }] },
    { key: 'b', options: [{ key: 'x', correct: true }, { key: 'y', correct: true }, { key: 'z', correct: false }, { key: 'w', correct: false }] },
    { key: 'c', options: [{ key: 'x', correct: false }, { key: 'y', correct: true }] },
  ];
  // A selection per item: null (unanswered), or option indices, where 9 stands for a key that is not an option.
  const selection = fc.option(fc.uniqueArray(fc.constantFrom(0, 1, 2, 3, 9), { maxLength: 3 }), { nil: null });

  it('equals add() with option keys for any rows', () => {
    fc.assert(fc.property(fc.array(fc.tuple(selection, selection, selection), { maxLength: 40 }), (rows) => {
      const byKeys = new ItemAnalysisSums(defs);
      const byMasks = new ItemAnalysisSums(defs);
      for (const row of rows) {
        byKeys.add(row.map((sel, i) => sel && sel.map((o) => defs[i]!.options[o]?.key ?? 'not-an-option')));
        byMasks.addMasks(row.map((sel, i) => (sel === null ? -1 : sel.reduce((m, o) => (o < defs[i]!.options.length ? m | (1 << o) : m | FOREIGN_OPTION_BIT), 0))));
      }
      expect(byMasks.result()).toEqual(byKeys.result());
    }), { numRuns: 300 });
  });
});

describe('ItemAnalysisSums.addCounts', () => {
  it('learners counted in parts and added give the same result as counted in one, wherever the rows are cut (IA2)', () => {
    const { items, rows } = ia2();
    const whole = itemAnalysis(items, rows);
    for (const cut of [0, 1, 57, 100, rows.length]) {
      const [first, second, third] = [new ItemAnalysisSums(items), new ItemAnalysisSums(items), new ItemAnalysisSums(items)];
      rows.slice(0, cut).forEach((row) => first.add(row));
      rows.slice(cut, cut + 30).forEach((row) => second.add(row));
      rows.slice(cut + 30).forEach((row) => third.add(row));
      first.addCounts(second.counts());
      first.addCounts(structuredClone(third.counts())); // as it arrives from a worker thread
      expect(first.result()).toEqual(whole);
    }
  });

  it('refuses counts over other items', () => {
    const { items } = ia2();
    const sums = new ItemAnalysisSums(items);
    expect(() => sums.addCounts(new ItemAnalysisSums(items.slice(1)).counts())).toThrow(EvaluationInputError);
  });
});
