import type { MemInfo } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import {
  type GetoptSpec,
  getopt,
  getoptMessage,
  has,
  isGetoptError,
  lastValue,
  type Opt,
} from '../common/getopt.js';
import { kib } from '../common/host.js';
import { cFixed } from '../common/text.js';

/**
 * procps-ng 4 `free`. Inside a container it prints the host's memory, as the real one does:
 * /proc/meminfo is not namespaced. `used` is MemTotal − MemAvailable (procps 3.3 computed it
 * from free and cache, so Ubuntu 22.04 shows other numbers).
 */
const USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -L, --line          show output on a single line
 -t, --total         show total for RAM + swap
 -v, --committed     show committed memory and commit limit
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

const LONG: GetoptSpec['long'] = {
  bytes: ['b', 'none'],
  kilo: ['K', 'none'],
  mega: ['M', 'none'],
  giga: ['G', 'none'],
  tera: ['T', 'none'],
  peta: ['P', 'none'],
  kibi: ['k', 'none'],
  mebi: ['m', 'none'],
  gibi: ['g', 'none'],
  tebi: ['E', 'none'],
  pebi: ['F', 'none'],
  human: ['h', 'none'],
  si: ['S', 'none'],
  lohi: ['l', 'none'],
  line: ['L', 'none'],
  total: ['t', 'none'],
  committed: ['v', 'none'],
  seconds: ['s', 'required'],
  count: ['c', 'required'],
  wide: ['w', 'none'],
  help: ['H', 'none'],
  version: ['V', 'none'],
};

const UNITS: Record<string, [exponent: number, si: boolean]> = {
  b: [1, false],
  k: [2, false],
  m: [3, false],
  g: [4, false],
  E: [5, false],
  F: [6, false],
  K: [2, true],
  M: [3, true],
  G: [4, true],
  T: [5, true],
  P: [6, true],
};

interface Scale {
  exponent: number;
  si: boolean;
  human: boolean;
}

/** procps' scale_size: KiB in, text out; `-h` picks the first unit that fits 4–5 characters. */
export function scaleSize(kb: number, s: Scale): string {
  const base = s.si ? 1000 : 1024;
  const bytes = kb * 1024;
  if (!s.human) {
    if (s.exponent === 0) return String(Math.floor(bytes / base));
    if (s.exponent === 1) return String(bytes);
    return String(Math.floor(bytes / base ** (s.exponent - 1)));
  }
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const units = 'KMGTP';
  let text = '';
  for (let i = 1; i <= units.length; i++) {
    const value = Math.fround(bytes / base ** i);
    const suffix = s.si ? units[i - 1]! : `${units[i - 1]}i`;
    const limit = s.si ? 4 : 5;
    text = `${cFixed(value, 1)}${suffix}`;
    if (text.length <= limit) return text;
    text = `${Math.trunc(bytes / base ** i)}${suffix}`;
    if (text.length <= limit) return text;
  }
  return text;
}

function scaleOf(opts: Opt[]): Scale | string {
  const units = opts.filter((o) => UNITS[o.key]);
  if (units.length > 1) return "Multiple unit options don't make sense.";
  const [exponent, si] = units.length ? UNITS[units[0]!.key]! : [0, false];
  return { exponent, si: si || opts.some((o) => o.key === 'S'), human: opts.some((o) => o.key === 'h') };
}

export function freeTable(m: MemInfo, s: Scale, o: { wide: boolean; total: boolean }): string {
  const kb = {
    total: kib(m.total),
    free: kib(m.free),
    available: kib(m.available),
    shared: kib(m.shared),
    buffers: kib(m.buffers),
    cached: kib(m.cached),
    swapTotal: kib(m.swapTotal),
    swapFree: kib(m.swapFree),
  };
  const used = kb.total - kb.available;
  const swapUsed = kb.swapTotal - kb.swapFree;
  const row = (label: string, values: number[]) =>
    `${label.padEnd(9)}${values.map((v, i) => (i ? ' ' : '') + scaleSize(v, s).padStart(11)).join('')}\n`;
  let text = o.wide
    ? '               total        used        free      shared     buffers       cache   available\n'
    : '               total        used        free      shared  buff/cache   available\n';
  const cache = o.wide ? [kb.buffers, kb.cached] : [kb.buffers + kb.cached];
  text += row('Mem:', [kb.total, used, kb.free, kb.shared, ...cache, kb.available]);
  text += row('Swap:', [kb.swapTotal, swapUsed, kb.swapFree]);
  if (o.total) text += row('Total:', [kb.total + kb.swapTotal, used + swapUsed, kb.free + kb.swapFree]);
  return text;
}

function runFree(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const p = getopt(ctx.argv.slice(1), { short: 'bkmghlLtvc:ws:V', long: LONG });
  if (isGetoptError(p)) return out.err(getoptMessage('free', p, 'glibc') + USAGE).exit(1);
  if (p.operands.length) return out.err(USAGE).exit(1);
  if (has(p, 'H')) return out.out(USAGE).exit(0);
  if (has(p, 'V')) return out.out('free from procps-ng 4.0.4\n').exit(0);
  const scale = scaleOf(p.opts);
  if (typeof scale === 'string') return out.err(`free: ${scale}\n`).exit(1);
  const count = lastValue(p, 'c');
  if (count !== undefined && !(Number(count) >= 1)) {
    return out.err(`free: failed to parse count argument: '${count}'\n`).exit(1);
  }
  const text = freeTable(ctx.sys.meminfo(), scale, { wide: has(p, 'w'), total: has(p, 't') });
  if (!has(p, 's') && count === undefined) return out.out(text).exit(0);
  // -s/-c: a blank line after each report, then the next one an interval later (forever without -c).
  const every = Math.max(1, Number(lastValue(p, 's') ?? 1) * 1000);
  if (count === undefined) return { events: [{ at: 0, kind: 'stdout', text: `${text}\n` }] };
  for (let i = 0; i < Number(count); i++) out.wait(i ? every : 0).out(`${text}\n`);
  return out.exit(0);
}

export const freeProgram: Program = { name: 'free', run: runFree };
