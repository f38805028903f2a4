// What a search box sends is untrusted: any length, any characters. The query used is clean text of at
// most 200 code points, cut into at most 12 distinct words that contain a letter or a digit
// (punctuation and emoji alone are not searchable), so every search has a bounded cost.
import { cleanLine, truncateCodePoints } from './text.ts';

export const MAX_QUERY_CODE_POINTS = 200;
export const MAX_QUERY_WORDS = 12;

export interface PreparedQuery {
  /** The cleaned phrase, for ranking (exact name, name starting with / containing the phrase). */
  phrase: string;
  /** The words every match must contain (accent-folded by the database). */
  words: string[];
}

/** undefined when there is nothing to search for (absent, empty or only spaces). */
export function prepareSearchQuery(q: string | undefined): PreparedQuery | undefined {
  if (q === undefined) return undefined;
  const phrase = truncateCodePoints(cleanLine(q), MAX_QUERY_CODE_POINTS).trim();
  if (phrase === '') return undefined;
  const words = [...new Set(phrase.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)))].slice(0, MAX_QUERY_WORDS);
  return { phrase, words };
}
