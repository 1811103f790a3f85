import { splitLines, type Tool } from './common.js';

export interface GrepOptions {
  /** One global RegExp for all patterns. */
  re: RegExp;
  invert: boolean;
  lineNumbers: boolean;
  count: boolean;
  listMatching: boolean;
  listMissing: boolean;
  only: boolean;
  quiet: boolean;
  max: number;
  after: number;
  before: number;
  withName: boolean;
  /** GNU grep reports a matching binary file (one with a NUL byte) instead of printing lines. */
  binaryNotice: boolean;
}

function matches(re: RegExp, line: string): boolean {
  re.lastIndex = 0;
  return re.test(line);
}

/** Greps one input; prints as the options say; returns whether any line was selected. */
export function grepText(t: Tool, text: string, shown: string, o: GrepOptions): boolean {
  const lines = splitLines(text);
  const selected: number[] = [];
  for (let i = 0; i < lines.length && selected.length < o.max; i++) {
    if (matches(o.re, lines[i]!) !== o.invert) selected.push(i);
  }
  const any = selected.length > 0;
  if (o.quiet) return any;
  const name = o.withName ? `${shown}:` : '';
  if (o.count) {
    t.out(`${name}${selected.length}\n`);
    return any;
  }
  if (o.listMatching || o.listMissing) {
    if (any === o.listMatching) t.out(`${shown}\n`);
    return any;
  }
  if (any && o.binaryNotice && text.includes('\0')) {
    t.err(`${t.name}: ${shown}: binary file matches\n`);
    return any;
  }
  const prefix = (i: number, sep: string): string =>
    (o.withName ? `${shown}${sep}` : '') + (o.lineNumbers ? `${i + 1}${sep}` : '');
  if (o.only) {
    if (o.invert) return any;
    let out = '';
    for (const i of selected) {
      o.re.lastIndex = 0;
      for (const m of lines[i]!.matchAll(o.re)) if (m[0] !== '') out += `${prefix(i, ':')}${m[0]}\n`;
    }
    t.out(out);
    return any;
  }
  if (o.after === 0 && o.before === 0) {
    t.out(selected.map((i) => `${prefix(i, ':')}${lines[i]}\n`).join(''));
    return any;
  }
  t.out(withContext(lines, selected, o, prefix));
  return any;
}

/** -A/-B/-C: neighbours of selected lines with `-` separators, groups split by `--`. */
function withContext(
  lines: string[],
  selected: number[],
  o: GrepOptions,
  prefix: (i: number, sep: string) => string,
): string {
  const chosen = new Set(selected);
  const shown = new Set<number>();
  for (const i of selected) {
    for (let j = Math.max(0, i - o.before); j <= Math.min(lines.length - 1, i + o.after); j++) shown.add(j);
  }
  let out = '';
  let last = -1;
  for (const i of [...shown].sort((a, b) => a - b)) {
    if (last >= 0 && i > last + 1) out += '--\n';
    out += `${prefix(i, chosen.has(i) ? ':' : '-')}${lines[i]}\n`;
    last = i;
  }
  return out;
}
