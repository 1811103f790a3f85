import type { ProgramRun } from '../types.js';
import { writeChecked } from './access.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { readInput } from './cat.js';
import { joinLines, splitLines, strerror, type Tool } from './common.js';

/** `uniq [-cdu] [-i] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]`: adjacent duplicates only. */
export function uniq(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'cduiDz',
    values: 'fsw',
    long: {
      count: 'c',
      repeated: 'd',
      unique: 'u',
      'ignore-case': 'i',
      'skip-fields': 'f=',
      'skip-chars': 's=',
      'check-chars': 'w=',
    },
  });
  if (!isParsed(p)) return p;
  const [input = '-', output, extra] = p.operands;
  if (extra !== undefined) return t.gnu ? tryHelp(t, `extra operand '${extra}'`) : showUsage(t);
  const text = readInput(t, input);
  if (text === undefined) return t.done(1);
  const skipFields = Number(p.value('f') ?? 0);
  const skipChars = Number(p.value('s') ?? 0);
  const width = p.has('w') ? Number(p.value('w')) : undefined;
  const key = (line: string): string => {
    let s = line;
    for (let i = 0; i < skipFields; i++) s = s.replace(/^[ \t]*[^ \t]*/, '');
    s = s.slice(skipChars);
    if (width !== undefined) s = s.slice(0, width);
    return p.has('i') ? s.toLowerCase() : s;
  };
  const groups: { line: string; count: number }[] = [];
  for (const line of splitLines(text)) {
    const last = groups[groups.length - 1];
    if (last && key(last.line) === key(line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  const kept = groups.filter((g) => !(p.has('d') && g.count < 2) && !(p.has('u') && g.count > 1));
  const out = joinLines(kept.map((g) => (p.has('c') ? `${String(g.count).padStart(7)} ${g.line}` : g.line)));
  if (output !== undefined) {
    const errno = writeChecked(t, t.abs(output), out);
    if (errno) return t.fail(`${output}: ${strerror(errno)}`).done(1);
    return t.done(0);
  }
  return t.out(out).done(0);
}

/** A cut LIST (`1,3-5,7-`) as 1-based inclusive ranges; a string on error. */
function parseList(list: string, gnu: boolean): [number, number][] | string {
  const out: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) {
      if (!gnu) return `invalid list '${list}'`;
      return part === '-' ? 'invalid range with no endpoint: -' : `invalid field value '${part}'`;
    }
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] ? (m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3])) : from;
    if (from === 0 || to === 0) return gnu ? 'fields and positions are numbered from 1' : 'invalid list';
    if (to < from) return gnu ? 'invalid decreasing range' : `${to}<${from}`;
    out.push([from, to]);
  }
  return out;
}

/** `cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [--complement] [FILE]...` */
export function cut(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'snz',
    values: 'bcfdO',
    long: {
      bytes: 'b=',
      characters: 'c=',
      fields: 'f=',
      delimiter: 'd=',
      'only-delimited': 's',
      complement: 'complement',
      'output-delimiter': 'O=',
    },
  });
  if (!isParsed(p)) return p;
  const kinds = ['b', 'c', 'f'].filter((k) => p.has(k));
  const usage = (message: string): ProgramRun => (t.gnu ? tryHelp(t, message) : t.fail(message).done(1));
  if (kinds.length === 0)
    return usage(
      t.gnu
        ? 'you must specify a list of bytes, characters, or fields'
        : 'expected a list of bytes, characters, or fields',
    );
  if (kinds.length > 1) return usage('only one type of list may be specified');
  const kind = kinds[0]!;
  const delim = p.value('d') ?? '\t';
  if (p.has('d') && [...delim].length !== 1) return usage('the delimiter must be a single character');
  if (p.has('d') && kind !== 'f')
    return usage('an input delimiter may be specified only when operating on fields');
  const ranges = parseList(p.value(kind)!, t.gnu);
  if (typeof ranges === 'string') return usage(ranges);
  const picked = (i: number): boolean => ranges.some(([a, b]) => i >= a && i <= b) !== p.has('complement');
  const outDelim = p.value('O') ?? (kind === 'f' ? delim : '');
  let out = '';
  for (const name of p.operands.length ? p.operands : ['-']) {
    const text = readInput(t, name, false);
    if (text === undefined) continue;
    for (const line of splitLines(text)) {
      if (kind === 'f') {
        if (!line.includes(delim)) {
          if (!p.has('s')) out += `${line}\n`;
          continue;
        }
        out += `${line
          .split(delim)
          .filter((_, i) => picked(i + 1))
          .join(outDelim)}\n`;
      } else {
        const units =
          kind === 'b' ? [...Buffer.from(line, 'utf8')].map((b) => String.fromCharCode(b)) : [...line];
        const kept = units.filter((_, i) => picked(i + 1)).join('');
        out += `${kind === 'b' ? Buffer.from(kept, 'latin1').toString('utf8') : kept}\n`;
      }
    }
  }
  return t.out(out).done();
}
