import type { ProgramRun } from '../types.js';
import { readChecked, writeChecked } from './access.js';
import { isParsed, parseOrFail, tryHelp } from './args.js';
import { joinLines, splitLines, strerror, type Tool } from './common.js';

interface Key {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  opts: string;
}

/** Parses a `-k F[.C][OPTS][,F[.C][OPTS]]` key definition. */
function parseKey(spec: string): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMRrV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMRrV]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  return {
    startField: Number(m[1]),
    startChar: Number(m[2] ?? 1),
    endField: m[4] ? Number(m[4]) : Number.POSITIVE_INFINITY,
    endChar: Number(m[5] ?? 0),
    opts: (m[3] ?? '') + (m[6] ?? ''),
  };
}

/** Field boundaries: by the -t character, or runs of blanks that begin each field. */
function fields(line: string, sep: string | undefined): [number, number][] {
  const out: [number, number][] = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const i = line.indexOf(sep, start);
      if (i < 0) {
        out.push([start, line.length]);
        return out;
      }
      out.push([start, i]);
      start = i + 1;
    }
  }
  const re = /[ \t]*[^ \t]+/g;
  for (const m of line.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  if (out.length === 0) out.push([0, line.length]);
  return out;
}

function keyText(line: string, k: Key, sep: string | undefined, skipBlanks: boolean): string {
  const fs = fields(line, sep);
  const sf = fs[k.startField - 1];
  if (!sf) return '';
  let start = sf[0];
  if (skipBlanks) while (start < sf[1] && (line[start] === ' ' || line[start] === '\t')) start++;
  start = Math.min(start + k.startChar - 1, sf[1]);
  let end = line.length;
  if (Number.isFinite(k.endField)) {
    const ef = fs[k.endField - 1];
    if (ef) end = k.endChar === 0 ? ef[1] : Math.min(ef[0] + k.endChar, ef[1]);
  }
  return line.slice(start, Math.max(start, end));
}

function numeric(s: string): number {
  const m = /^\s*(-?\d*\.?\d*)/.exec(s);
  const n = Number(m?.[1] ?? '');
  return Number.isNaN(n) ? 0 : n;
}

const HUMAN: Record<string, number> = { '': 0, K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

function human(s: string): number {
  const m = /^\s*(-?\d*\.?\d*)([KkMGTPE]?)/.exec(s);
  if (!m || m[1] === '' || m[1] === '-') return 0;
  return Number(m[1]) * 1024 ** HUMAN[m[2]!]!;
}

function compareBy(a: string, b: string, opts: string): number {
  let x = a;
  let y = b;
  if (opts.includes('b')) {
    x = x.trimStart();
    y = y.trimStart();
  }
  if (opts.includes('f')) {
    x = x.toUpperCase();
    y = y.toUpperCase();
  }
  let c: number;
  if (opts.includes('n')) c = numeric(x) - numeric(y);
  else if (opts.includes('g')) c = (Number.parseFloat(x) || 0) - (Number.parseFloat(y) || 0);
  else if (opts.includes('h')) c = human(x) - human(y);
  else if (opts.includes('V')) c = x.localeCompare(y, 'en', { numeric: true });
  else c = x < y ? -1 : x > y ? 1 : 0;
  return opts.includes('r') ? -c : c;
}

/** `sort [-nrufbghVs] [-k KEY]... [-t SEP] [-o FILE] [FILE]...` in the C locale's byte order. */
export function sort(t: Tool): ProgramRun {
  const p = parseOrFail(
    t,
    {
      flags: 'nrufbghVscCzdiMR',
      values: 'ktoST',
      long: {
        'numeric-sort': 'n',
        reverse: 'r',
        unique: 'u',
        'ignore-case': 'f',
        'ignore-leading-blanks': 'b',
        'general-numeric-sort': 'g',
        'human-numeric-sort': 'h',
        'version-sort': 'V',
        stable: 's',
        check: 'c',
        key: 'k=',
        'field-separator': 't=',
        output: 'o=',
      },
    },
    2,
  );
  if (!isParsed(p)) return p;
  const sep = p.value('t');
  if (sep !== undefined && [...sep].length !== 1) {
    return t.gnu ? t.fail(`multi-character tab '${sep}'`, 2).done(2) : t.fail(`bad -t parameter`).done(1);
  }
  const keys: Key[] = [];
  for (const spec of p.all('k')) {
    const k = parseKey(spec);
    if (!k)
      return t.gnu
        ? tryHelp(t, `invalid number at field start: invalid count at start of '${spec}'`, 2)
        : t.fail(`bad field specification '${spec}'`).done(1);
    keys.push(k);
  }
  const global = ['n', 'r', 'f', 'b', 'g', 'h', 'V'].filter((o) => p.has(o)).join('');
  const lines: string[] = [];
  for (const name of p.operands.length ? p.operands : ['-']) {
    if (name === '-') {
      lines.push(...splitLines(t.ctx.stdin ?? ''));
      continue;
    }
    const data = readChecked(t, t.abs(name));
    if (typeof data === 'string') {
      if (t.gnu)
        t.fail(
          data === 'EISDIR'
            ? `read failed: ${name}: ${strerror(data)}`
            : `cannot read: ${name}: ${strerror(data)}`,
          2,
        );
      else t.fail(`can't open '${name}': ${strerror(data)}`);
      continue;
    }
    lines.push(...splitLines(data.toString('utf8')));
  }
  if (t.status) return t.done();
  const cmpKeys = (a: string, b: string): number => {
    if (keys.length === 0) return compareBy(a, b, global);
    for (const k of keys) {
      const opts = /[dfghinMRrV]/.test(k.opts) ? k.opts : k.opts + global;
      const c = compareBy(
        keyText(a, k, sep, opts.includes('b')),
        keyText(b, k, sep, opts.includes('b')),
        opts,
      );
      if (c !== 0) return c;
    }
    return 0;
  };
  const last = (a: string, b: string): number =>
    p.has('s') || p.has('u') ? 0 : (a < b ? -1 : a > b ? 1 : 0) * (p.has('r') ? -1 : 1);
  const cmp = (a: string, b: string): number => cmpKeys(a, b) || last(a, b);
  if (p.has('c') || p.has('C')) {
    for (let i = 1; i < lines.length; i++) {
      if (cmp(lines[i - 1]!, lines[i]!) > 0 || (p.has('u') && cmpKeys(lines[i - 1]!, lines[i]!) === 0)) {
        if (!p.has('C')) t.fail(`${p.operands[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}`);
        return t.done(1);
      }
    }
    return t.done(0);
  }
  let sorted = lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => cmp(a.line, b.line) || a.i - b.i)
    .map((e) => e.line);
  if (p.has('u')) sorted = sorted.filter((line, i) => i === 0 || cmpKeys(sorted[i - 1]!, line) !== 0);
  const out = joinLines(sorted);
  const file = p.value('o');
  if (file !== undefined) {
    const errno = writeChecked(t, t.abs(file), out);
    if (errno)
      return t
        .fail(
          t.gnu ? `open failed: ${file}: ${strerror(errno)}` : `can't open '${file}': ${strerror(errno)}`,
          2,
        )
        .done(2);
    return t.done();
  }
  return t.out(out).done();
}
