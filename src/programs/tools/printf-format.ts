/**
 * C printf conversions, shared by printf(1) and awk's printf/sprintf: flags `-+ #0`, width,
 * precision, and `d i o u x X c s f F e E g G %`.
 */
export interface Conversion {
  flags: string;
  width?: number;
  precision?: number;
  conv: string;
}

/** Parses `%-10.3f`-style text after the `%`; `*` widths are marked with -1 for the caller. */
export function parseConversion(format: string, start: number): { c: Conversion; end: number } | undefined {
  const m = /^([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlLqjzt]*([diouxXcsfFeEgGb%])/.exec(format.slice(start));
  if (!m) return undefined;
  const c: Conversion = { flags: m[1]!, conv: m[4]! };
  if (m[2] !== undefined) c.width = m[2] === '*' ? -1 : Number(m[2]);
  if (m[3] !== undefined) c.precision = m[3] === '*' ? -1 : Number(m[3] || '0');
  return { c, end: start + m[0].length };
}

function pad(body: string, c: Conversion, numeric: boolean): string {
  const width = c.width ?? 0;
  if (body.length >= width) return body;
  if (c.flags.includes('-')) return body.padEnd(width, ' ');
  const zero = numeric && c.flags.includes('0') && !(c.precision !== undefined && 'diouxX'.includes(c.conv));
  if (!zero) return body.padStart(width, ' ');
  const sign = /^[-+ ]/.test(body) ? body[0]! : '';
  const prefix = /^[-+ ]?0[xX]/.test(body) ? body.slice(sign.length, sign.length + 2) : '';
  const digits = body.slice(sign.length + prefix.length);
  return sign + prefix + digits.padStart(width - sign.length - prefix.length, '0');
}

function signed(n: number, digits: string, c: Conversion): string {
  if (n < 0 || Object.is(n, -0)) return `-${digits}`;
  if (c.flags.includes('+')) return `+${digits}`;
  if (c.flags.includes(' ')) return ` ${digits}`;
  return digits;
}

function integer(n: number, c: Conversion): string {
  const v = Number.isFinite(n) ? Math.trunc(n) : 0;
  if (c.conv === 'd' || c.conv === 'i') {
    let digits = BigInt(Math.abs(v)).toString();
    if (c.precision !== undefined)
      digits = c.precision === 0 && v === 0 ? '' : digits.padStart(c.precision, '0');
    return signed(v, digits, c);
  }
  const big = v < 0 ? (1n << 64n) + BigInt(v) : BigInt(v);
  const radix = c.conv === 'o' ? 8 : c.conv === 'u' ? 10 : 16;
  let digits = big.toString(radix);
  if (c.conv === 'X') digits = digits.toUpperCase();
  if (c.precision !== undefined)
    digits = c.precision === 0 && big === 0n ? '' : digits.padStart(c.precision, '0');
  if (c.flags.includes('#') && big !== 0n) {
    if (c.conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if (c.conv === 'x') digits = `0x${digits}`;
    if (c.conv === 'X') digits = `0X${digits}`;
  }
  return digits;
}

function exponential(v: number, precision: number, upper: boolean): string {
  const [mant, exp] = v.toExponential(precision).split('e') as [string, string];
  const sign = exp.startsWith('-') ? '-' : '+';
  const text = `${mant}e${sign}${exp.replace(/^[-+]/, '').padStart(2, '0')}`;
  return upper ? text.toUpperCase() : text;
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function general(v: number, c: Conversion): string {
  const p = c.precision === undefined ? 6 : c.precision === 0 ? 1 : c.precision;
  if (v === 0) return c.flags.includes('#') ? (0).toFixed(p - 1) : '0';
  const x = Number(v.toExponential(p - 1).split('e')[1]);
  let text = x < -4 || x >= p ? exponential(v, p - 1, c.conv === 'G') : v.toFixed(Math.max(0, p - 1 - x));
  if (!c.flags.includes('#')) {
    const e = text.search(/[eE]/);
    text = e < 0 ? stripZeros(text) : stripZeros(text.slice(0, e)) + text.slice(e);
  }
  return text;
}

function float(n: number, c: Conversion): string {
  const upper = c.conv === 'F' || c.conv === 'E' || c.conv === 'G';
  if (!Number.isFinite(n)) {
    const word = Number.isNaN(n) ? 'nan' : 'inf';
    return signed(Number.isNaN(n) ? 1 : n, upper ? word.toUpperCase() : word, c);
  }
  const a = Math.abs(n);
  const p = c.precision ?? 6;
  let digits: string;
  if (c.conv === 'f' || c.conv === 'F') digits = a.toFixed(Math.min(p, 100));
  else if (c.conv === 'e' || c.conv === 'E') digits = exponential(a, Math.min(p, 100), upper);
  else digits = general(a, c);
  return signed(n, digits, c);
}

/** One conversion of an argument given both as text and as a number. */
export function formatOne(c: Conversion, str: string, num: number): string {
  switch (c.conv) {
    case '%':
      return '%';
    case 's':
    case 'b':
      return pad(c.precision !== undefined ? str.slice(0, c.precision) : str, c, false);
    case 'c':
      return pad(str.slice(0, 1), c, false);
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      return pad(integer(num, c), c, true);
    default:
      return pad(float(num, c), c, true);
  }
}

/** The backslash escapes of printf's format, `echo -e` and `%b`; `stop` is set by `\c`. */
export function unescapeText(text: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[++i]!;
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      e: '\x1b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
    };
    if (simple[next] !== undefined) out += simple[next];
    else if (next === 'c') return { text: out, stop: true };
    else if (next === 'x' && /[0-9a-fA-F]/.test(text[i + 1] ?? '')) {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += hex.length;
    } else if (/[0-7]/.test(next) && (!octalNeedsZero || next === '0')) {
      const max = octalNeedsZero ? 4 : 3;
      const oct = /^[0-7]+/.exec(text.slice(i, i + max))![0];
      const digits = octalNeedsZero ? oct.slice(1) || '0' : oct;
      out += String.fromCharCode(Number.parseInt(digits, 8) & 0xff);
      i += oct.length - 1;
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}
