import { randomInt } from 'node:crypto';

// No 0/O or 1/I/L: codes are read aloud in classrooms and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Random groups of unambiguous characters joined by hyphens, e.g. readableCode([4, 4]) → "7KQ2-M9XD". */
export function readableCode(groups: number[]): string {
  return groups.map((length) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
}
