import type { SedCommand } from './sed-parse.js';

/** One `s` command on the pattern space; undefined when nothing was replaced. */
export function substitute(c: SedCommand, ps: string, re: RegExp): string | undefined {
  let count = 0;
  let replaced = false;
  const result = ps.replace(re, (...args) => {
    const match = args[0] as string;
    count++;
    const nth = c.nth ?? 1;
    if (count < nth || (!c.global && count > nth)) return match;
    replaced = true;
    const groups = args.slice(1, -2) as (string | undefined)[];
    return expand(c.replacement ?? '', match, groups);
  });
  return replaced ? result : undefined;
}

/** The replacement text: `&`, `\1`..`\9`, `\n`, and GNU's case conversions `\U \L \u \l \E`. */
function expand(rep: string, match: string, groups: (string | undefined)[]): string {
  let out = '';
  let mode: 'U' | 'L' | '' = '';
  let once: 'u' | 'l' | '' = '';
  const emit = (text: string): void => {
    let s = mode === 'U' ? text.toUpperCase() : mode === 'L' ? text.toLowerCase() : text;
    if (once && s) {
      s = (once === 'u' ? s[0]!.toUpperCase() : s[0]!.toLowerCase()) + s.slice(1);
      once = '';
    }
    out += s;
  };
  for (let i = 0; i < rep.length; i++) {
    const ch = rep[i]!;
    if (ch === '&') emit(match);
    else if (ch === '\\' && i + 1 < rep.length) {
      const n = rep[++i]!;
      if (/\d/.test(n)) emit(n === '0' ? match : (groups[Number(n) - 1] ?? ''));
      else if (n === 'n') emit('\n');
      else if (n === 't') emit('\t');
      else if (n === 'U' || n === 'L') mode = n;
      else if (n === 'E') mode = '';
      else if (n === 'u' || n === 'l') once = n;
      else emit(n);
    } else emit(ch);
  }
  return out;
}
