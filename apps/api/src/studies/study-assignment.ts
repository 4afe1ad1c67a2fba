import { createHash, randomBytes } from 'node:crypto';

export type Arm = 'treated' | 'waitlist';

/** A fresh seed for a random assignment: 128 bits as 32 hex characters, stored and shown with the study. */
export const newSeed = (): string => randomBytes(16).toString('hex');

/** The draw of one cohort: SHA-256 (hex) of the seed followed by the cohort id, as text. */
export const drawOf = (seed: string, cohortId: string): string => createHash('sha256').update(`${seed}${cohortId}`, 'utf8').digest('hex');

/**
 * The random assignment, written so anyone can re-derive it from the seed (e.g. in R: digest::digest(paste0(seed, id),
 * "sha256", serialize = FALSE)): cohorts sorted by their draw, the first half (rounded up) treated, the rest wait.
 */
export function randomArms(seed: string, cohortIds: readonly string[]): { cohortId: string; arm: Arm; draw: string }[] {
  const drawn = cohortIds.map((cohortId) => ({ cohortId: cohortId.toLowerCase(), draw: drawOf(seed, cohortId.toLowerCase()) }));
  drawn.sort((a, b) => (a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : 0));
  const treated = Math.ceil(drawn.length / 2);
  return drawn.map((d, i) => ({ ...d, arm: i < treated ? 'treated' : 'waitlist' }));
}
