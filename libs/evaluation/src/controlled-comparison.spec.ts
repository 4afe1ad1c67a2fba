import { controlledComparison, EvaluationInputError, wilsonInterval } from './index.js';

// Expected values are R 4.2.2's. The helper used for every vector below (run with Rscript):
//   cc <- function(tp, tq, cp, cq) {
//     dT <- tq - tp; dC <- cq - cp; w <- t.test(dT, dC); nT <- length(dT); nC <- length(dC)
//     sp <- sqrt(((nT-1)*var(dT) + (nC-1)*var(dC))/(nT+nC-2)); g <- (mean(dT)-mean(dC))/sp * (1 - 3/(4*(nT+nC)-9))
//     d <- data.frame(pre = c(tp, cp), post = c(tq, cq), group = c(rep(1, nT), rep(0, nC)))
//     m <- lm(post ~ pre + group, data = d); s <- coef(summary(m))["group", ]
//     print(c(mean(dT), mean(dC), mean(dT)-mean(dC), w$statistic, w$parameter, w$p.value, w$conf.int, g))
//     print(c(s, m$df.residual, confint(m)["group", ]))
//   }

const near = (actual: number | null | undefined, expected: number, digits = 6) => expect(actual ?? Number.NaN).toBeCloseTo(expected, digits);
/** p-values compared relative to their size (they can be 1e-5). */
const nearP = (actual: number | null | undefined, expected: number) => expect(Math.abs((actual ?? Number.NaN) / expected - 1)).toBeLessThan(1e-6);

// TV5 (EVALUATION.md): cc(TV5 treated pre, post, control pre, post)
const TV5 = {
  treated: { pre: [2.0, 2.5, 3.0, 2.2, 3.1, 2.8, 2.4, 3.3, 2.9, 2.6], post: [3.1, 3.0, 3.6, 2.9, 3.5, 3.4, 2.8, 3.9, 3.3, 3.4] },
  control: { pre: [2.3, 2.7, 2.9, 2.1, 3.2, 2.6, 2.5, 3.0], post: [2.4, 2.6, 3.1, 2.3, 3.2, 2.9, 2.4, 3.1] },
};

describe('controlledComparison', () => {
  it('reproduces R on TV5 (Welch on change scores, Hedges g, ANCOVA)', () => {
    const r = controlledComparison(TV5);
    expect(r).toMatchObject({ nTreated: 10, nControl: 8, nUnpairedTreated: 0, nUnpairedControl: 0, undefinedReasons: {} });
    near(r.meanChangeTreated, 0.61, 10);
    near(r.meanChangeControl, 0.0875, 10);
    near(r.difference, 0.5225, 10);
    near(r.t, 6.064556);
    near(r.df, 15.597843);
    nearP(r.p, 1.830024e-5);
    near(r.ci95?.[0], 0.3394732);
    near(r.ci95?.[1], 0.7055268);
    near(r.hedgesG, 2.618708);
    near(r.ancova.effect, 0.5262602);
    near(r.ancova.se, 0.08340393, 8);
    near(r.ancova.t, 6.309777);
    expect(r.ancova.df).toBe(15);
    nearP(r.ancova.p, 1.39938e-5);
    near(r.ancova.ci95?.[0], 0.348489);
    near(r.ancova.ci95?.[1], 0.7040315);
  });

  it('uses complete pairs only: missing (null or NaN) waves are attrition, never imputed', () => {
    const r = controlledComparison({
      treated: { pre: [...TV5.treated.pre, 2.1, null, Number.NaN], post: [...TV5.treated.post, null, 3.0, 3.2] },
      control: { pre: [null, ...TV5.control.pre], post: [2.2, ...TV5.control.post] },
    });
    expect(r).toMatchObject({ nTreated: 10, nControl: 8, nUnpairedTreated: 3, nUnpairedControl: 1 });
    near(r.ancova.effect, 0.5262602);
    near(r.t, 6.064556);
  });

  it('V-A: knowledge percents, unequal small groups, no real effect (R: cc(c(40,55,60,35,70), c(45,50,75,50,80), c(50,45,65,30,60,55,40), c(60,50,70,45,65,70,35)))', () => {
    const r = controlledComparison({
      treated: { pre: [40, 55, 60, 35, 70], post: [45, 50, 75, 50, 80] },
      control: { pre: [50, 45, 65, 30, 60, 55, 40], post: [60, 50, 70, 45, 65, 70, 35] },
    });
    near(r.meanChangeTreated, 8, 10);
    near(r.meanChangeControl, 7.142857143);
    near(r.difference, 0.8571428571);
    near(r.t, 0.1871652055);
    near(r.df, 7.702845521);
    near(r.p, 0.8563666229);
    near(r.ci95?.[0], -9.774782228);
    near(r.ci95?.[1], 11.48906794);
    near(r.hedgesG, 0.1045364958);
    near(r.ancova.effect, 0.9676742233);
    near(r.ancova.se, 4.689339145);
    near(r.ancova.t, 0.2063562036);
    expect(r.ancova.df).toBe(9);
    near(r.ancova.p, 0.8411053804);
    near(r.ancova.ci95?.[0], -9.640347913);
    near(r.ancova.ci95?.[1], 11.57569636);
  });

  it('V-B: the smallest defined case, 2 pairs per group, ANCOVA df = 1 (R: cc(c(1,2), c(2,4), c(1,3), c(1,2)))', () => {
    const r = controlledComparison({ treated: { pre: [1, 2], post: [2, 4] }, control: { pre: [1, 3], post: [1, 2] } });
    expect(r.undefinedReasons).toEqual({});
    near(r.difference, 2, 10);
    near(r.t, 2.828427125);
    near(r.df, 2, 9);
    near(r.p, 0.105572809);
    near(r.ci95?.[0], -1.042434922);
    near(r.ci95?.[1], 5.042434922);
    near(r.hedgesG, 1.616244071);
    near(r.ancova.effect, 1.9, 9);
    near(r.ancova.se, 0.9949874371);
    near(r.ancova.t, 1.909571849);
    expect(r.ancova.df).toBe(1);
    near(r.ancova.p, 0.3071115966);
    near(r.ancova.ci95?.[0], -10.74251409, 5);
    near(r.ancova.ci95?.[1], 14.54251409, 5);
  });

  it('V-C: zero variance in one group only is fine for Welch (R: cc(c(2,3,4,2.5), c(3,3.5,5,3.5), c(2,3,4), c(2.5,3.5,4.5)))', () => {
    const r = controlledComparison({ treated: { pre: [2, 3, 4, 2.5], post: [3, 3.5, 5, 3.5] }, control: { pre: [2, 3, 4], post: [2.5, 3.5, 4.5] } });
    expect(r.undefinedReasons).toEqual({});
    near(r.meanChangeControl, 0.5, 10);
    near(r.t, 3, 8);
    near(r.df, 3, 8);
    near(r.p, 0.05766888562);
    near(r.ci95?.[0], -0.02280578816);
    near(r.ci95?.[1], 0.7728057882);
    near(r.hedgesG, 1.63072983);
    near(r.ancova.effect, 0.3731343284);
    near(r.ancova.se, 0.1654743121);
    near(r.ancova.t, 2.254938084);
    expect(r.ancova.df).toBe(4);
    near(r.ancova.p, 0.08716729597);
    near(r.ancova.ci95?.[0], -0.0862960156);
    near(r.ancova.ci95?.[1], 0.8325646723);
  });

  it('fewer than 2 pairs in a group: between-group figures are null with too_few_pairs', () => {
    const r = controlledComparison({ treated: { pre: [2, 3, null], post: [3, null, 4] }, control: TV5.control });
    expect(r.nTreated).toBe(1);
    near(r.meanChangeTreated, 1, 10);
    near(r.meanChangeControl, 0.0875, 10);
    for (const value of [r.difference, r.ci95, r.t, r.df, r.p, r.hedgesG, ...Object.values(r.ancova)]) expect(value).toBeNull();
    expect(r.undefinedReasons).toEqual({
      difference: 'too_few_pairs', ci95: 'too_few_pairs', t: 'too_few_pairs', df: 'too_few_pairs', p: 'too_few_pairs', hedgesG: 'too_few_pairs',
      'ancova.effect': 'too_few_pairs', 'ancova.se': 'too_few_pairs', 'ancova.t': 'too_few_pairs', 'ancova.df': 'too_few_pairs',
      'ancova.p': 'too_few_pairs', 'ancova.ci95': 'too_few_pairs',
    });
    const empty = controlledComparison({ treated: { pre: [], post: [] }, control: { pre: [null], post: [1] } });
    expect(empty).toMatchObject({ nTreated: 0, nControl: 0, nUnpairedControl: 1, meanChangeTreated: null, meanChangeControl: null });
    expect(empty.undefinedReasons.meanChangeTreated).toBe('too_few_pairs');
    expect(JSON.stringify(empty)).not.toMatch(/NaN/);
  });

  it('zero variance in both groups: difference stands, the tests and g are null (R: t.test stops, "data are essentially constant")', () => {
    // Every treated learner gains exactly 1, every control learner exactly 0; pre varies so the ANCOVA is a perfect fit.
    const r = controlledComparison({ treated: { pre: [1, 2, 3], post: [2, 3, 4] }, control: { pre: [1.5, 2.5, 3.5], post: [1.5, 2.5, 3.5] } });
    near(r.difference, 1, 12);
    expect(r).toMatchObject({ t: null, df: null, p: null, ci95: null, hedgesG: null });
    expect(r.undefinedReasons).toMatchObject({ t: 'zero_variance', df: 'zero_variance', p: 'zero_variance', ci95: 'zero_variance', hedgesG: 'zero_variance' });
    // R: coef(summary(lm(post ~ pre + group))) gives group = 1 with SE 1.3e-16 and an "essentially perfect fit" warning.
    near(r.ancova.effect, 1, 10);
    expect(r.ancova.df).toBe(3);
    expect(r.ancova).toMatchObject({ se: null, t: null, p: null, ci95: null });
    expect(r.undefinedReasons['ancova.se']).toBe('zero_variance');
  });

  it('ANCOVA with pre constant within each group: group is aliased (R gives NA), so null with collinear_predictors', () => {
    // R: coef(lm(post ~ pre + group, data.frame(pre = c(2,2,2,3,3,3), post = c(3,4,2.5,3,3.5,4), group = c(1,1,1,0,0,0))))
    //    → group NA
    const r = controlledComparison({ treated: { pre: [2, 2, 2], post: [3, 4, 2.5] }, control: { pre: [3, 3, 3], post: [3, 3.5, 4] } });
    expect(r.ancova.effect).toBeNull();
    expect(r.undefinedReasons['ancova.effect']).toBe('collinear_predictors');
    expect(r.t).not.toBeNull(); // Welch on the change scores is still defined
    const flat = controlledComparison({ treated: { pre: [2, 2], post: [3, 4] }, control: { pre: [2, 2], post: [3, 3.5] } });
    expect(flat.undefinedReasons['ancova.effect']).toBe('zero_variance');
  });

  it('rejects arrays that do not line up or a missing group', () => {
    expect(() => controlledComparison({ treated: { pre: [1, 2], post: [1] }, control: TV5.control })).toThrow(EvaluationInputError);
    expect(() => controlledComparison({ treated: TV5.treated } as never)).toThrow(EvaluationInputError);
  });
});

// R: r <- prop.test(x, n, correct = FALSE); c(r$estimate, r$conf.int)
describe('wilsonInterval', () => {
  it('reproduces R on TV6', () => {
    const a = wilsonInterval(7, 23);
    near(a.p, 0.3043478);
    near(a.ci95?.[0], 0.1560402);
    near(a.ci95?.[1], 0.5086576);
    const b = wilsonInterval(0, 12);
    expect(b.p).toBe(0);
    expect(b.ci95?.[0]).toBe(0);
    near(b.ci95?.[1], 0.242494);
  });

  it('more vectors from R: x = n, n = 1, large n', () => {
    const cases: [number, number, number, number][] = [
      [12, 12, 0.7575059933, 1], // prop.test(12, 12, correct = FALSE)
      [1, 1, 0.2065493144, 1], // prop.test(1, 1, correct = FALSE)
      [37, 40, 0.8013576648, 0.9741639742], // prop.test(37, 40, correct = FALSE)
      [513, 2000, 0.2378405448, 0.2760930572], // prop.test(513, 2000, correct = FALSE)
    ];
    for (const [x, n, lo, hi] of cases) {
      const r = wilsonInterval(x, n);
      near(r.p, x / n, 12);
      near(r.ci95?.[0], lo, 9);
      near(r.ci95?.[1], hi, 9);
    }
    expect(wilsonInterval(12, 12).ci95?.[1]).toBe(1);
  });

  it('n = 0 is null with a reason; impossible counts are caller errors', () => {
    expect(wilsonInterval(0, 0)).toEqual({ x: 0, n: 0, p: null, ci95: null, undefinedReasons: { p: 'too_few_values', ci95: 'too_few_values' } });
    for (const [x, n] of [[3, 2], [-1, 5], [1.5, 4], [1, Number.NaN]]) expect(() => wilsonInterval(x!, n!)).toThrow(EvaluationInputError);
  });
});
