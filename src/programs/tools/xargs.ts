import type { ProgramRun } from '../types.js';
import { gnuInfo, isArgError, parseArgs, showUsage, usageError } from './args.js';
import { runChild } from './child.js';
import type { Tool } from './common.js';

/** Splits xargs input into words: blanks separate, quotes and backslashes protect. */
function words(text: string): string[] | 'single' | 'double' {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) return ch === "'" ? 'single' : 'double';
      cur += text.slice(i + 1, end);
      has = true;
      i = end;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/[ \t\n]/.test(ch)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** `xargs [-0] [-d DELIM] [-n N] [-L N] [-I REPLACE] [-r] [-t] [COMMAND [ARG]...]` */
export async function xargs(t: Tool): Promise<ProgramRun> {
  const info = gnuInfo(t);
  if (info) return info;
  const p = parseArgs(t.args, {
    flags: '0rtpx',
    values: 'nLIdsPEa',
    posix: true,
    long: {
      null: '0',
      'no-run-if-empty': 'r',
      verbose: 't',
      'max-args': 'n=',
      'max-lines': 'L=',
      replace: 'I=',
      delimiter: 'd=',
      'max-procs': 'P=',
      'max-chars': 's=',
      'arg-file': 'a=',
    },
  });
  if (isArgError(p)) return usageError(t, p);
  const command = p.operands.length ? [...p.operands] : ['echo'];
  const input = t.ctx.stdin ?? '';
  const replace = p.value('I');
  let items: string[];
  if (p.has('0') || p.has('d')) {
    const delim = p.has('0') ? '\0' : p.value('d') === '\\n' ? '\n' : (p.value('d') ?? '\n');
    items = input.split(delim);
    if (items[items.length - 1] === '' || (delim !== '\n' && items[items.length - 1] === '\n')) items.pop();
  } else if (replace !== undefined)
    items = input
      .split('\n')
      .map((l) => l.replace(/^[ \t]+/, ''))
      .filter((l) => l !== '');
  else {
    const w = words(input);
    if (typeof w === 'string') {
      if (!t.gnu) return t.fail(`unmatched '${w === 'single' ? "'" : '"'}'`).done(1);
      return t
        .fail(`unmatched ${w} quote; by default quotes are special to xargs unless you use the -0 option`)
        .done(1);
    }
    items = w;
  }
  const perCommand =
    replace !== undefined ? 1 : Number(p.value('n') ?? p.value('L') ?? Number.POSITIVE_INFINITY);
  if (!(perCommand > 0)) {
    if (!t.gnu) return showUsage(t);
    return t
      .fail(`value ${p.value('n') ?? p.value('L')} for -${p.has('n') ? 'n' : 'L'} option should be >= 1`)
      .done(1);
  }
  const batches: string[][] = [];
  for (let i = 0; i < items.length; i += perCommand) batches.push(items.slice(i, i + perCommand));
  if (batches.length === 0 && !p.has('r') && replace === undefined) batches.push([]);
  let status = 0;
  for (const batch of batches) {
    const argv =
      replace !== undefined ? command.map((a) => a.replaceAll(replace, batch[0]!)) : [...command, ...batch];
    if (p.has('t')) t.err(`${argv.join(' ')}\n`);
    const code = await runChild(t, argv);
    if (code === null) return t.running();
    if (code === 127 || code === 126) return t.done(code);
    if (code === 255) {
      t.fail(`${argv[0]}: exited with status 255; aborting`);
      return t.done(124);
    }
    if (code > 128) return t.done(125);
    if (code !== 0) status = 123;
  }
  return t.done(status);
}
