import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { type Flavour, failure, usageFailure } from '../common/fail.js';
import { type GetoptSpec, getopt, isGetoptError } from '../common/getopt.js';
import { format } from '../common/strftime.js';
import { quote } from '../common/text.js';

/**
 * `date`, reading the simulated clock (ctx.sys.now()). The host and every container run on UTC,
 * so `-u` changes nothing. `-d` understands the forms people type: `@EPOCH`, ISO dates and
 * times, `yesterday`/`tomorrow`, `N units ago`, `+N units`.
 */
const LONG: GetoptSpec['long'] = {
  date: ['d', 'required'],
  'iso-8601': ['I', 'optional'],
  'rfc-email': ['R', 'none'],
  'rfc-2822': ['R', 'none'],
  'rfc-3339': ['T', 'required'],
  reference: ['r', 'required'],
  set: ['s', 'required'],
  utc: ['u', 'none'],
  universal: ['u', 'none'],
  debug: ['D', 'none'],
  help: ['h', 'none'],
  version: ['V', 'none'],
};

const UNITS: Record<string, number> = {
  sec: 1000,
  second: 1000,
  min: 60000,
  minute: 60000,
  hour: 3600000,
  day: 86400000,
  week: 604800000,
  fortnight: 1209600000,
};

function addMonths(ms: number, n: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.getTime();
}

/** What `date -d TEXT` means at `now`, or undefined (invalid date). */
export function parseDate(text: string, now: number): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'now' || t === 'today') return now;
  if (t === 'yesterday') return now - 86400000;
  if (t === 'tomorrow') return now + 86400000;
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (epoch) return Number(epoch[1]) * 1000;
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/.exec(
      t,
    );
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = iso;
    let ms = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h),
      Number(mi),
      Number(s),
      Number(`0.${frac || 0}`) * 1000,
    );
    const off = zone && /^[+-]/.test(zone) ? zone.replace(':', '') : undefined;
    if (off)
      ms -= (off.startsWith('-') ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(3, 5))) * 60000;
    return Number.isNaN(ms) ? undefined : ms;
  }
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clock) {
    const d = new Date(now);
    return Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      Number(clock[1]),
      Number(clock[2]),
      Number(clock[3] ?? 0),
    );
  }
  const rel = /^([+-]?\d+)?\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?(\s+ago)?$/.exec(t);
  if (rel) {
    const n = Number(rel[1] ?? 1) * (rel[3] ? -1 : 1);
    if (rel[2] === 'month') return addMonths(now, n);
    if (rel[2] === 'year') return addMonths(now, 12 * n);
    return now + n * UNITS[rel[2]!]!;
  }
  const withZone = /\b(utc|gmt|z)\b|[+-]\d{4}\b/.test(t) ? text : `${text} UTC`;
  const parsed = Date.parse(withZone);
  return Number.isNaN(parsed) ? undefined : parsed;
}

const ISO: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};
const RFC3339: Record<string, string> = {
  date: '%Y-%m-%d',
  seconds: '%Y-%m-%d %H:%M:%S%:z',
  ns: '%Y-%m-%d %H:%M:%S.%N%:z',
};

function outputFormat(
  keys: { key: string; value?: string }[],
  plus: string | undefined,
): string | { error: string } {
  const chosen: string[] = [];
  for (const o of keys) {
    if (o.key === 'I') {
      const spec = o.value ?? 'date';
      const name = Object.keys(ISO).find((k) => k.startsWith(spec) && spec);
      if (!name) return { error: `invalid argument '${spec}' for '--iso-8601'` };
      chosen.push(ISO[name]!);
    } else if (o.key === 'T') {
      const fmt = RFC3339[o.value ?? ''];
      if (!fmt) return { error: `invalid argument '${o.value}' for '--rfc-3339'` };
      chosen.push(fmt);
    } else if (o.key === 'R') chosen.push('%a, %d %b %Y %H:%M:%S %z');
  }
  if (plus !== undefined) chosen.push(plus);
  if (chosen.length > 1) return { error: 'multiple output formats specified' };
  return chosen[0] ?? '%a %b %e %H:%M:%S %Z %Y';
}

export function date(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const gnu = flavour === 'gnu';
  const p = getopt(ctx.argv.slice(1), {
    short: gnu ? 'd:f:I::r:Rs:u' : 'Rs:ud:r:I::D:',
    long: gnu ? LONG : undefined,
  });
  if (isGetoptError(p)) return usageFailure(ctx, 'date', flavour, p);
  if (p.opts.some((o) => o.key === 'h'))
    return new Output().out('Usage: date [OPTION]... [+FORMAT]\n').exit(0);
  if (p.opts.some((o) => o.key === 'V')) return new Output().out('date (GNU coreutils) 9.4\n').exit(0);
  const plus = p.operands.filter((a) => a.startsWith('+'));
  const other = p.operands.filter((a) => !a.startsWith('+'));
  if (plus.length > 1)
    return usageFailure(ctx, 'date', flavour, gnu ? `extra operand ${quote(ctx.env, plus[1]!)}` : undefined);
  const fmt = outputFormat(p.opts, plus[0]?.slice(1));
  if (typeof fmt !== 'string') return usageFailure(ctx, 'date', flavour, gnu ? fmt.error : undefined);
  let when = ctx.sys.now();
  const invalid = (t: string) => failure('date', `invalid date ${gnu ? quote(ctx.env, t) : `'${t}'`}`);
  for (const o of p.opts) {
    if (o.key === 'd') {
      const parsed = parseDate(o.value!, ctx.sys.now());
      if (parsed === undefined) return invalid(o.value!);
      when = parsed;
    }
    if (o.key === 'r') {
      const st = ctx.fs.stat(o.value!);
      if (!st)
        return failure('date', `${gnu ? quote(ctx.env, o.value!) : o.value}: No such file or directory`);
      when = st.mtime * 1000;
    }
  }
  const setTo = p.opts.find((o) => o.key === 's')?.value ?? other[0];
  const out = new Output();
  if (setTo !== undefined) {
    const parsed = parseDate(setTo, ctx.sys.now());
    if (parsed === undefined) return invalid(setTo);
    when = parsed;
    // Setting the clock needs CAP_SYS_TIME: containers never have it, and the simulated
    // host's clock is the simulation's, so the attempt fails but date still prints.
    if (!gnu) return failure('date', "can't set date: Operation not permitted");
    out.err('date: cannot set date: Operation not permitted\n');
    return out.out(`${format(fmt, when)}\n`).exit(1);
  }
  return out.out(`${format(fmt, when)}\n`).exit(0);
}
