// Heuristics over lesson Markdown: length and "does this text state a legal or statistical fact?".

export const LESSON_MIN_WORDS = 300;
export const LESSON_MAX_WORDS = 900;

/** Words a reader reads: Markdown markers, link targets and bare punctuation do not count. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url) → text
    .replace(/https?:\/\/\S+/g, ' ');
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

interface ClaimPattern {
  pattern: RegExp;
  what: string;
}

// Capitalised "Ley", "Constitución" and "Convención" name a specific instrument; lower-case "la ley" is everyday
// speech and would flag nearly every lesson, so those three are case-sensitive on purpose.
const CLAIM_PATTERNS: readonly ClaimPattern[] = [
  { pattern: /\bley\s+(n\.?\s*[°º]?\s*)?\d[\d-]*/i, what: 'a law' },
  { pattern: /\bLey\b/, what: 'a law' },
  { pattern: /\blaws?\s+(no\.?\s*)?\d[\d-]*/i, what: 'a law' },
  { pattern: /\barts?\.\s*\d[\d.,]*(\s*[–-]\s*\d+)?/i, what: 'an article' },
  { pattern: /\bart[íi]culos?\s+\d[\d.,]*/i, what: 'an article' },
  { pattern: /\barticles?\s+\d[\d.,]*/i, what: 'an article' },
  { pattern: /C[óo]digo Penal|Penal Code|Criminal Code/i, what: 'the Penal Code' },
  { pattern: /\bConstituci[óo]n\b|\bConstitution\b/, what: 'the Constitution' },
  { pattern: /\bDecreto\b|\bDecree\b|\bD\.\s?[LS]\.?\s?(n\.?\s*[°º]?\s*)?\d/i, what: 'a decree' },
  { pattern: /\bTUO\b/, what: 'a consolidated legal text' },
  { pattern: /Corte Interamericana|Inter-American Court|Comisi[óo]n Interamericana|Inter-American Commission/i, what: 'an inter-American body' },
  { pattern: /Tribunal Constitucional|Constitutional Court/i, what: 'a court' },
  { pattern: /\bvs?\.\s+Per[úu]\b|\bv\.\s+Peru\b/i, what: 'a court case' },
  { pattern: /\bCEDAW\b|Bel[ée]m do Par[áa]|\bConvenci[óo]n\b|\bConvention\b/, what: 'a treaty' },
  { pattern: /\d+([.,]\d+)?\s?%|\bpor\s?ciento\b|\bper\s?cent\b/i, what: 'a percentage' },
];

export interface Claim {
  match: string;
  what: string;
}

/** The first legal or statistical reference in the text, if any (a heuristic: it errs towards asking for a source). */
export function findClaim(text: string): Claim | undefined {
  for (const { pattern, what } of CLAIM_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return { match: found[0].trim().replace(/[.,]+$/, ''), what };
  }
  return undefined;
}
