/**
 * Go's strconv float formatting (`%e`, `%f`, `%g` with or without a precision), reproduced digit for digit.
 *
 * JavaScript's toPrecision rounds exact ties upwards, Go rounds them to even (12.25 → `12.2` in Go), so
 * precision formats round the exact decimal expansion of the double here. Shortest formats (%v) use the
 * shortest round-trip digits, which both languages agree on.
 */

/** The decimal digits of |x| (no leading or trailing zeros) and the position of the decimal point. */
interface Digits {
  d: string;
  dp: number;
}

const view = new DataView(new ArrayBuffer(8));

/** Exact decimal expansion of a finite, non-negative double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let text: string;
  let dp: number;
  if (exp >= 0) {
    text = (mant << BigInt(exp)).toString();
    dp = text.length;
  } else {
    // m / 2^k = m * 5^k / 10^k
    text = (mant * 5n ** BigInt(-exp)).toString();
    dp = text.length + exp;
  }
  return trimDigits(text, dp);
}

function trimDigits(text: string, dp: number): Digits {
  let start = 0;
  while (start < text.length && text[start] === '0') start++;
  let end = text.length;
  while (end > start && text[end - 1] === '0') end--;
  return { d: text.slice(start, end), dp: dp - start };
}

/** Shortest digits that round-trip (what Go uses for precision -1). */
function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const [mant = '', e = '0'] = x.toExponential().split('e');
  return trimDigits(mant.replace('.', ''), Number(e) + 1);
}

/** Rounds to nd digits, ties to even (Go's decimal.Round). */
function roundDigits(x: Digits, nd: number): Digits {
  if (nd < 0) return { d: '', dp: 0 };
  if (nd >= x.d.length) return x;
  const next = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next === 5 && nd + 1 === x.d.length) {
    up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = next >= 5;
  }
  if (!up) return trimDigits(x.d.slice(0, nd), x.dp);
  const chars = x.d.slice(0, nd).split('');
  let i = nd - 1;
  while (i >= 0 && chars[i] === '9') {
    chars[i] = '0';
    i--;
  }
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
  return trimDigits(chars.join(''), x.dp);
}

function digitAt(x: Digits, i: number): string {
  return i >= 0 && i < x.d.length ? x.d[i]! : '0';
}

function fmtE(x: Digits, prec: number, e: 'e' | 'E'): string {
  let out = x.d.length === 0 ? '0' : x.d[0]!;
  if (prec > 0) out += '.' + Array.from({ length: prec }, (_, i) => digitAt(x, i + 1)).join('');
  const exp = x.d.length === 0 ? 0 : x.dp - 1;
  const abs = Math.abs(exp);
  return `${out}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function fmtF(x: Digits, prec: number): string {
  let out = '';
  if (x.dp > 0) {
    for (let i = 0; i < x.dp; i++) out += digitAt(x, i);
  } else {
    out = '0';
  }
  if (prec > 0) out += '.' + Array.from({ length: prec }, (_, i) => digitAt(x, x.dp + i)).join('');
  return out;
}

export type FloatVerb = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'b' | 'x' | 'X';

/** strconv.FormatFloat(x, verb, prec, 64); prec < 0 means "shortest". */
export function formatFloat(x: number, verb: FloatVerb, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const body =
    verb === 'b'
      ? formatBinary(Math.abs(x))
      : verb === 'x' || verb === 'X'
        ? formatHex(Math.abs(x), verb, prec)
        : formatAbs(Math.abs(x), verb, prec);
  return neg ? `-${body}` : body;
}

/** The 53-bit mantissa and binary exponent of |x| (x = mant × 2^(exp-52)). */
function bits(x: number): [bigint, number] {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let exp = (hi >>> 20) & 0x7ff;
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return [mant, exp - 1023];
}

/** `%b`: decimal mantissa and binary exponent, `5629499534213120p-51`. */
function formatBinary(x: number): string {
  const [mant, exp] = bits(x);
  const e = exp - 52;
  return `${mant}p${e >= 0 ? '+' : ''}${e}`;
}

/** `%x`: hexadecimal mantissa and binary exponent, `0x1.4p+01`. */
function formatHex(x: number, verb: 'x' | 'X', prec: number): string {
  let [mant, exp] = bits(x);
  if (mant === 0n) exp = 0;
  const ONE = 1n << 60n;
  mant <<= 8n;
  while (mant !== 0n && (mant & ONE) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (ONE - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  let out = `0${verb}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const digit = (): string => {
    const d = ((mant >> 60n) & 15n).toString(16);
    mant = (mant << 4n) & ((1n << 64n) - 1n);
    return verb === 'X' ? d.toUpperCase() : d;
  };
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) out += digit();
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digit();
  }
  const abs = Math.abs(exp);
  return `${out}${verb === 'X' ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function formatAbs(x: number, verb: FloatVerb, prec: number): string {
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(x);
  } else if (verb === 'e' || verb === 'E') {
    digs = roundDigits(exactDigits(x), prec + 1);
  } else if (verb === 'f' || verb === 'F') {
    const all = exactDigits(x);
    digs = roundDigits(all, all.dp + prec);
  } else {
    digs = roundDigits(exactDigits(x), prec === 0 ? 1 : prec);
    if (prec === 0) prec = 1;
  }
  switch (verb) {
    case 'e':
    case 'E':
      return fmtE(digs, shortest ? Math.max(digs.d.length - 1, 0) : prec, verb);
    case 'f':
    case 'F':
      return fmtF(digs, shortest ? Math.max(digs.d.length - digs.dp, 0) : prec);
    default:
      return formatG(digs, shortest ? digs.d.length : prec, shortest, verb === 'g' ? 'e' : 'E');
  }
}

function formatG(digs: Digits, prec: number, shortest: boolean, e: 'e' | 'E'): string {
  const nd = digs.d.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  // With the shortest digits Go decides on exponent form as if the precision were 6.
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    return fmtE(digs, Math.min(prec, nd) - 1, e);
  }
  return fmtF(digs, Math.max((prec > digs.dp ? nd : prec) - digs.dp, 0));
}

/** Go's `%v` for a float64 (`1e+06`, `0.5`, `1.23456789e+08`). */
export function formatFloatV(x: number): string {
  return formatFloat(x, 'g', -1);
}
