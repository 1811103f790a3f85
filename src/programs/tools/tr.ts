import type { ProgramRun } from '../types.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import type { Tool } from './common.js';

const CLASSES: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  space: ' \t\n\v\f\r',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  xdigit: '0123456789ABCDEFabcdef',
  cntrl: [...Array(32).keys()].map((c) => String.fromCharCode(c)).join('') + '\x7f',
};
CLASSES.alpha = CLASSES.upper! + CLASSES.lower!;
CLASSES.alnum = CLASSES.digit! + CLASSES.alpha;
CLASSES.graph = CLASSES.alnum + CLASSES.punct!;
CLASSES.print = `${CLASSES.graph} `;

const ESC: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
};

export class TrSetError extends Error {}

/** One character of a set, with backslash escapes; returns it and the next index. */
function charAt(s: string, i: number): [string, number] {
  if (s[i] !== '\\' || i + 1 >= s.length) return [s[i]!, i + 1];
  const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
  if (oct) return [String.fromCharCode(Number.parseInt(oct[0], 8)), i + 1 + oct[0].length];
  const n = s[i + 1]!;
  return [ESC[n] ?? n, i + 2];
}

/**
 * Expands a tr SET: escapes, ranges `a-z`, classes `[:upper:]`, equivalence `[=c=]`, and
 * (in SET2) repeats `[c*n]` / `[c*]` that fill up to SET1's length.
 */
export function expandSet(s: string, fillTo = 0): string[] {
  const out: string[] = [];
  let fill: { ch: string; at: number } | undefined;
  for (let i = 0; i < s.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (cls) {
      const chars = CLASSES[cls[1]!];
      if (chars === undefined) throw new TrSetError(`invalid character class '${cls[1]}'`);
      out.push(...chars);
      i += cls[0].length;
      continue;
    }
    const eq = /^\[=(.)=\]/.exec(s.slice(i));
    if (eq) {
      out.push(eq[1]!);
      i += eq[0].length;
      continue;
    }
    const rep = /^\[(\\?.)\*(\d*)\]/.exec(s.slice(i));
    if (rep) {
      const [ch] = charAt(rep[1]!, 0);
      if (rep[2]) out.push(...ch.repeat(Number.parseInt(rep[2], rep[2].startsWith('0') ? 8 : 10)));
      else fill = { ch, at: out.length };
      i += rep[0].length;
      continue;
    }
    const [ch, next] = charAt(s, i);
    if (s[next] === '-' && next + 1 < s.length) {
      const [end, after] = charAt(s, next + 1);
      if (end.charCodeAt(0) < ch.charCodeAt(0)) {
        throw new TrSetError(`range-endpoints of '${ch}-${end}' are in reverse collating sequence order`);
      }
      for (let c = ch.charCodeAt(0); c <= end.charCodeAt(0); c++) out.push(String.fromCharCode(c));
      i = after;
      continue;
    }
    out.push(ch);
    i = next;
  }
  if (fill) out.splice(fill.at, 0, ...fill.ch.repeat(Math.max(0, fillTo - out.length)));
  return out;
}

/** `tr [-cdst] SET1 [SET2]`: translate, delete or squeeze characters of stdin. */
export function tr(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'cCdst',
    long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' },
  });
  if (!isParsed(p)) return p;
  const [s1, s2, extra] = p.operands;
  const del = p.has('d');
  const squeeze = p.has('s');
  const translating = !del && s2 !== undefined;
  const usage = (message: string, hint = ''): ProgramRun => {
    if (!t.gnu) return showUsage(t);
    return tryHelp(t, hint ? `${message}\n${hint}` : message);
  };
  if (s1 === undefined) return usage('missing operand');
  if (!del && !squeeze && s2 === undefined)
    return usage(`missing operand after '${s1}'`, 'Two strings must be given when translating.');
  if (extra !== undefined || (del && !squeeze && s2 !== undefined)) {
    return usage(
      `extra operand '${extra ?? s2}'`,
      del ? 'Only one string may be given when deleting without squeezing repeated characters.' : '',
    );
  }
  let set1: string[];
  let set2: string[];
  try {
    set1 = expandSet(s1);
    set2 = s2 === undefined ? [] : expandSet(s2, set1.length);
  } catch (e) {
    if (e instanceof TrSetError) return t.fail(e.message).done(1);
    throw e;
  }
  const complement = p.has('c') || p.has('C');
  const inSet1 = (ch: string): boolean => set1.includes(ch) !== complement;
  if (translating && set2.length === 0)
    return t.fail('when not truncating set1, string2 must be non-empty').done(1);
  if (p.has('t')) set1 = set1.slice(0, set2.length);
  const map = new Map<string, string>();
  if (translating && !complement) {
    set1.forEach((ch, i) => {
      map.set(ch, set2[Math.min(i, set2.length - 1)]!);
    });
  }
  const squeezeSet = new Set(translating || (del && squeeze) ? set2 : set1);
  let out = '';
  let last = '';
  for (const ch of t.ctx.stdin ?? '') {
    if (del && inSet1(ch)) continue;
    let c = ch;
    if (translating) c = complement ? (inSet1(ch) ? set2[set2.length - 1]! : ch) : (map.get(ch) ?? ch);
    if (squeeze && c === last && squeezeSet.has(c) !== (complement && !translating && !del)) continue;
    out += c;
    last = c;
  }
  return t.out(out).done(0);
}
