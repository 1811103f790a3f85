import type { ProgramRun } from '../types.js';
import { writeChecked } from './access.js';
import {
  gnuInfo,
  isArgError,
  isParsed,
  parseArgs,
  parseOrFail,
  showUsage,
  tryHelp,
  usageError,
} from './args.js';
import { readInput } from './cat.js';
import { splitLines, strerror, type Tool } from './common.js';
import { formatOne, parseConversion } from './printf-format.js';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function decimals(text: string): number {
  if (/e/i.test(text)) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** `seq [-w] [-s SEP] [-f FORMAT] [FIRST [INCREMENT]] LAST` */
export function seq(t: Tool): ProgramRun {
  const info = gnuInfo(t);
  if (info) return info;
  // Negative numbers are operands, not options: only take known options before them.
  const args = t.args.map((a) => (/^-\d/.test(a) || /^-\.\d/.test(a) ? `\0${a}` : a));
  const p = parseArgs(args, {
    flags: 'w',
    values: 'sf',
    long: { separator: 's=', format: 'f=', 'equal-width': 'w' },
  });
  if (isArgError(p)) return usageError(t, p);
  const ops = p.operands.map((a) => a.replace(/^\0/, ''));
  if (ops.length === 0 || ops.length > 3) {
    if (!t.gnu) return showUsage(t);
    return tryHelp(t, ops.length ? `extra operand '${ops[3]}'` : 'missing operand');
  }
  for (const op of ops) {
    if (!NUMBER.test(op))
      return t.gnu
        ? tryHelp(t, `invalid floating point argument: '${op}'`)
        : t.fail(`invalid number '${op}'`).done(1);
  }
  const [first, step, last] =
    ops.length === 1
      ? ['1', '1', ops[0]!]
      : ops.length === 2
        ? [ops[0]!, '1', ops[1]!]
        : (ops as [string, string, string]);
  const a = Number(first);
  const inc = Number(step);
  const z = Number(last);
  if (inc === 0)
    return t.gnu
      ? tryHelp(t, `invalid Zero increment value: '${step}'`)
      : t.fail(`invalid number '${step}'`).done(1);
  const places = Math.max(decimals(first), decimals(step));
  const format = p.value('f');
  const conv = format ? parseConversion(format, format.indexOf('%') + 1) : undefined;
  const fmt = (v: number): string => {
    if (format && conv)
      return format.slice(0, format.indexOf('%')) + formatOne(conv.c, '', v) + format.slice(conv.end);
    return v.toFixed(places);
  };
  const values: string[] = [];
  for (let i = 0; ; i++) {
    const v = a + i * inc;
    if ((inc > 0 && v > z + 1e-12) || (inc < 0 && v < z - 1e-12) || i > 1e6) break;
    values.push(fmt(v));
  }
  if (p.has('w')) {
    const width = Math.max(...values.map((v) => v.length), fmt(z).length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      values[i] = v.startsWith('-') ? `-${v.slice(1).padStart(width - 1, '0')}` : v.padStart(width, '0');
    }
  }
  if (values.length === 0) return t.done(0);
  return t.out(`${values.join(p.value('s') ?? '\n')}\n`).done(0);
}

/** `shuf [-n COUNT] [-o FILE] [-r] [FILE | -e ARG... | -i LO-HI]`, shuffled by the process's seeded randomness. */
export function shuf(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'erz',
    values: 'nio',
    long: {
      echo: 'e',
      'head-count': 'n=',
      'input-range': 'i=',
      output: 'o=',
      repeat: 'r',
      'zero-terminated': 'z',
    },
  });
  if (!isParsed(p)) return p;
  let lines: string[];
  const range = p.value('i');
  if (range !== undefined) {
    const m = /^(\d+)-(\d+)$/.exec(range);
    if (!m || Number(m[2]) + 1 < Number(m[1])) return t.fail(`invalid input range: '${range}'`).done(1);
    lines = [];
    for (let v = Number(m[1]); v <= Number(m[2]); v++) lines.push(String(v));
  } else if (p.has('e')) lines = [...p.operands];
  else {
    if (p.operands.length > 1) return t.gnu ? tryHelp(t, `extra operand '${p.operands[1]}'`) : showUsage(t);
    const text = readInput(t, p.operands[0] ?? '-', false);
    if (text === undefined) return t.done(1);
    lines = splitLines(text);
  }
  const count = p.has('n') ? Number(p.value('n')) : p.has('r') ? Number.POSITIVE_INFINITY : lines.length;
  if (Number.isNaN(count)) return t.fail(`invalid line count: '${p.value('n')}'`).done(1);
  const picked: string[] = [];
  if (p.has('r')) {
    const n = Math.min(count, 10000);
    for (let i = 0; i < n && lines.length; i++)
      picked.push(lines[Math.floor(t.ctx.random() * lines.length)]!);
  } else {
    const pool = [...lines];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(t.ctx.random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    picked.push(...pool.slice(0, count));
  }
  const end = p.has('z') ? '\0' : '\n';
  const out = picked.map((l) => l + end).join('');
  const file = p.value('o');
  if (file !== undefined) {
    const errno = writeChecked(t, t.abs(file), out);
    return errno ? t.fail(`${file}: ${strerror(errno)}`).done(1) : t.done(0);
  }
  return t.out(out).done(0);
}
