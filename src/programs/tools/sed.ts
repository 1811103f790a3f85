import type { ProgramRun } from '../types.js';
import { readChecked, writeChecked } from './access.js';
import { gnuInfo, isArgError, parseArgs, showUsage, usageError } from './args.js';
import { splitLines, strerror, type Tool } from './common.js';
import { runSed, type SedHooks, type SedInput } from './sed-exec.js';
import { parseSed, type SedCommand, SedParseError } from './sed-parse.js';

const SPEC = {
  flags: 'nErsuz',
  values: 'efl',
  long: {
    quiet: 'n',
    silent: 'n',
    expression: 'e=',
    file: 'f=',
    'regexp-extended': 'E',
    separate: 's',
    posix: 'posix',
    debug: 'debug',
    'null-data': 'z',
    unbuffered: 'u',
    'line-length': 'l=',
    sandbox: 'sandbox',
    'follow-symlinks': 'follow-symlinks',
  },
};

/**
 * `-i[SUFFIX]` takes its suffix only when attached, which getopt cannot say: take it out
 * first. As in GNU sed, `-ni` is -n and -i, while `-in` is -i with the suffix `n`.
 */
function extractInPlace(args: string[]): { args: string[]; inPlace: boolean; suffix: string } {
  const out: string[] = [];
  let inPlace = false;
  let suffix = '';
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') {
      out.push(...args.slice(k));
      break;
    }
    if (a === '--in-place' || a.startsWith('--in-place=')) {
      inPlace = true;
      suffix = a.slice('--in-place='.length);
      continue;
    }
    const m = /^-([^-ief]*)i(.*)$/.exec(a);
    if (m) {
      inPlace = true;
      suffix = m[2]!;
      if (m[1]) out.push(`-${m[1]}`);
      continue;
    }
    out.push(a);
    if (/^-[^-]*[ef]$/.test(a)) out.push(args[++k] ?? '');
  }
  return { args: out, inPlace, suffix };
}

function gnuUsage(t: Tool): ProgramRun {
  t.err(`Usage: ${t.name} [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n`);
  t.err('  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n');
  return t.done(1);
}

/** Where in which -e expression an offset of the joined script falls (GNU's error position). */
function position(parts: string[], offset: number): [number, number] {
  if (offset < 0) return [parts.length, 0];
  let start = 0;
  for (let k = 0; k < parts.length; k++) {
    const end = start + parts[k]!.length;
    if (offset <= end || k === parts.length - 1) return [k + 1, Math.max(1, offset - start)];
    start = end + 1;
  }
  return [1, offset];
}

/** `sed [-nEs] [-i[SUFFIX]] [-e SCRIPT]... [-f FILE]... [SCRIPT] [FILE]...` */
export function sed(t: Tool): ProgramRun {
  const info = gnuInfo(t);
  if (info) return info;
  const pre = extractInPlace(t.args);
  const p = parseArgs(pre.args, SPEC);
  if (isArgError(p)) return usageError(t, p, 1);
  const operands = [...p.operands];
  const parts = [...p.all('e')];
  for (const f of p.all('f')) {
    const data = readChecked(t, t.abs(f));
    if (typeof data === 'string') return t.fail(`couldn't open file ${f}: ${strerror(data)}`).done(1);
    parts.push(data.toString('utf8').replace(/\n$/, ''));
  }
  if (parts.length === 0) {
    if (operands.length === 0) return t.gnu ? gnuUsage(t) : showUsage(t);
    parts.push(operands.shift()!);
  }
  const script = parts.join('\n');
  let cmds: SedCommand[];
  try {
    cmds = parseSed(script, { extended: p.has('E') || p.has('r') });
  } catch (e) {
    if (!(e instanceof SedParseError)) throw e;
    const [expr, char] = position(parts, e.offset);
    return t.fail(t.gnu ? `-e expression #${expr}, char ${char}: ${e.message}` : e.message).done(1);
  }
  const quiet = p.has('n') || /^#n(\n|$)/.test(script);
  const hooks: SedHooks = {
    read: (file) => {
      const data = readChecked(t, t.abs(file));
      return typeof data === 'string' ? undefined : data.toString('utf8');
    },
    written: new Map(),
  };
  for (const c of cmds) if (c.file && (c.name === 'w' || c.name === 's')) hooks.written.set(c.file, '');
  const files = operands.length ? operands : ['-'];
  const inputs: SedInput[] = [];
  for (const file of files) {
    let content = t.ctx.stdin ?? '';
    if (file !== '-') {
      const data = readChecked(t, t.abs(file));
      if (typeof data === 'string') {
        t.fail(t.gnu ? `can't read ${file}: ${strerror(data)}` : `${file}: ${strerror(data)}`, t.gnu ? 2 : 1);
        continue;
      }
      content = data.toString('utf8');
    }
    inputs.push({
      lines: splitLines(content),
      finalNewline: content === '' || content.endsWith('\n'),
      name: file,
    });
  }
  let code = t.status;
  try {
    if (pre.inPlace || p.has('s')) {
      for (const input of inputs) {
        const r = runSed(cmds, input, quiet, hooks);
        if (pre.inPlace && input.name !== '-') saveInPlace(t, input.name, r.out, pre.suffix);
        else t.out(r.out);
        if (r.quit) {
          code = Math.max(code, r.code);
          break;
        }
      }
    } else {
      const joined: SedInput = {
        lines: inputs.flatMap((i) => i.lines),
        finalNewline: inputs.length === 0 || inputs[inputs.length - 1]!.finalNewline,
        name: inputs.length === 1 ? inputs[0]!.name : '-',
      };
      const r = runSed(cmds, joined, quiet, hooks);
      t.out(r.out);
      if (r.quit) code = Math.max(code, r.code);
    }
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith('no previous')) throw e;
    return t.fail(e.message).done(1);
  }
  for (const [file, text] of hooks.written) {
    if (file === '/dev/stdout') t.out(text);
    else if (file === '/dev/stderr') t.err(text);
    else {
      const errno = writeChecked(t, t.abs(file), text);
      if (errno) return t.fail(`couldn't open file ${file}: ${strerror(errno)}`, 4).done(4);
    }
  }
  return t.done(code);
}

function saveInPlace(t: Tool, file: string, text: string, suffix: string): void {
  const abs = t.abs(file);
  if (suffix) {
    const backup = suffix.includes('*')
      ? suffix.replaceAll('*', file.slice(file.lastIndexOf('/') + 1))
      : `${file}${suffix}`;
    const original = readChecked(t, abs);
    if (typeof original !== 'string') writeChecked(t, t.abs(backup), original);
  }
  const errno = writeChecked(t, abs, text);
  if (errno)
    t.fail(
      t.gnu ? `couldn't open temporary file ${file}: ${strerror(errno)}` : `${file}: ${strerror(errno)}`,
      4,
    );
}
