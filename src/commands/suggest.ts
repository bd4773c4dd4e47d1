/** "Did you mean …?" for every word the user types against a known list: commands, options, account aliases. */

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours as one edit (optimal
 * string alignment), so `prdo` is one edit from `prod`, as `cerate` is from `create`.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The known word closest to `word` (case-insensitive) within `maxEdits`; the first such word on a tie. */
export function closest(word: string, known: readonly string[], maxEdits = 2): string | undefined {
  const typed = word.toLowerCase();
  let best: { word: string; d: number } | undefined;
  for (const candidate of known) {
    // Words whose lengths differ by more than the limit are never within it: a long typo costs nothing.
    if (Math.abs(typed.length - candidate.length) > maxEdits) continue;
    const d = editDistance(typed, candidate.toLowerCase());
    if (d <= maxEdits && (!best || d < best.d)) best = { word: candidate, d };
  }
  return best?.word;
}
