import type { ProgramRun } from '../types.js';
import { readChecked } from './access.js';
import { isParsed, parseOrFail } from './args.js';
import { strerror, type Tool } from './common.js';

/** `-5` and `+5` (tail) are old spellings of `-n 5` and `-n +5`. */
function modernize(args: string[], plus: boolean): string[] {
  return args.map((a, i) => {
    if (i > 0 && /^-[nc]$/.test(args[i - 1]!)) return a;
    if (/^-\d+$/.test(a)) return `-n${a.slice(1)}`;
    if (plus && /^\+\d+$/.test(a)) return `-n${a}`;
    return a;
  });
}

function count(t: Tool, text: string | undefined, what: 'lines' | 'bytes'): number | undefined {
  if (text === undefined) return undefined;
  const m = /^([-+]?)(\d+)([bkmKMGT]?)$/.exec(text);
  if (!m) {
    t.fail(t.gnu ? `invalid number of ${what}: '${text}'` : `invalid number '${text}'`);
    return Number.NaN;
  }
  const unit = { '': 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576, G: 1073741824, T: 1099511627776 }[
    m[3]!
  ]!;
  return Number(m[2]) * unit;
}

interface Input {
  name: string;
  data: Buffer;
}

function inputs(t: Tool, operands: string[], verb: string): Input[] {
  const out: Input[] = [];
  for (const name of operands.length ? operands : ['-']) {
    if (name === '-') {
      out.push({ name: 'standard input', data: Buffer.from(t.ctx.stdin ?? '', 'utf8') });
      continue;
    }
    const data = readChecked(t, t.abs(name));
    if (typeof data !== 'string') out.push({ name, data });
    else if (t.gnu)
      t.fail(
        data === 'EISDIR'
          ? `error reading '${name}': ${strerror(data)}`
          : `cannot open '${name}' for ${verb}: ${strerror(data)}`,
      );
    else
      t.fail(
        verb === 'reading' && t.applet === 'tail'
          ? `can't open '${name}': ${strerror(data)}`
          : `${name}: ${strerror(data)}`,
      );
  }
  return out;
}

/** Index just past the n-th newline from the start (or the end). */
function lineOffset(data: Buffer, n: number): number {
  let pos = 0;
  for (let k = 0; k < n; k++) {
    const nl = data.indexOf(10, pos);
    if (nl < 0) return data.length;
    pos = nl + 1;
  }
  return pos;
}

function lastLinesOffset(data: Buffer, n: number): number {
  if (n === 0) return data.length;
  let end = data.length;
  if (end > 0 && data[end - 1] === 10) end--;
  for (let k = 0; k < n; k++) {
    const nl = data.lastIndexOf(10, end - 1);
    if (nl < 0) return 0;
    end = nl;
  }
  return end + 1;
}

function header(t: Tool, name: string, first: boolean): void {
  t.out(`${first ? '' : '\n'}==> ${name} <==\n`);
}

/** `head [-n [-]N] [-c [-]N] [-qv] [FILE]...` */
export function head(t: Tool): ProgramRun {
  const p = parseOrFail(
    t,
    { flags: 'qv', values: 'nc', long: { lines: 'n=', bytes: 'c=', quiet: 'q', silent: 'q', verbose: 'v' } },
    1,
    modernize(t.args, false),
  );
  if (!isParsed(p)) return p;
  const lines = count(t, p.value('n')?.replace(/^-/, ''), 'lines');
  const bytes = count(t, p.value('c')?.replace(/^-/, ''), 'bytes');
  if (Number.isNaN(lines) || Number.isNaN(bytes)) return t.done(1);
  const allBut = (p.value(bytes !== undefined ? 'c' : 'n') ?? '').startsWith('-');
  const list = inputs(t, p.operands, 'reading');
  const headers = p.has('v') || (!p.has('q') && p.operands.length > 1);
  list.forEach((input, i) => {
    if (headers) header(t, input.name, i === 0);
    const { data } = input;
    let end: number;
    if (bytes !== undefined) end = allBut ? Math.max(0, data.length - bytes) : Math.min(bytes, data.length);
    else if (allBut) end = lastLinesOffset(data, lines ?? 10);
    else end = lineOffset(data, lines ?? 10);
    t.out(data.subarray(0, end).toString('utf8'));
  });
  return t.done();
}

/**
 * `tail [-n [+]N] [-c [+]N] [-f] [FILE]...`. With -f it prints the end and keeps running with
 * no exit: the file only grows when something writes to it, and that is another process.
 */
export function tail(t: Tool): ProgramRun {
  const p = parseOrFail(
    t,
    {
      flags: 'fFqvr',
      values: 'ncs',
      long: {
        lines: 'n=',
        bytes: 'c=',
        follow: 'f?',
        quiet: 'q',
        silent: 'q',
        verbose: 'v',
        retry: 'retry',
        'sleep-interval': 's=',
        pid: 'pid=',
      },
    },
    1,
    modernize(t.args, true),
  );
  if (!isParsed(p)) return p;
  const lineSpec = p.value('n');
  const byteSpec = p.value('c');
  const spec = byteSpec ?? lineSpec ?? '10';
  const n = count(t, spec.replace(/^[-+]/, ''), byteSpec !== undefined ? 'bytes' : 'lines');
  if (n === undefined || Number.isNaN(n)) return t.done(1);
  const fromStart = spec.startsWith('+');
  const follow = p.has('f') || p.has('F');
  const list = inputs(t, p.operands, 'reading');
  const headers = p.has('v') || (!p.has('q') && p.operands.length > 1);
  list.forEach((input, i) => {
    if (headers) header(t, input.name, i === 0);
    const { data } = input;
    let start: number;
    if (byteSpec !== undefined)
      start = fromStart ? Math.min(data.length, Math.max(0, n - 1)) : Math.max(0, data.length - n);
    else start = fromStart ? lineOffset(data, Math.max(0, n - 1)) : lastLinesOffset(data, n);
    t.out(data.subarray(start).toString('utf8'));
  });
  const followed = list.filter((input) => input.name !== 'standard input');
  if (follow && followed.length > 0) return t.running();
  if (follow && p.operands.length > 0 && t.gnu) t.fail('no files remaining');
  return t.done();
}
