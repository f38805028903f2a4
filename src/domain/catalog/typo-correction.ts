// Typo tolerance: when no procedure contains every word of a query, each word that appears nowhere in
// the catalog's vocabulary is replaced by the closest vocabulary word (optimal-string-alignment
// distance: 1 for words up to 4 letters, 2 for longer ones; the most frequent wins). Words are
// accent-folded.

export interface VocabularyWord {
  word: string;
  frequency: number;
}

export interface WordAlternatives {
  /** The query word as typed (folded). */
  word: string;
  /** What to search for instead: the word itself when it occurs in the vocabulary, else close words. */
  alternatives: string[];
}

// One replacement per word: the search matches words as substrings, so every extra alternative (often a
// short, common word) widens the result far more than it helps.
const MAX_ALTERNATIVES = 1;

export function maxTypoDistance(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/** Optimal-string-alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * For each query word: itself if some vocabulary word contains it; else the closest word; words
 * with no close word are left out. Undefined when every word is known (correction cannot help) or
 * when no word is left.
 */
export function correctQueryWords(words: readonly string[], vocabulary: readonly VocabularyWord[]): WordAlternatives[] | undefined {
  const result: WordAlternatives[] = [];
  let corrected = false;
  for (const word of words) {
    // Words under 3 letters are too ambiguous to correct; they are kept as typed.
    if (word.length < 3 || vocabulary.some((v) => v.word.includes(word))) {
      result.push({ word, alternatives: [word] });
      continue;
    }
    const max = maxTypoDistance(word);
    const close = vocabulary
      .map((v) => ({ v, d: editDistance(word, v.word, max) }))
      .filter((c) => c.d <= max)
      .sort((x, y) => x.d - y.d || y.v.frequency - x.v.frequency || (x.v.word < y.v.word ? -1 : 1))
      .slice(0, MAX_ALTERNATIVES)
      .map((c) => c.v.word);
    corrected = true;
    if (close.length > 0) result.push({ word, alternatives: close });
  }
  if (!corrected || result.length === 0) return undefined;
  return result;
}
