/**
 * BuildKit's "did you mean" hints: the closest known word within an edit distance of two. A
 * case-insensitive match keeps the case the user typed (`RUNN` → `RUN`, `runn` → `run`).
 */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[y.length]!;
}

function matchCase(found: string, typed: string): string {
  if (typed === typed.toLowerCase()) return found.toLowerCase();
  if (typed === typed.toUpperCase()) return found.toUpperCase();
  return found;
}

/** The suggestion for `value` among `options`, or undefined (also when `value` is an exact match). */
export function suggest(
  value: string,
  options: readonly string[],
  caseSensitive: boolean,
): string | undefined {
  const val = caseSensitive ? value : value.toLowerCase();
  let match: string | undefined;
  let best = 3;
  for (const option of options) {
    const opt = caseSensitive ? option : option.toLowerCase();
    if (opt === val) return undefined;
    const d = levenshtein(val, opt);
    if (d < best) {
      match = caseSensitive ? opt : matchCase(opt, value);
      best = d;
    }
  }
  return match;
}

/** `message (did you mean x?)` when there is a suggestion. */
export function withSuggestion(
  message: string,
  value: string,
  options: readonly string[],
  caseSensitive: boolean,
) {
  const match = suggest(value, options, caseSensitive);
  return match === undefined ? message : `${message} (did you mean ${match}?)`;
}
