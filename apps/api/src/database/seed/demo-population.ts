import type { AttitudeItem, Course, DecisionNode, Question } from '#curriculum';
import type { PositionType, Region } from '../../users/user.entity.js';

/**
 * The simulated learners of the demo: who they are and how they answer. Pure and deterministic (one seeded PRNG), so
 * every fresh database gets the same demo; the seed then sends these answers through the real submission code.
 */

/** mulberry32: small, fast, good enough for simulation, and the same sequence on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (const [i, item] of items.entries()) if ((r -= weights[i]!) < 0) return item;
    return items[items.length - 1]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/**
 * What happens to a learner: completes (some also answer the follow-up), is still learning, drops out at a stage,
 * withdraws consent, or takes the course only (no evaluation use) and is certified.
 */
export type Fate =
  | { kind: 'complete'; followUp: boolean; evaluationUse: boolean }
  | { kind: 'inProgress'; modulesDone: number }
  | { kind: 'dropout'; modulesDone: number; lessonsRead: number }
  | { kind: 'withdrawal'; modulesDone: number };

export interface SimulatedLearner {
  displayName: string;
  email: string;
  positionType: PositionType;
  region: Region;
  institution: string;
  fate: Fate;
  /** Knowledge ability (logit scale) and the learner's gain from the course. */
  ability: number;
  gain: number;
  /** General attitude (deviation on the 1–5 scale), its change, and how much the learner re-rates the past. */
  attitude: number;
  attitudeChange: number;
  responseShift: number;
  /** Days between modules: fast learners finish early enough for the follow-up to have opened. */
  pace: number;
}

const FIRST = [
  'María', 'Rosa', 'Ana', 'Carmen', 'Juana', 'Luz', 'Milagros', 'Yesenia', 'Roxana', 'Gladys', 'Pilar', 'Flor', 'Elena', 'Diana', 'Karina', 'Patricia',
  'José', 'Luis', 'Juan', 'Miguel', 'César', 'Víctor', 'Raúl', 'Wilder', 'Percy', 'Édgar', 'Fredy', 'Hugo', 'Walter', 'Iván', 'Renzo', 'Óscar', 'Alberto',
];
const SURNAMES = [
  'Quispe', 'Mamani', 'Flores', 'Rojas', 'Sánchez', 'García', 'Torres', 'Ramírez', 'Vásquez', 'Chávez', 'Castillo', 'Mendoza', 'Ríos', 'Paredes',
  'Cárdenas', 'Salazar', 'Tello', 'Ayala', 'Poma', 'Ticona', 'Vargas', 'Pinedo', 'Panduro', 'Arévalo', 'Tafur', 'Shuña', 'Huanca', 'Condori', 'Llerena',
];
const PLACES: Record<string, { police: string; municipal: string; health: string; other: string }> = {
  ucayali: { police: 'PNP Comisaría Yarinacocha', municipal: 'Municipalidad Provincial de Coronel Portillo', health: 'Hospital Amazónico', other: 'Defensoría del Pueblo — Ucayali' },
  junin: { police: 'PNP Comisaría El Tambo', municipal: 'Municipalidad Provincial de Huancayo', health: 'Centro de Salud Chilca', other: 'Centro Emergencia Mujer Huancayo' },
  piura: { police: 'PNP Comisaría Castilla', municipal: 'Municipalidad Provincial de Piura', health: 'Hospital Santa Rosa', other: 'Centro Emergencia Mujer Piura' },
  lima: { police: 'PNP Comisaría La Victoria', municipal: 'Municipalidad de Lima', health: 'Centro de Salud Lince', other: 'Defensoría del Pueblo — Lima' },
  arequipa: { police: 'PNP Comisaría Cerro Colorado', municipal: 'Municipalidad Provincial de Arequipa', health: 'Centro de Salud Mariano Melgar', other: 'Centro Emergencia Mujer Arequipa' },
  tumbes: { police: 'PNP Comisaría Zarumilla', municipal: 'Municipalidad Provincial de Tumbes', health: 'Hospital Regional de Tumbes', other: 'Centro Emergencia Mujer Tumbes' },
};
const INSTITUTION_KIND = { police: 'police', municipal_official: 'municipal', health_staff: 'health', other: 'other' } as const;

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const counts = <T>(spec: [T, number][]): T[] => spec.flatMap(([value, n]) => Array.from({ length: n }, () => value));

/** Names, e-mails on the reserved demo domain, and the mix of roles and regions; `fates` in order. */
function roster(rng: Random, regions: [Region, number][], positions: [PositionType, number][], fates: Fate[], taken: Set<string>): SimulatedLearner[] {
  const regionList = rng.shuffle(counts(regions));
  const positionList = rng.shuffle(counts(positions));
  const fateList = rng.shuffle(fates);
  return fateList.map((fate, i) => {
    let first: string, last1: string, last2: string, email: string;
    do {
      first = rng.pick(FIRST);
      last1 = rng.pick(SURNAMES);
      last2 = rng.pick(SURNAMES);
      email = `${ascii(first)}.${ascii(last1)}.${ascii(last2)}@respeta.demo`;
    } while (last1 === last2 || taken.has(email));
    taken.add(email);
    const region = regionList[i]!;
    const positionType = positionList[i]!;
    const completesEarly = fate.kind === 'complete' && fate.followUp;
    return {
      displayName: `${first} ${last1} ${last2}`, email, positionType, region,
      institution: PLACES[region]![INSTITUTION_KIND[positionType]],
      fate,
      ability: rng.normal(0, 1),
      gain: rng.normal(1.2, 0.7),
      attitude: rng.normal(0, 0.55),
      attitudeChange: rng.normal(0.45, 0.35),
      responseShift: rng.normal(0.3, 0.2),
      pace: completesEarly ? rng.uniform(0.4, 1.5) : rng.uniform(1, 5),
    };
  });
}

const complete = (n: number, followUp = false, evaluationUse = true): Fate[] => Array.from({ length: n }, () => ({ kind: 'complete', followUp, evaluationUse }));

/** The main demo cohort: 40 simulated learners; Arequipa (3) and "other" posts (4) are small enough to be suppressed. */
export function mainCohortLearners(taken: Set<string>): SimulatedLearner[] {
  return roster(
    new Random(2026),
    [['ucayali', 13], ['junin', 9], ['piura', 8], ['lima', 7], ['arequipa', 3]],
    [['police', 17], ['municipal_official', 12], ['health_staff', 7], ['other', 4]],
    [
      ...complete(23), ...complete(8, true), ...complete(1, false, false),
      { kind: 'inProgress', modulesDone: 4 }, { kind: 'inProgress', modulesDone: 6 },
      { kind: 'dropout', modulesDone: 0, lessonsRead: 0 }, { kind: 'dropout', modulesDone: 0, lessonsRead: 2 },
      { kind: 'dropout', modulesDone: 2, lessonsRead: 1 }, { kind: 'dropout', modulesDone: 5, lessonsRead: 0 },
      { kind: 'dropout', modulesDone: 8, lessonsRead: 0 },
      { kind: 'withdrawal', modulesDone: 3 },
    ],
    taken,
  );
}

/** The small demo cohort: 6 learners in two regions, 4 complete pairs — below the suppression threshold of 5. */
export function smallCohortLearners(taken: Set<string>): SimulatedLearner[] {
  return roster(
    new Random(5),
    [['piura', 4], ['tumbes', 2]],
    [['police', 3], ['municipal_official', 2], ['health_staff', 1]],
    [...complete(4), { kind: 'inProgress', modulesDone: 3 }, { kind: 'dropout', modulesDone: 0, lessonsRead: 0 }],
    taken,
  );
}

// ── answers ──────────────────────────────────────────────────────────────────────────────────────────────────────

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/** Item properties shared by all learners of the demo: difficulty, how attractive each wrong option is, offsets. */
export class ItemBank {
  private readonly difficulty = new Map<string, number>();
  private readonly lure = new Map<string, number[]>();
  private readonly offset = new Map<string, number>();

  constructor(course: Course) {
    const rng = new Random(77);
    const questions = [...course.knowledgeTest.items, ...course.modules.flatMap((m) => m.quiz.questions)];
    for (const q of questions) {
      this.difficulty.set(q.key, rng.normal(0, 0.9));
      // Some distractors are tempting, some almost nobody picks (the report's distractor analysis shows both).
      this.lure.set(q.key, q.options.map(() => (rng.chance(0.2) ? 0.05 : Math.exp(rng.normal(0, 0.8)))));
    }
    for (const item of course.attitudeInstrument.items) this.offset.set(item.key, rng.normal(0, 0.35));
  }

  /** The options one learner marks: the right set with probability p, else a plausible mistake. */
  answer(rng: Random, q: Question, logit: number): string[] {
    const correct = q.options.filter((o) => o.correct).map((o) => o.key);
    if (rng.chance(sigmoid(logit - this.difficulty.get(q.key)!))) return correct;
    const lures = this.lure.get(q.key)!;
    const wrong = q.options.map((o, i) => ({ key: o.key, weight: lures[i]!, correct: o.correct })).filter((o) => !o.correct);
    const distractor = rng.weighted(wrong.map((o) => o.key), wrong.map((o) => o.weight));
    if (q.type !== 'multiple') return [distractor];
    // Multiple choice: a right option forgotten, or a wrong one added.
    const forgotten = rng.pick(correct);
    return rng.chance(0.55) && correct.length > 1 ? correct.filter((k) => k !== forgotten) : [...correct, distractor];
  }

  /** A Likert answer from the learner's level on the positive scale; reverse-keyed items are answered the other way. */
  likert(rng: Random, item: AttitudeItem, level: number): number {
    const positive = Math.round(clamp(level + this.offset.get(item.key)! + rng.normal(0, 0.55), 1, 5));
    return item.reverse ? 6 - positive : positive;
  }
}

/** Where each attitude subscale starts before the course (1–5, positive direction) and how much it moves. */
const SUBSCALE_BASE: Record<string, { level: number; responsiveness: number }> = {
  rights: { level: 3.0, responsiveness: 1.0 },
  trans: { level: 2.7, responsiveness: 1.1 },
  myths: { level: 3.2, responsiveness: 1.2 },
  duty: { level: 3.6, responsiveness: 0.7 },
  masculinity: { level: 2.9, responsiveness: 0.8 },
};

export type Wave = 'pre' | 'post' | 'then' | 'followup';

/** How a learner answers the assessments at each wave; one generator per learner keeps the learner consistent. */
export class LearnerAnswers {
  readonly rng: Random;
  private readonly subscaleDeviation = new Map<string, number>();
  private readonly subscaleChange = new Map<string, number>();

  constructor(
    private readonly learner: SimulatedLearner,
    private readonly bank: ItemBank,
    private readonly course: Course,
    seed: number,
  ) {
    this.rng = new Random(seed);
    for (const key of Object.keys(SUBSCALE_BASE)) {
      this.subscaleDeviation.set(key, this.rng.normal(0, 0.3));
      this.subscaleChange.set(key, this.rng.normal(0, 0.2));
    }
  }

  knowledge(wave: 'pre' | 'post' | 'followup'): Record<string, string[]> {
    const { ability, gain } = this.learner;
    const logit = { pre: 1.5 * ability - 0.1, post: 1.5 * (ability + gain) + 0.6, followup: 1.5 * (ability + 0.8 * gain) + 0.5 }[wave];
    const answers: Record<string, string[]> = {};
    for (const item of this.course.knowledgeTest.items) {
      if (this.rng.chance(0.01)) continue; // now and then a question is left blank
      answers[item.key] = this.bank.answer(this.rng, item, logit);
    }
    return answers;
  }

  attitude(wave: Wave): Record<string, number> {
    const { attitude, attitudeChange, responseShift } = this.learner;
    const answers: Record<string, number> = {};
    for (const item of this.course.attitudeInstrument.items) {
      if (this.rng.chance(0.01)) continue;
      const base = SUBSCALE_BASE[item.subscale] ?? { level: 3, responsiveness: 1 };
      const pre = base.level + attitude + this.subscaleDeviation.get(item.subscale)!;
      const change = attitudeChange * base.responsiveness + (this.subscaleChange.get(item.subscale) ?? 0);
      // The then-test rates the former self lower than the pre-test did (response shift); follow-up keeps most gains.
      const level = { pre, post: pre + change, then: pre - responseShift, followup: pre + 0.75 * change }[wave];
      answers[item.key] = this.bank.likert(this.rng, item, level);
    }
    return answers;
  }

  /**
   * The behaviour follow-up: many had no case in the period ("no aplica"); the others report the practice more often
   * the more their attitudes moved. Drawn last, so the learner's other answers stay as they were before it existed.
   */
  practice(): Record<string, string> {
    const answers: Record<string, string> = {};
    const lean = Math.max(0.2, 1 + this.learner.attitudeChange);
    for (const item of this.course.practiceQuestionnaire?.items ?? []) {
      if (this.rng.chance(0.03)) continue;
      const na = item.options.find((o) => o.notApplicable);
      if (na && this.rng.chance(item.presumesCase ? 0.35 : 0.1)) {
        answers[item.key] = na.key;
        continue;
      }
      const options = item.options.filter((o) => !o.notApplicable);
      answers[item.key] = this.rng.weighted(options.map((o) => o.key), options.map((o) => (item.indicator.includes(o.key) ? 1.5 * lean : 1)));
    }
    return answers;
  }

  /** A module quiz; the third try is always right (the learner reviewed), so the quiz never locks the path. */
  quiz(questions: Question[], attempt: number): Record<string, string[]> {
    const logit = 1.5 * (this.learner.ability + 0.7 * this.learner.gain) + 1.3 + attempt;
    return Object.fromEntries(
      questions.map((q) => [q.key, attempt >= 2 ? q.options.filter((o) => o.correct).map((o) => o.key) : this.bank.answer(this.rng, q, logit)]),
    );
  }

  /** A scenario decision: better options are likelier the more positive the learner's attitude after the modules. */
  choose(node: DecisionNode): string {
    const beta = Math.max(0.2, 1.1 + 1.2 * this.learner.attitude + 0.8 * this.learner.attitudeChange);
    return this.rng.weighted(node.choices.map((c) => c.key), node.choices.map((c) => Math.exp(beta * c.points)));
  }
}
