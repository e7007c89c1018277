/**
 * "Did you mean …?" for user typos: field names, enum values, units, kinds.
 * Uses the optimal-string-alignment form of Damerau–Levenshtein distance, so a swapped
 * pair of letters (`plociy`) costs 1 like a single missing one (`polcy`).
 */

/** Edit distance counting insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (two back, one back, current) are enough for the swap rule.
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Case, `-` and `_` differences are not typos worth counting (`least-connections`). */
function fold(s: string): string {
  return s.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The candidate closest to `input`, or undefined when none is close enough to be a
 * plausible typo. Ties go to the earlier candidate, so the answer is deterministic.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const folded = fold(input);
  if (folded.length === 0) return undefined;
  // Allow roughly one edit per three characters, at least one, never the whole word.
  const limit = Math.min(Math.max(1, Math.floor(folded.length / 3)), folded.length - 1);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const d = editDistance(folded, fold(candidate));
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** The hint sentence, or undefined when there is nothing to suggest. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const s = suggest(input, candidates);
  return s === undefined ? undefined : `did you mean \`${s}\`?`;
}
