import { parseNumber } from '../arith.js';
import type { Call } from './call.js';
import { expandEscapes } from './escapes.js';

/**
 * `echo`: bash and busybox take `-n`, `-e`, `-E` and print backslashes as they are unless `-e`;
 * dash takes only `-n` and always expands escapes.
 */
export function echo(c: Call): number {
  let args = c.args;
  let newline = true;
  let escapes = c.dialect === 'dash';
  if (c.dialect === 'dash') {
    if (args[0] === '-n') {
      newline = false;
      args = args.slice(1);
    }
  } else {
    while (args.length && /^-[neE]+$/.test(args[0]!)) {
      for (const f of args[0]!.slice(1)) {
        if (f === 'n') newline = false;
        else escapes = f === 'e';
      }
      args = args.slice(1);
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = expandEscapes(text, 'echo');
    if (r.stop) {
      c.out(r.text);
      return 0;
    }
    text = r.text;
  }
  c.out(newline ? `${text}\n` : text);
  return 0;
}

const SPEC = /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([a-zA-Z%])/y;

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0]! : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** `printf FORMAT [ARG]...`, reusing the format while arguments remain. */
export function printf(c: Call): number {
  const [format, ...args] = c.args;
  if (format === undefined) {
    c.error(
      c.dialect === 'bash' ? 'usage: printf [-v var] format [arguments]' : 'usage: printf format [arg ...]',
    );
    return c.dialect === 'bash' ? 2 : 1;
  }
  let status = 0;
  let i = 0;
  const next = (): string | undefined => args[i++];
  const num = (arg: string | undefined): bigint => {
    if (arg === undefined || arg === '') return 0n;
    if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
    const neg = arg.trim().startsWith('-');
    const v = parseNumber(arg.trim().replace(/^[-+]/, ''));
    if (v === undefined) {
      c.error(c.dialect === 'bash' ? `${arg}: invalid number` : `${arg}: expected numeric value`);
      status = 1;
      return BigInt(Number.parseInt(arg, 10) || 0);
    }
    return neg ? -v : v;
  };
  let out = '';
  do {
    const consumedBefore = i;
    let k = 0;
    while (k < format.length) {
      const ch = format[k]!;
      if (ch === '\\') {
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(k))!;
        const r = expandEscapes(m[0], 'printf');
        if (r.stop) {
          c.out(out);
          return status;
        }
        out += r.text;
        k += m[0].length;
        continue;
      }
      if (ch !== '%') {
        out += ch;
        k++;
        continue;
      }
      SPEC.lastIndex = k;
      const m = SPEC.exec(format);
      if (!m) {
        out += ch;
        k++;
        continue;
      }
      k = SPEC.lastIndex;
      const [, flags = '', w, p, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = w === '*' ? Number(num(next())) : Number(w ?? 0);
      const prec = p === undefined ? undefined : p === '*' ? Number(num(next())) : Number(p || 0);
      const left = flags.includes('-') || width < 0;
      const zero = flags.includes('0') && !left;
      const field = formatOne(conv!, flags, prec, next, num);
      if (field.stop) {
        c.out(out + field.text);
        return status;
      }
      out += pad(field.text, Math.abs(width), left, zero && !'sbc'.includes(conv!));
    }
    if (i === consumedBefore) break;
  } while (i < args.length);
  c.out(out);
  return status;
}

function formatOne(
  conv: string,
  flags: string,
  prec: number | undefined,
  next: () => string | undefined,
  num: (a: string | undefined) => bigint,
): { text: string; stop?: boolean } {
  switch (conv) {
    case 's': {
      const s = next() ?? '';
      return { text: prec === undefined ? s : s.slice(0, prec) };
    }
    case 'b': {
      const r = expandEscapes(next() ?? '', 'echo');
      return { text: prec === undefined ? r.text : r.text.slice(0, prec), stop: r.stop };
    }
    case 'c':
      return { text: (next() ?? '').slice(0, 1) };
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      const v = num(next());
      const unsigned = conv === 'd' || conv === 'i' ? v : BigInt.asUintN(64, v);
      const abs = unsigned < 0n ? -unsigned : unsigned;
      let digits = abs.toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
      if (conv === 'X') digits = digits.toUpperCase();
      if (prec !== undefined) digits = digits.padStart(prec, '0');
      if (flags.includes('#') && abs !== 0n)
        digits = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + digits;
      const sign = unsigned < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      return { text: sign + digits };
    }
    default: {
      const arg = next();
      const v = Number(arg ?? 0) || 0;
      const pr = prec ?? 6;
      let text: string;
      if (conv === 'e' || conv === 'E') text = v.toExponential(pr).replace(/e([+-])(\d)$/, 'e$10$2');
      else if (conv === 'g' || conv === 'G') text = String(Number(v.toPrecision(pr || 1)));
      else text = v.toFixed(pr);
      if (conv === 'E' || conv === 'G') text = text.toUpperCase();
      return { text: v >= 0 && flags.includes('+') ? `+${text}` : text };
    }
  }
}
