// Per-attempt option order. The server draws a seed when an attempt (or a scenario play-through) starts, stores it
// with the draft/run and then with the attempt, and serves the options in the order this seed gives: the same seed
// always gives the same order (a reload or an autosaved draft never reshuffles), a new attempt gets a new seed.
// Grading is by option key, never by position, so the order never changes a score.

/** FNV-1a over the seed and a salt (the question or node key): one independent stream per question. */
function hash(seed: number, salt: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const text = `${seed}:${salt}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and well distributed; plenty for shuffling four options. */
function random(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of `items`, determined by (seed, salt). The input is not changed. */
export function seededOrder<T>(items: readonly T[], seed: number, salt: string): T[] {
  const next = random(hash(seed, salt));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The options of one question as a learner sees them in the attempt with this seed. True/false items are always
 * "true" then "false" (a shuffled Verdadero/Falso only confuses; their key balance is the content lint's job).
 * No seed (null) means the order of the course file.
 */
export function orderOptions<T extends { key: string }>(type: string, options: readonly T[], seed: number | null | undefined, salt: string): T[] {
  if (type === 'trueFalse') return [...options].sort((a, b) => (a.key === b.key ? 0 : a.key === 'true' ? -1 : 1));
  if (seed === null || seed === undefined) return [...options];
  return seededOrder(options, seed, salt);
}

/** A fresh seed: a positive 31-bit integer (fits PostgreSQL's integer). */
export const OPTION_SEED_MAX = 2 ** 31 - 1;
export const isOptionSeed = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= OPTION_SEED_MAX;
