import type { ProgramRun } from '../types.js';
import { readChecked, writeChecked } from './access.js';
import { isArgError, parseArgs, showUsage, usageError } from './args.js';
import type { AwkProgram } from './awk/ast.js';
import { type AwkInput, AwkRuntimeError, Interp } from './awk/interp.js';
import { AwkSyntaxError } from './awk/lexer.js';
import { parseAwk } from './awk/parser.js';
import { fromInput } from './awk/values.js';
import { strerror, type Tool } from './common.js';
import { unescapeText } from './printf-format.js';

/**
 * `awk [-F FS] [-v VAR=VALUE]... [-f FILE | 'PROGRAM'] [FILE | VAR=VALUE]...`, a small awk:
 * BEGIN/END, patterns (expressions, /re/, ranges), fields and NF/NR/FNR/FS/OFS/ORS/RS,
 * arrays, `in`, `delete`, user functions, if/while/do/for/for-in, next/exit, print/printf
 * with `>` and `>>` redirection, `| cmd` (run after the program ends), getline from the input
 * or a file, and the POSIX string and math builtins. Not covered: `cmd | getline` and
 * system() (they need to wait for another process), uninitialized-variable pitfalls of mawk.
 * The GNU flavour answers as Debian's awk does, which is mawk.
 */
export async function awk(t: Tool): Promise<ProgramRun> {
  if (t.gnu && (t.args[0] === '-W' || t.args[0] === '--version'))
    return t.out('mawk 1.3.4 20200120\n').done(0);
  const p = parseArgs(t.args, { flags: '', values: 'Fvf', posix: true, long: { version: 'version' } });
  if (isArgError(p)) return usageError(t, p, 2);
  const operands = [...p.operands];
  let source: string;
  if (p.has('f')) {
    const parts: string[] = [];
    for (const f of p.all('f')) {
      const data = readChecked(t, t.abs(f));
      if (typeof data === 'string')
        return t
          .fail(
            t.gnu ? `couldn't open file ${f}: ${strerror(data)}` : `can't open '${f}': ${strerror(data)}`,
            2,
          )
          .done(2);
      parts.push(data.toString('utf8'));
    }
    source = parts.join('\n');
  } else {
    if (operands.length === 0) {
      if (!t.gnu) return showUsage(t);
      t.err(`usage: ${t.name} [-F value] [-v var=value] [--] 'program text' [file ...]\n`);
      t.err(`usage: ${t.name} [-F value] [-v var=value] [-f program-file] [--] [file ...]\n`);
      return t.done(2);
    }
    source = operands.shift()!;
  }
  let prog: AwkProgram;
  try {
    prog = parseAwk(source);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    if (t.gnu) return t.fail(`line ${e.line}: ${e.message} at or near ${e.near}`, 2).done(2);
    return t
      .fail(
        `cmd. line:${e.line}: ${e.near === 'end of file' ? 'Unexpected end of string' : 'Unexpected token'}`,
      )
      .done(1);
  }
  const inputs: AwkInput[] = [];
  for (const op of operands.length ? operands : ['-']) {
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(op)) inputs.push({ assign: unescapeText(op, false).text });
    else if (op === '-' || op === '/dev/stdin') inputs.push({ name: '-', text: t.ctx.stdin ?? '' });
    else {
      const data = readChecked(t, t.abs(op));
      if (typeof data !== 'string') inputs.push({ name: op, text: data.toString('utf8') });
      else
        inputs.push({
          name: op,
          error: t.gnu ? `cannot open ${op} (${strerror(data)})` : `can't open '${op}': ${strerror(data)}`,
        });
    }
  }
  const ip = new Interp(
    prog,
    {
      out: (s) => t.out(s),
      err: (s) => t.err(s),
      readFile: (name) => read(t, name),
      random: () => t.ctx.random(),
    },
    inputs,
  );
  if (p.has('F')) {
    const fs = p.value('F')!;
    ip.globals.set('FS', unescapeText(fs, false).text);
  }
  for (const v of p.all('v')) {
    const eq = v.indexOf('=');
    if (eq < 1)
      return t.fail(t.gnu ? `improper assignment: -v ${v}` : `invalid -v argument: ${v}`, 2).done(2);
    ip.globals.set(v.slice(0, eq), fromInput(unescapeText(v.slice(eq + 1), false).text));
  }
  const env = ip.getArray('ENVIRON');
  for (const [k, v] of Object.entries(t.ctx.env)) env.set(k, fromInput(v));
  let code: number;
  try {
    code = ip.run();
  } catch (e) {
    if (!(e instanceof AwkRuntimeError)) throw e;
    if (t.gnu) return t.fail(e.message, 2).done(2);
    return t.fail(e.message.startsWith("can't open") ? e.message : `cmd. line:1: ${e.message}`).done(1);
  }
  for (const [name, file] of ip.files) {
    const errno = writeChecked(t, t.abs(name), file.text, file.append);
    if (errno) return t.fail(`cannot open "${name}" for output`, 2).done(2);
  }
  for (const [cmd, text] of ip.pipes) {
    const run = await t.ctx.exec(['/bin/sh', '-c', cmd], { stdin: text });
    for (const ev of run.events) {
      if (ev.kind === 'stdout') t.out(ev.text);
      else if (ev.kind === 'stderr') t.err(ev.text);
    }
  }
  return t.done(code);
}

function read(t: Tool, name: string): string | undefined {
  if (name === '-' || name === '/dev/stdin') return t.ctx.stdin ?? '';
  const data = readChecked(t, t.abs(name));
  return typeof data === 'string' ? undefined : data.toString('utf8');
}
