// What an editor sees beside a lesson while writing it: its outline, length and reading time.
import { countWords } from './text-checks.js';

/** Words per minute of an adult reading informative text in their own language (a common planning figure). */
export const READING_WORDS_PER_MINUTE = 200;

export interface Heading {
  level: number;
  text: string;
}

export interface LessonStats {
  words: number;
  /** Whole minutes, at least 1 for any text. */
  readingMinutes: number;
  headings: Heading[];
}

/** ATX headings (`## Title`) outside fenced code, with their Markdown emphasis markers removed. */
export function markdownHeadings(markdown: string): Heading[] {
  const headings: Heading[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) headings.push({ level: match[1]!.length, text: match[2]!.replace(/[*_`]/g, '') });
  }
  return headings;
}

export function lessonStats(markdown: string): LessonStats {
  const words = countWords(markdown);
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE)), headings: markdownHeadings(markdown) };
}
