/**
 * The value printer behind Go's fmt verbs (%v %s %d %q %x %f …) with flags, width and precision,
 * including its error forms (`%!d(string=x)`).
 */
import { type FloatVerb, formatFloat } from '../gofloat.js';
import { canBackquote, goQuote, goQuoteRune } from './quote.js';
import { GoFloat, kindOf, mapKeys, num, structFields, typeName } from './values.js';

export interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

export function clearFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  };
}

const runeCount = (s: string): number => Array.from(s).length;

export class Printer {
  buf = '';
  f: Flags = clearFlags();

  private writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  /** Pads to the width, counting runes, on the left unless `-`. */
  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const n = this.f.wid - runeCount(s);
    if (this.f.minus) {
      this.buf += s;
      this.writePadding(n);
    } else {
      this.writePadding(n);
      this.buf += s;
    }
  }

  private withoutZero(fn: () => void): void {
    const old = this.f.zero;
    this.f.zero = false;
    fn();
    this.f.zero = old;
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    const chars = Array.from(s);
    return chars.length > this.f.prec ? chars.slice(0, this.f.prec).join('') : s;
  }

  badVerb(verb: string, v: unknown): void {
    this.buf += `%!${verb}(`;
    if (v === undefined || v === null) {
      this.buf += '<nil>';
    } else {
      this.buf += `${typeName(v)}=`;
      this.printArg(v, 'v');
    }
    this.buf += ')';
  }

  printArg(arg: unknown, verb: string): void {
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: unknown, verb: string, depth: number): void {
    const kind = kindOf(v);
    switch (kind) {
      case 'invalid':
      case 'nil':
        if (depth === 0) this.printArg(v, verb);
        else this.buf += '<nil>';
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
        else this.badVerb(verb, v);
        return;
      case 'int':
        this.fmtInteger(num(v), verb, v);
        return;
      case 'float':
        this.fmtFloat(num(v), verb, v);
        return;
      case 'string':
        this.fmtString(v as string, verb);
        return;
      case 'slice':
        this.printList(v as unknown[], verb, depth);
        return;
      case 'map':
        this.printMap(v as Record<string, unknown>, verb, depth);
        return;
      case 'struct':
        this.printStruct(v as object, verb, depth);
        return;
      default:
        this.buf += verb === 'v' ? '0xc000000000' : `%!${verb}(${typeName(v)}=0xc000000000)`;
    }
  }

  private printList(items: unknown[], verb: string, depth: number): void {
    if (this.f.sharpV) {
      this.buf += `${typeName(items)}{`;
      items.forEach((e, i) => {
        if (i > 0) this.buf += ', ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += '}';
      return;
    }
    this.buf += '[';
    items.forEach((e, i) => {
      if (i > 0) this.buf += ' ';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += ']';
  }

  private printMap(m: Record<string, unknown>, verb: string, depth: number): void {
    this.buf += this.f.sharpV ? `${typeName(m)}{` : 'map[';
    mapKeys(m).forEach((k, i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(m[k], verb, depth + 1);
    });
    this.buf += this.f.sharpV ? '}' : ']';
  }

  private printStruct(s: object, verb: string, depth: number): void {
    const name = typeName(s);
    if (this.f.sharpV) this.buf += name.startsWith('*') ? `&${name.slice(1)}` : name;
    else if (depth === 0 && name.startsWith('*')) this.buf += '&';
    this.buf += '{';
    structFields(s).forEach(([k, val], i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      if (this.f.plusV || this.f.sharpV) this.buf += `${k}:`;
      this.printValue(val, verb, depth + 1);
    });
    this.buf += '}';
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'q':
        this.fmtQ(s);
        return;
      case 'x':
      case 'X':
        this.fmtSx(s, verb === 'X');
        return;
      default:
        this.badVerb(verb, s);
    }
  }

  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad(`\`${s}\``);
    else this.pad(goQuote(s, this.f.plus));
  }

  private fmtSx(s: string, upper: boolean): void {
    let bytes = [...Buffer.from(s, 'utf8')];
    if (this.f.precPresent && this.f.prec < bytes.length) bytes = bytes.slice(0, this.f.prec);
    const x = upper ? 'X' : 'x';
    let out = '';
    bytes.forEach((b, i) => {
      if (this.f.space && i > 0) out += ' ';
      if (this.f.sharp && (this.f.space || i === 0)) out += `0${x}`;
      const h = b.toString(16).padStart(2, '0');
      out += upper ? h.toUpperCase() : h;
    });
    if (out === '') this.writePadding(this.f.widPresent ? this.f.wid : 0);
    else this.pad(out);
  }

  private fmtInteger(n: number, verb: string, orig: unknown): void {
    const bases: Record<string, number> = { v: 10, d: 10, b: 2, o: 8, O: 8, x: 16, X: 16 };
    if (verb === 'c' || verb === 'q') {
      this.pad(verb === 'c' ? String.fromCodePoint(validRune(n)) : goQuoteRune(n));
      return;
    }
    if (verb === 'U') {
      this.fmtUnicode(n);
      return;
    }
    const base = bases[verb];
    if (base === undefined) {
      this.badVerb(verb, orig);
      return;
    }
    const neg = n < 0;
    let digits = Math.abs(n).toString(base);
    if (verb === 'X') digits = digits.toUpperCase();
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      // Precision 0 and value 0 prints nothing but padding.
      if (prec === 0 && n === 0) {
        this.withoutZero(() => this.writePadding(this.f.wid));
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.f.wid;
      if (neg || this.f.plus || this.f.space) prec--;
    }
    digits = digits.padStart(prec, '0');
    if (this.f.sharp) {
      if (base === 2) digits = `0b${digits}`;
      else if (base === 8 && digits[0] !== '0') digits = `0${digits}`;
      else if (base === 16) digits = `0${verb}${digits}`;
    }
    if (verb === 'O') digits = `0o${digits}`;
    const sign = neg ? '-' : this.f.plus ? '+' : this.f.space ? ' ' : '';
    this.withoutZero(() => this.pad(sign + digits));
  }

  private fmtUnicode(n: number): void {
    const u = BigInt.asUintN(64, BigInt(n));
    const hex = u.toString(16).toUpperCase();
    let s = `U+${hex.padStart(this.f.precPresent ? Math.max(this.f.prec, 4) : 4, '0')}`;
    if (this.f.sharp && u <= 0x10ffffn) {
      const ch = String.fromCodePoint(validRune(n));
      if (ch === ' ' || !/[\p{C}\p{Z}]/u.test(ch)) s += ` '${ch}'`;
    }
    this.withoutZero(() => this.pad(s));
  }

  private fmtFloat(x: number, verb: string, orig: unknown): void {
    let fverb: FloatVerb;
    let prec: number;
    if (verb === 'v') [fverb, prec] = ['g', -1];
    else if ('bgGxX'.includes(verb)) [fverb, prec] = [verb as FloatVerb, -1];
    else if ('eEfF'.includes(verb)) [fverb, prec] = [verb as FloatVerb, 6];
    else {
      this.badVerb(verb, orig instanceof GoFloat ? orig : x);
      return;
    }
    if (this.f.precPresent) prec = this.f.prec;
    let s = formatFloat(x, fverb, prec);
    if (s[0] !== '-' && s[0] !== '+') s = `+${s}`;
    if (this.f.space && s[0] === '+' && !this.f.plus) s = ` ${s.slice(1)}`;
    if (s[1] === 'I' || s[1] === 'N') {
      const t = s[1] === 'N' && !this.f.space && !this.f.plus ? s.slice(1) : s;
      this.withoutZero(() => this.pad(t));
      return;
    }
    if (this.f.sharp && fverb !== 'b') s = sharpFloat(s, fverb, prec);
    if (this.f.plus || s[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.f.wid > s.length) {
        this.buf += s[0];
        this.writePadding(this.f.wid - s.length);
        this.buf += s.slice(1);
        return;
      }
      this.pad(s);
      return;
    }
    this.pad(s.slice(1));
  }
}

function validRune(n: number): number {
  return n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n;
}

/**
 * The `#` flag on floats: always a decimal point, and for %g/%x the trailing zeros up to the
 * precision (6 by default). Counts digits the way Go does, the `x` of `0x` included.
 */
function sharpFloat(num: string, verb: FloatVerb, prec: number): string {
  let digits = verb === 'g' || verb === 'G' || verb === 'x' ? (prec === -1 ? 6 : prec) : 0;
  let body = num;
  let tail = '';
  let hasDot = false;
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i]!;
    const exponent = c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X');
    if (exponent) {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    }
    if (c === '.') {
      hasDot = true;
      continue;
    }
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!hasDot) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  return body + '0'.repeat(Math.max(digits, 0)) + tail;
}
